package dev.signpost.core.report;

import dev.signpost.core.text.SafeText;

/**
 * Escaping for the markup the exports write; everything that came from a server or a user goes through here.
 * Controls, bidi overrides and other invisible characters first become visible escapes ({@link SafeText}), then
 * the markup's own characters are escaped.
 */
final class Markup {

    private Markup() {
    }

    /** Text safe inside XML/HTML elements and double-quoted attributes; line breaks and tabs stay. */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        String visible = SafeText.lines(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        visible.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    out.appendCodePoint(allowed ? cp : 0xFFFD);
                }
            }
        });
        return out.toString();
    }

    /** Text safe in Markdown prose and table cells: markup characters escaped, line breaks flattened. */
    static String md(String text) {
        if (text == null) {
            return "";
        }
        String flat = SafeText.oneLine(text);
        StringBuilder out = new StringBuilder(flat.length() + 16);
        for (char c : flat.toCharArray()) {
            if ("\\`*_[]<>|#~&".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * An inline code span that no text can close early: the fence is one backtick longer than the longest run of
     * backticks inside, padded by a space on both sides where the text would otherwise touch the fence or lose
     * its own spaces (CommonMark strips exactly one from each side). Pipes are escaped
     * for table cells.
     */
    static String mdCode(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String flat = SafeText.oneLine(text).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < flat.length(); i++) {
            run = flat.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = flat.startsWith("`") || flat.endsWith("`") || (flat.startsWith(" ") && flat.endsWith(" "));
        return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
    }
}
