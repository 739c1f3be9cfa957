package dev.signpost.core.text;

import java.util.Locale;

/**
 * Text that came from the network (or from a file a server wrote) made safe to show: nothing in it can move the
 * cursor, change colours, erase what was printed, or reorder what is read. Every renderer passes such text
 * through here at the one place it writes a value.
 *
 * <p>Replaced by a visible escape ({@code \x1B}, {@code \u202E}): C0 controls, DEL, C1 controls, format characters
 * (bidi overrides and isolates, zero-width characters), line and paragraph separators, and unpaired surrogates.
 * A one-line value shows its line breaks as {@code \n}, so a server cannot start a line of its own.
 */
public final class SafeText {

    private SafeText() {
    }

    /** For values shown on one line: every line break becomes a visible escape too. */
    public static String oneLine(String text) {
        return escape(text, false);
    }

    /** For text shown as several lines (a body excerpt): {@code \n} and tabs stay, CR before LF is dropped. */
    public static String lines(String text) {
        return escape(text == null ? null : text.replace("\r\n", "\n"), true);
    }

    /** True when the code point would be replaced by {@link #oneLine}. */
    public static boolean isActive(int cp) {
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            return true;
        }
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return "";
        }
        if (text.codePoints().noneMatch(SafeText::isActive)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (keepLines && (cp == '\n' || cp == '\t')) {
                out.appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp <= 0xFF && isActive(cp)) {
                out.append(String.format(Locale.ROOT, "\\x%02X", cp));
            } else if (isActive(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
