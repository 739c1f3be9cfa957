package dev.signpost.core.report;

/** Escaping for the markup the exports write; everything that came from a server or a user goes through here. */
final class Markup {

    private Markup() {
    }

    /** Text safe inside XML/HTML elements and double-quoted attributes; drops characters XML 1.0 forbids. */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
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
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.replace("\r", "").replace("\n", " ").toCharArray()) {
            if ("\\`*_[]<>|#~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An inline code span that survives backticks and pipes inside the text. */
    static String mdCode(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String flat = text.replace("\r", "").replace("\n", " ").replace("|", "\\|");
        String fence = flat.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " + flat + " " : flat) + fence;
    }
}
