package dev.signpost.launch;

import java.util.Locale;
import java.util.Map;

/** Whether a window can be opened at all: asked before any toolkit or second JVM is started. */
public final class GraphicalSession {

    private GraphicalSession() {
    }

    /**
     * False on X11/Wayland systems with neither {@code DISPLAY} nor {@code WAYLAND_DISPLAY}; Windows and macOS always
     * have a session for a logged-in user, and an explicitly chosen glass platform (Monocle) needs none.
     */
    public static boolean present(Map<String, String> env, String osName, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.contains("mac") || glassPlatform != null && !glassPlatform.isBlank()) {
            return true;
        }
        return isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
