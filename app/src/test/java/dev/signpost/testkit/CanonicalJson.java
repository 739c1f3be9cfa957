package dev.signpost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Matrix spec's canonical JSON, written independently of the core's so each cross-checks the other:
 * object keys sorted by Unicode code point, no insignificant whitespace, integers only, UTF-8 with only
 * {@code "}, {@code \} and control characters escaped (short escapes where JSON has them, else
 * a six-character unicode escape in lower-case hex).
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CanonicalJson() {
    }

    /** The canonical form of {@code json} text. */
    public static String encode(String json) {
        try {
            return encode(MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The canonical form of a JSON tree. */
    public static String encode(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** The canonical form as UTF-8 bytes, as signed. */
    public static byte[] bytes(JsonNode node) {
        return encode(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(BY_CODE_POINT);
                out.append('{');
                for (int k = 0; k < names.size(); k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    string(names.get(k), out);
                    out.append(':');
                    write(node.get(names.get(k)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int k = 0; k < node.size(); k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    write(node.get(k), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> {
                if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
                    throw new IllegalArgumentException("canonical JSON allows integers only: " + node);
                }
                out.append(node.asLong());
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not JSON: " + node.getNodeType());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

}
