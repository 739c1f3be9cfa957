package dev.signpost.core.report;

import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Status;

/**
 * The icons of the chain diagram as SVG path data, drawn by hand and shared by the SVG writer and the JavaFX
 * control (which feeds them to {@code SVGPath}), so no icon font or download is needed.
 *
 * <p>Kind icons live in a 24×24 box and are meant to be stroked (no fill). Status badges live in a 16×16 box:
 * a filled outline whose shape alone tells the status (circle = pass, triangle = warn, octagon = fail,
 * square = skip, diamond = running) and a glyph stroked on top of it.
 */
public final class ChainIcons {

    private ChainIcons() {
    }

    /** Stroke-only icon for a kind of hop, in a 24×24 box. */
    public static String kind(HopKind kind) {
        return switch (kind) {
            case SERVER_NAME -> "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM2 12h20"
                    + "M12 2c2.8 2.8 4.2 6.2 4.2 10s-1.4 7.2-4.2 10c-2.8-2.8-4.2-6.2-4.2-10s1.4-7.2 4.2-10z";
            case SERVER_WELL_KNOWN, CLIENT_WELL_KNOWN -> "M6 2h8l4 4v16H6zM14 2v4h4M9 11h6M9 15h6M9 19h4";
            case DELEGATED_SERVER -> "M3 12h15M13 6l6 6-6 6M3 5v14";
            case SRV -> "M12 2v20M5 4h12l3 3-3 3H5zM19 12H7l-3 3 3 3h12z";
            case TARGET_HOST -> "M3 4h18v7H3zM3 13h18v7H3zM6 7.5h2M6 16.5h2M12 7.5h6M12 16.5h6";
            case ADDRESS -> "M12 22s7-7 7-12a7 7 0 0 0-14 0c0 5 7 12 7 12zM12 7a3 3 0 1 0 0 6a3 3 0 1 0 0-6z";
            case TLS -> "M5 11h14v11H5zM8 11V7a4 4 0 0 1 8 0v4M12 15v3";
            case FEDERATION_VERSION -> "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM12 11v6M12 7v1.5";
            case SERVER_KEYS -> "M12 16a4 4 0 1 1-8 0a4 4 0 1 1 8 0zM11 13l9-9M17 7l3 3M15 9l2 2";
            case CLIENT_START -> "M12 3a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7";
            case BASE_URL -> "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1"
                    + "M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1";
            case CLIENT_VERSIONS -> "M8 6h12M8 12h12M8 18h12M3 6h2M3 12h2M3 18h2";
            case IDENTITY_SERVER -> "M3 5h18v14H3zM7 10a2 2 0 1 0 4 0a2 2 0 1 0-4 0M6 16c.5-2 2-3 3-3s2.5 1 3 3"
                    + "M14 9h4M14 13h4";
            case SUPPORT -> "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zM12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z"
                    + "M5 5l4 4M19 5l-4 4M5 19l4-4M19 19l-4-4";
            case APPS_START -> "M3 3h7v7H3zM14 3h7v7h-7zM3 14h7v7H3zM14 14h7v7h-7z";
            case FEATURE_FLAGS -> "M5 21V3M5 4h12l-3 4 3 4H5";
            case AUTH_METADATA, AUTH_ISSUER -> "M12 2l8 3v6c0 5-3.5 9-8 11c-4.5-2-8-6-8-11V5z"
                    + "M9 12l2 2 4-4";
            case RTC_TRANSPORTS, LIVEKIT_SERVICE -> "M3 7h12v10H3zM15 10l6-3v10l-6-3";
            case MEDIA_ROUTE -> "M3 4h18v16H3zM3 16l5-5 4 4 3-3 6 6M15 8a1.5 1.5 0 1 0 0.01 0";
        };
    }

    /** Filled outline of a status badge, in a 16×16 box; its shape alone tells the status. */
    public static String badgeShape(Status status) {
        return switch (status) {
            case PASS -> "M8 0.5a7.5 7.5 0 1 0 0 15a7.5 7.5 0 1 0 0-15z";
            case WARN -> "M8 0.5L15.5 15H0.5z";
            case FAIL -> "M5 0.5h6l4.5 4.5v6L11 15.5H5L0.5 11V5z";
            case SKIP -> "M1 1h14v14H1z";
            case RUNNING -> "M8 0.3L15.7 8 8 15.7 0.3 8z";
        };
    }

    /** Glyph stroked over the badge outline, in the same 16×16 box. */
    public static String badgeGlyph(Status status) {
        return switch (status) {
            case PASS -> "M4 8.3l2.6 2.6L12 5.4";
            case WARN -> "M8 5.5v4.5M8 12v1";
            case FAIL -> "M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6";
            case SKIP -> "M4.5 8h7";
            case RUNNING -> "M4.6 8h.8M7.6 8h.8M10.6 8h.8";
        };
    }
}
