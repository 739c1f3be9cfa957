package dev.signpost.ui;

import dev.signpost.ui.settings.SettingsStore;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * What the first window needs from the disk and the desktop: the remembered settings, whether the desktop prefers a
 * dark theme, and its text scaling. Each is read on its own daemon thread, started before the JavaFX toolkit, so the
 * reads (a JSON parser's first use, two {@code gsettings} processes on GNOME) overlap the toolkit's own start instead
 * of following it. The desktop's answers are read even when the remembered choice is not "System": picking "System"
 * later in the session must follow the desktop too.
 */
final class FirstWindowInputs {

    private static final Executor DAEMON = work -> {
        Thread thread = new Thread(work, "signpost-start");
        thread.setDaemon(true);
        thread.start();
    };

    private final CompletableFuture<SettingsStore> settings;
    private final CompletableFuture<Boolean> prefersDark;
    private final CompletableFuture<Double> textScale;

    private FirstWindowInputs(Map<String, String> env, String osName, String userHome) {
        settings = CompletableFuture.supplyAsync(() -> {
            SettingsStore store = new SettingsStore(SettingsStore.defaultDirectory(env, osName, userHome));
            store.load();
            return store;
        }, DAEMON);
        prefersDark = CompletableFuture.supplyAsync(() -> SystemTheme.prefersDark(env, osName).orElse(false), DAEMON);
        textScale = CompletableFuture.supplyAsync(() -> DesktopTextScale.read(env, osName).orElse(1), DAEMON);
    }

    /**
     * Starts reading for the current user and returns at once. Also sets the renderer's properties
     * ({@link LeanRendering}): this runs before the toolkit starts, which reads them.
     */
    static FirstWindowInputs start(Map<String, String> env, String osName, String userHome) {
        LeanRendering.apply();
        return new FirstWindowInputs(env, osName, userHome);
    }

    /** The loaded settings store; waits for the read (which never fails: unreadable settings are the defaults). */
    SettingsStore settings() {
        return settings.join();
    }

    /** Whether the desktop prefers a dark theme; false when unknown. Waits for the answer (bounded by its command's timeout). */
    boolean prefersDark() {
        return prefersDark.join();
    }

    /** The desktop's text factor, 1 when unknown. Waits like {@link #prefersDark()}. */
    double textScale() {
        return textScale.join();
    }
}
