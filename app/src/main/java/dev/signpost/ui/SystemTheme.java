package dev.signpost.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads whether the desktop prefers a dark theme, where that can be read without native code: {@code GTK_THEME},
 * GNOME's {@code color-scheme}, the Windows registry, macOS's {@code AppleInterfaceStyle}. Empty when unknown; the
 * wizard then starts light and offers a toggle.
 */
public final class SystemTheme {

    private static final long TIMEOUT_MS = 1500;

    private SystemTheme() {
    }

    /** True/false when the preference is known. Runs a short command at most; call off the UI thread. */
    public static Optional<Boolean> prefersDark(Map<String, String> env, String osName) {
        String gtkTheme = env.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return Optional.of(gtkTheme.toLowerCase(Locale.ROOT).contains("dark"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(out -> out.contains("0x0"));
        }
        if (os.contains("mac")) {
            return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.toLowerCase(Locale.ROOT).contains("dark")).or(() -> Optional.of(false));
        }
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .map(out -> out.contains("prefer-dark"));
    }

    static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
