package dev.signpost.core.discovery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec versions matrix-js-sdk (Element Web) accepts in {@code /_matrix/client/versions}: a homeserver listing
 * none of them is refused with "does not meet the version requirements" (js-sdk 43 supports v1.1 to v1.13).
 */
final class JsSdkVersions {

    static final int OLDEST_MINOR = 1;
    static final int NEWEST_MINOR = 13;
    static final String RANGE = "v1." + OLDEST_MINOR + "–v1." + NEWEST_MINOR;

    private static final Pattern V1 = Pattern.compile("v1\\.(\\d{1,4})");

    private JsSdkVersions() {
    }

    static boolean supported(String version) {
        Matcher m = V1.matcher(version);
        if (!m.matches()) {
            return false;
        }
        int minor = Integer.parseInt(m.group(1));
        return minor >= OLDEST_MINOR && minor <= NEWEST_MINOR;
    }
}
