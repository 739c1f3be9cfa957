package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.steps.FileSource;
import dev.signpost.ui.steps.PlannedFile;
import dev.signpost.ui.steps.ReportFormat;
import dev.signpost.ui.steps.SshUpload;
import dev.signpost.ui.task.BackgroundTasks;
import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
