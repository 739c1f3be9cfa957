package dev.signpost.ui.settings;

import dev.signpost.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes {@link Settings} as JSON in one file. Writes go to a temporary file in the same directory that
 * is then moved over the old one, so a crash never leaves a half-written settings file. A missing or unreadable
 * file gives the defaults: settings are a convenience, never a reason not to start.
 */
public final class SettingsStore {

    static final String FILE_NAME = "settings.json";

    private final Path file;
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

    /** The stored settings, or the defaults when there are none or they cannot be read. */
    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            Settings settings = mapper.readValue(file.toFile(), Settings.class);
            return settings == null ? Settings.defaults() : settings;
        } catch (IOException | RuntimeException e) {
            return Settings.defaults();
        }
    }

    /** Writes the settings atomically. */
    public void save(Settings settings) throws IOException {
        AtomicFiles.writePrivate(file, mapper.writeValueAsBytes(settings));
    }
}
