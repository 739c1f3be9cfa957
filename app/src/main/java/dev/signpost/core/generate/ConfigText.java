package dev.signpost.core.generate;

import java.util.function.IntFunction;

/**
 * Writes text into the quoting of each config format. The plan validator already refuses every character that
 * matters; these methods check again and fail loudly, so no future path can slip a quote or a variable into a
 * config.
 */
final class ConfigText {

    private ConfigText() {
    }

    /** nginx single-quoted string: no {@code '}, no backslash (escape) and no {@code $} (variables). */
    static String nginxQuoted(String text) {
        refuse(text, "'\\$", "nginx");
        return "'" + text + "'";
    }

    /** Caddyfile backtick string: no backtick, and no brace that could open a placeholder. */
    static String caddyBackticked(String text) {
        refuse(text, "`\\", "Caddy");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // JSON's own braces are always followed by a newline or a space; anything else could be {placeholder}.
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != ' '
                    && text.charAt(i + 1) != '}') {
                throw new IllegalArgumentException("Text for Caddy would open a placeholder");
            }
        }
        return "`" + text + "`";
    }

    /** HAProxy double-quoted string: backslash escapes, {@code $} escaped against environment expansion. */
    static String haproxyQuoted(String text) {
        return doubleQuoted(text, c -> {
            if (c == '$') {
                return "\\$";
            }
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("Control character in text for HAProxy");
            }
            return null;
        });
    }

    /** YAML double-quoted scalar (also a JSON string). */
    static String yamlQuoted(String text) {
        return jsonLikeQuoted(text);
    }

    /** TOML basic string. */
    static String tomlQuoted(String text) {
        return jsonLikeQuoted(text);
    }

    /** A plain config token (host name, path, number): letters, digits and {@code . _ - / : [ ]} only. */
    static String token(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                || ".-_/:[]*".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("Not a plain config token: " + text);
        }
        return text;
    }

    private static String jsonLikeQuoted(String text) {
        return doubleQuoted(text, c -> {
            if (c == '\t') {
                return "\\t";
            }
            return Character.isISOControl(c) ? String.format("\\u%04x", c) : null;
        });
    }

    /**
     * The one double-quoting loop: backslash, quote and newline escaped as every double-quoted format here spells
     * them; {@code special} gives the format's own escape for any other character, or null to write it as it is.
     */
    private static String doubleQuoted(String text, IntFunction<String> special) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> {
                    String escaped = special.apply(c);
                    out.append(escaped == null ? String.valueOf(c) : escaped);
                }
            }
        }
        return out.append('"').toString();
    }

    private static void refuse(String text, String forbidden, String format) {
        for (int i = 0; i < text.length(); i++) {
            if (forbidden.indexOf(text.charAt(i)) >= 0) {
                throw new IllegalArgumentException("Text for " + format + " contains " + text.charAt(i));
            }
        }
    }
}
