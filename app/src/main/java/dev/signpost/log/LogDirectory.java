package dev.signpost.log;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Signpost keeps its support log: the platform's place for per-user state, so a user who hits a problem
 * has a file to attach and knows where it is.
 */
public final class LogDirectory {

    /** Overrides the directory (tests, or a user who wants the log elsewhere). */
    public static final String PROPERTY = "signpost.log.dir";

    private LogDirectory() {
    }

    /** The directory for this process: the {@value #PROPERTY} property, else {@link #forPlatform}. */
    public static Path current() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return forPlatform(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    /**
     * {@code $XDG_STATE_HOME/signpost/logs} or {@code ~/.local/state/signpost/logs} on Linux and other Unix
     * systems, {@code ~/Library/Logs/Signpost} on macOS, {@code %LOCALAPPDATA%\Signpost\Logs} on Windows.
     */
    public static Path forPlatform(Map<String, String> environment, String osName, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : Path.of(userHome, "AppData", "Local");
            return base.resolve("Signpost").resolve("Logs");
        }
        if (os.startsWith("mac")) {
            return Path.of(userHome, "Library", "Logs", "Signpost");
        }
        String xdg = environment.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "signpost", "logs");
        }
        return Path.of(userHome, ".local", "state", "signpost", "logs");
    }
}
