package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.steps.FileSource;
import dev.signpost.ui.steps.PlannedFile;
import dev.signpost.ui.steps.ReportFormat;
import dev.signpost.ui.steps.SshUpload;
import dev.signpost.ui.task.BackgroundTasks;
import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import javafx.application.Platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Builds a wizard the way {@link SignpostApp} does, with a settings folder and an engine chosen by the test. */
public final class WizardFixture {

    public static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(
            new NamedDaemonThreadFactory("test-ui", (t, e) -> e.printStackTrace()));

    private WizardFixture() {
    }

    public static FileSource sampleFiles() {
        return plan -> List.of(
                new PlannedFile(".well-known/matrix/server", "Tells other servers where federation goes.",
                        "{\"m.server\": \"" + plan.federationHost() + ":" + plan.federationPort() + "\"}\n"),
                new PlannedFile(".well-known/matrix/client", "Tells Matrix apps the homeserver URL.",
                        "{\"m.homeserver\": {\"base_url\": \"" + plan.clientBaseUrl() + "\"}}\n"));
    }

    public static WizardDependencies deps(Path settingsDir, Discovery discovery, Locale locale) {
        return deps(settingsDir, discovery, locale, null);
    }

    public static WizardDependencies deps(Path settingsDir, Discovery discovery, Locale locale, SshUpload upload) {
        return new WizardDependencies(new Texts(WizardDependencies.BUNDLE, locale),
                new BackgroundTasks(EXECUTOR, Platform::runLater), loadedSettings(settingsDir), () -> discovery,
                sampleFiles(), List.of(new ReportFormat("txt", report -> report.serverName() + " " + report.overall())),
                upload, false);
    }

    /**
     * What users get, for pages and pictures that must look real: the real generator and report formats, the engine
     * {@code engine} supplies, and an SSH upload that only records.
     */
    public static WizardDependencies realDeps(Path settingsDir, Supplier<Discovery> engine) {
        WizardDependencies fixture = deps(settingsDir, null, Locale.ENGLISH);
        return new WizardDependencies(fixture.texts(), fixture.tasks(), fixture.settings(), engine,
                CoreServices.generator(Locale.ENGLISH), CoreServices.reportFormats(Locale.ENGLISH),
                new FakeSshUpload(EXECUTOR), false);
    }

    /** The real engine against {@code world}'s servers, with a 10-second timeout. */
    public static Discovery engineOn(TestWorld world) {
        try {
            return new DiscoveryEngine(world.netOptions(Duration.ofSeconds(10)), Locale.ENGLISH, EXECUTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A settings store already read, as the app reads it on the launcher thread before the first window: the read
     * runs on a worker, because the wizard is built on the UI thread, where file I/O fails the test.
     */
    public static SettingsStore loadedSettings(Path settingsDir) {
        SettingsStore store = new SettingsStore(settingsDir);
        java.util.concurrent.CompletableFuture.runAsync(store::load, EXECUTOR).join();
        return store;
    }

    /** Writes {@code settings} to {@code settingsDir} on a worker (test set-up runs on the UI thread). */
    public static void seedSettings(Path settingsDir, dev.signpost.ui.settings.Settings settings) {
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                new SettingsStore(settingsDir).save(settings);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, EXECUTOR).join();
    }
}
