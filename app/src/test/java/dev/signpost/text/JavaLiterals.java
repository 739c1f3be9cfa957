package dev.signpost.text;

import java.util.ArrayList;
import java.util.List;

/** The string literals of Java source text, found by a small scanner that knows comments and char literals. */
final class JavaLiterals {

    private JavaLiterals() {
    }

    static List<String> of(String source) {
        List<String> found = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'', null);
            } else if (c == '"') {
                StringBuilder literal = new StringBuilder();
                i = skipQuoted(source, i, '"', literal);
                found.add(literal.toString());
            } else {
                i++;
            }
        }
        return found;
    }

    private static int lineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end + 1;
    }

    private static int skipQuoted(String source, int start, char quote, StringBuilder into) {
        int i = start + 1;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < source.length()) {
                if (into != null) {
                    into.append(c).append(source.charAt(i + 1));
                }
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                if (into != null) {
                    into.append(c);
                }
                i++;
            }
        }
        return i;
    }
}
