package dev.signpost.ui.settings;

import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import dev.signpost.core.io.AtomicFiles;
import dev.signpost.core.io.UiThreadRule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads and writes {@link Settings} as JSON in one file. Writes go to a temporary file in the same directory that
 * is then moved over the old one, so a crash never leaves a half-written settings file. A missing or unreadable
 * file gives the defaults: settings are a convenience, never a reason not to start.
 *
 * <p>The wizard saves with {@link #saveLater}: every snapshot goes onto one background queue and is written in the
 * order it was handed over, so an older snapshot can never land after a newer one, and the UI thread never waits
 * for the disk. {@link #load} and {@link #save} block and are for workers (and the launcher thread at start-up).
 */
public final class SettingsStore {

    static final String FILE_NAME = "settings.json";

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());

    private final Path file;
    private final Object lock = new Object();
    private ExecutorService queue;
    private volatile Settings current;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param directory the directory holding the settings file (created on first save) */
    public SettingsStore(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /**
     * The per-user configuration directory: {@code %APPDATA%\signpost} on Windows, otherwise
     * {@code $XDG_CONFIG_HOME/signpost} or {@code ~/.config/signpost}.
     */
    public static Path defaultDirectory(Map<String, String> environment, String osName, String userHome) {
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String appData = environment.get("APPDATA");
            if (appData != null && !appData.isBlank()) {
                return Path.of(appData, "signpost");
            }
            return Path.of(userHome, "AppData", "Roaming", "signpost");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "signpost");
        }
        return Path.of(userHome, ".config", "signpost");
    }

    /** The settings file. */
    public Path file() {
        return file;
    }

    /** Reads the stored settings, or the defaults when there are none or they cannot be read; blocks. */
    public Settings load() {
        UiThreadRule.forbidBlockingIo("loading the settings");
        Settings loaded = read();
        current = loaded;
        return loaded;
    }

    private Settings read() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = mapper.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "settings unreadable, using the defaults: " + file, e);
            return Settings.defaults();
        }
    }

    /**
     * The settings last loaded or handed to {@link #saveLater}; loads them when neither happened yet (which blocks,
     * so the app loads them before its first window).
     */
    public Settings current() {
        Settings known = current;
        return known != null ? known : load();
    }

    /** Writes the settings atomically, now; blocks. */
    public void save(Settings settings) throws IOException {
        current = settings;
        AtomicFiles.writePrivate(file, mapper.writeValueAsBytes(settings));
    }

    /** Queues {@code settings} to be written after every snapshot queued before it; returns at once. */
    public void saveLater(Settings settings) {
        current = settings;
        queue().execute(() -> {
            try {
                AtomicFiles.writePrivate(file, mapper.writeValueAsBytes(settings));
            } catch (IOException | RuntimeException e) {
                // Settings are a convenience: failing to remember them must not disturb the user's work.
                LOG.log(System.Logger.Level.WARNING, "could not save the settings to " + file, e);
            }
        });
    }

    /**
     * Writes what is still queued and stops the queue, waiting at most {@code limit}; true when everything was
     * written. Later {@link #saveLater} calls start a new queue.
     */
    public boolean finishSaving(Duration limit) {
        ExecutorService pending;
        synchronized (lock) {
            pending = queue;
            queue = null;
        }
        if (pending == null) {
            return true;
        }
        pending.shutdown();
        try {
            return pending.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private ExecutorService queue() {
        synchronized (lock) {
            if (queue == null) {
                queue = Executors.newSingleThreadExecutor(new NamedDaemonThreadFactory("signpost-settings"));
            }
            return queue;
        }
    }
}
