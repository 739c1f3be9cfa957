package dev.signpost.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads how much larger than normal the desktop draws text, where that can be read without native code: GTK's
 * {@code GDK_DPI_SCALE}, GNOME's {@code text-scaling-factor}, the Windows accessibility setting "Make text bigger".
 * JavaFX follows the screen's pixel scale by itself but not these text-only settings.
 */
public final class DesktopTextScale {

    /** Smallest and largest factor taken: a broken setting must not make the window unusable. */
    static final double MIN = 0.75;
    static final double MAX = 3.0;

    private DesktopTextScale() {
    }

    /** The desktop's text factor (1 = normal), or empty when unknown. Runs a short command at most; call off the UI thread. */
    public static OptionalDouble read(Map<String, String> env, String osName) {
        OptionalDouble gtk = parse(env.get("GDK_DPI_SCALE"));
        if (gtk.isPresent()) {
            return gtk;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return SystemTheme.run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Accessibility", "/v",
                    "TextScaleFactor")).map(DesktopTextScale::windowsPercent).orElse(OptionalDouble.empty());
        }
        if (os.contains("mac")) {
            return OptionalDouble.empty();
        }
        return SystemTheme.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "text-scaling-factor"))
                .map(DesktopTextScale::parse).orElse(OptionalDouble.empty());
    }

    /** A factor such as {@code 1.25}; empty for anything else or outside {@link #MIN}–{@link #MAX}. */
    static OptionalDouble parse(String value) {
        if (value == null || value.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            double factor = Double.parseDouble(value.strip());
            return factor >= MIN && factor <= MAX ? OptionalDouble.of(factor) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** {@code reg query}'s answer, whose last word is the percentage in hex ({@code 0x96} = 150 %). */
    static OptionalDouble windowsPercent(String output) {
        String[] words = output.strip().split("\\s+");
        String last = words[words.length - 1];
        if (!last.startsWith("0x")) {
            return OptionalDouble.empty();
        }
        try {
            return parse(String.valueOf(Integer.parseInt(last.substring(2), 16) / 100.0));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
