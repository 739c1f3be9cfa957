package dev.signpost.core.matrix;

import java.util.List;
import java.util.Set;

/**
 * The parts of {@code GET /_matrix/client/versions} the modern apps decide on.
 *
 * @param versions the spec versions listed (empty when unreadable)
 * @param enabled  the {@code unstable_features} whose value is {@code true}
 * @param problems sentences about a malformed {@code unstable_features} (empty when fine)
 * @param error    a sentence when the body cannot be read at all, else null
 */
public record ClientFeatures(List<String> versions, Set<String> enabled, List<String> problems, String error) {

    /** Native sliding sync, which Element X requires. */
    public static final String SLIDING_SYNC = "org.matrix.simplified_msc3575";
    /** MatrixRTC transports (MSC4143), how current Element Call finds its call service. */
    public static final String RTC_TRANSPORTS = "org.matrix.msc4143";
    /** Delayed events (MSC4140), which Element Call needs to end calls cleanly. */
    public static final String DELAYED_EVENTS = "org.matrix.msc4140";

    public ClientFeatures {
        versions = List.copyOf(versions);
        enabled = Set.copyOf(enabled);
        problems = List.copyOf(problems);
    }

    public boolean has(String feature) {
        return enabled.contains(feature);
    }

    /** True when a spec version of at least v1.{minor} is listed (clients pick the stable auth path from v1.15). */
    public boolean supportsAtLeast(int minor) {
        for (String version : versions) {
            if (version.startsWith("v1.")) {
                try {
                    if (Integer.parseInt(version.substring(3)) >= minor) {
                        return true;
                    }
                } catch (NumberFormatException ignored) {
                    // "v1.x-beta" and the like are not a release; clients ignore them too.
                }
            }
        }
        return false;
    }
}
