package dev.signpost.core.report;

/**
 * The one rule for shortening a text to the room a drawing gives it, used by the SVG export and the JavaFX diagram
 * alike. The core has no font metrics, so widths are estimated from the font size; the estimate errs wide, so a
 * fitted text never spills out of its box.
 *
 * <p>How a text is shortened depends on what it is: prose (it has spaces) loses its end; a URL keeps its host and
 * the end of its path, the middle elided; any other name (a host, an SRV owner, an address) keeps both ends. A user
 * recognises a URL by its host and its last segments, and two names in one chain usually differ at their ends.
 */
public final class LabelFit {

    /** Average advance of a character, as a share of the font size, for DejaVu Sans / Segoe UI at regular weight. */
    public static final double REGULAR_EM = 0.6;
    /** The same for bold text. */
    public static final double BOLD_EM = 0.66;
    private static final String ELLIPSIS = "…";

    private LabelFit() {
    }

    /** {@code text} shortened to fit {@code widthPx} at a regular font of {@code fontPx}. */
    public static String fit(String text, double widthPx, double fontPx) {
        return fit(text, widthPx, fontPx, false);
    }

    /** {@code text} shortened to fit {@code widthPx} at a font of {@code fontPx}, bold or regular. */
    public static String fit(String text, double widthPx, double fontPx, boolean bold) {
        return shorten(text, maxChars(widthPx, fontPx, bold));
    }

    /** How many characters fit; never less than one. */
    public static int maxChars(double widthPx, double fontPx, boolean bold) {
        return Math.max(1, (int) (widthPx / (fontPx * (bold ? BOLD_EM : REGULAR_EM))));
    }

    /** Estimated width of a text, the inverse of {@link #maxChars}. */
    public static double width(String text, double fontPx, boolean bold) {
        return length(text) * fontPx * (bold ? BOLD_EM : REGULAR_EM);
    }

    /** {@code text} in at most {@code maxChars} characters (code points), shortened as the class describes. */
    public static String shorten(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        if (length(flat) <= maxChars) {
            return flat;
        }
        if (maxChars < 6) {
            return head(flat, maxChars - 1) + ELLIPSIS;
        }
        int scheme = flat.indexOf("://");
        if (scheme > 0 && flat.indexOf(' ') < 0) {
            return url(flat.substring(scheme + 3), maxChars);
        }
        if (flat.indexOf(' ') >= 0) {
            return head(flat, maxChars - 1).stripTrailing() + ELLIPSIS;
        }
        return middle(flat, maxChars);
    }

    /** Host kept, then as much of the path's end as fits. The scheme goes first: the host says more. */
    private static String url(String rest, int maxChars) {
        if (length(rest) <= maxChars) {
            return rest;
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return middle(rest, maxChars);
        }
        String host = rest.substring(0, slash);
        String path = rest.substring(slash);
        int room = maxChars - length(host) - 1;
        if (room < 6) {
            return middle(rest, maxChars);
        }
        return host + ELLIPSIS + tail(path, room);
    }

    private static String middle(String text, int maxChars) {
        int keep = maxChars - 1;
        int front = (keep + 1) / 2;
        return head(text, front) + ELLIPSIS + tail(text, keep - front);
    }

    private static String head(String text, int chars) {
        return text.substring(0, text.offsetByCodePoints(0, Math.max(0, chars)));
    }

    private static String tail(String text, int chars) {
        int n = length(text);
        return text.substring(text.offsetByCodePoints(0, Math.max(0, n - chars)));
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
