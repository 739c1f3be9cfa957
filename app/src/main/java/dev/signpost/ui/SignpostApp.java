package dev.signpost.ui;

import dev.signpost.Version;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.deploy.SshEnvironment;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.task.BackgroundTasks;
import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JavaFX application: wires the wizard's dependencies in one place and opens its window. */
public final class SignpostApp extends Application {

    private static final System.Logger LOG = System.getLogger(SignpostApp.class.getName());

    private static final Duration SETTINGS_WRITE_LIMIT = Duration.ofSeconds(3);

    private ExecutorService executor;
    private boolean systemPrefersDark;
    private SettingsStore settings;
    private double desktopTextScale = 1;

    /**
     * The reads started before the toolkit ({@link DesktopLauncher}); null when the application was launched
     * another way, and then {@link #init()} starts them itself.
     */
    private static volatile FirstWindowInputs early;

    /** Hands over the reads started before {@link javafx.application.Application#launch}. */
    static void prepare(FirstWindowInputs inputs) {
        early = inputs;
    }

    /** Runs on the launcher thread: waits for the settings and the desktop's answers, never on the UI thread. */
    @Override
    public void init() {
        StartupTrace.mark("toolkit started, init");
        FirstWindowInputs inputs = early != null ? early
                : FirstWindowInputs.start(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
        settings = inputs.settings();
        systemPrefersDark = inputs.prefersDark();
        desktopTextScale = inputs.textScale();
        StartupTrace.mark("init done");
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("start");
        Thread.currentThread().setUncaughtExceptionHandler(SignpostApp::logUncaught);
        Texts texts = new Texts(WizardDependencies.BUNDLE, Locale.getDefault());
        OpeningWindow.show(stage, texts.get("app.title"), settings.current(), systemPrefersDark, desktopTextScale,
                () -> {
                    // Closed in the moment before the pages were built: nothing to build them for.
                    if (stage.isShowing()) {
                        openWizard(stage, texts);
                    }
                });
        StartupTrace.mark("window shown");
    }

    private void openWizard(Stage stage, Texts texts) {
        executor = Executors.newCachedThreadPool(new NamedDaemonThreadFactory("signpost-ui", SignpostApp::logUncaught));
        BackgroundTasks tasks = new BackgroundTasks(executor, Platform::runLater);
        // Loading the system's trust store takes a noticeable part of a second of CPU: started once the first frame
        // is laid out, so it does not compete with it for the cores. A check started before it is ready waits for it.
        CompletableFuture<Discovery> engine = new CompletableFuture<>();
        WizardDependencies deps = new WizardDependencies(texts, tasks, settings, engine::join,
                CoreServices.generator(texts.locale()), CoreServices.reportFormats(texts.locale()),
                CoreServices.deployer(SshEnvironment.forCurrentUser(), texts, executor, engine::join), systemPrefersDark,
                network -> new DiscoveryEngine(CoreServices.netOptions(network, Version.userAgent()), texts.locale(),
                        executor), desktopTextScale);
        StartupTrace.mark("dependencies wired");
        new Wizard(deps).show(stage, () -> executor.execute(() -> {
            try {
                engine.complete(new DiscoveryEngine(NetOptions.defaults(Version.userAgent()), texts.locale(), executor));
            } catch (IOException | RuntimeException e) {
                engine.completeExceptionally(e instanceof IOException io ? new UncheckedIOException(io) : e);
            }
            MemoryTuning.apply();
        }));
    }

    private static void logUncaught(Thread thread, Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "unexpected error on " + thread.getName(), error);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
        // The window is gone; the JVM exits right after this, so the last settings must reach the disk first.
        if (settings != null && !settings.finishSaving(SETTINGS_WRITE_LIMIT)) {
            LOG.log(System.Logger.Level.WARNING, "settings not saved within " + SETTINGS_WRITE_LIMIT);
        }
    }
}
