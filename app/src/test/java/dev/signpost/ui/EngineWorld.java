package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.net.NetOptions;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * One test-kit world for all tests of a wizard test class, built before the first and closed after the last, and the
 * real discovery engine pointed at it. Register it as a static field:
 * {@code @RegisterExtension static final EngineWorld WORLD = new EngineWorld(AdviceWorlds::noDelegationYet);}
 */
public final class EngineWorld implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestWorld> build;
    private TestWorld world;

    public EngineWorld(Supplier<TestWorld> build) {
        this.build = build;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        world = build.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (world != null) {
            world.close();
        }
    }

    /** The world, for tests that change it between checks. */
    public TestWorld world() {
        return world;
    }

    /** The engine, English, with {@code timeout} per operation, reaching the world's servers. */
    public Discovery engine(Duration timeout) {
        return engine(world.netOptions(timeout));
    }

    /** The engine, English, with the given network settings (for tests that stand in another network). */
    public static Discovery engine(NetOptions options) {
        try {
            return new DiscoveryEngine(options, Locale.ENGLISH, WizardFixture.EXECUTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
