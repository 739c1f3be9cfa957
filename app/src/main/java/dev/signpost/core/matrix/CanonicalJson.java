package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.text.Texts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matrix canonical JSON (spec appendices, "Canonical JSON"): object keys sorted by Unicode code point, no
 * insignificant whitespace, UTF-8 with only the escapes JSON requires, integers in ±(2^53−1) and no floats.
 * Signatures are computed over these bytes, so one differing byte makes a valid signature fail.
 */
public final class CanonicalJson {

    /** The largest integer canonical JSON allows, 2^53−1. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    /** Nesting beyond this is refused instead of risking the stack. */
    public static final int MAX_DEPTH = 128;

    private static final BigInteger MAX = BigInteger.valueOf(MAX_SAFE_INTEGER);
    private static final BigInteger MIN = MAX.negate();
    private static final BigDecimal MAX_DECIMAL = new BigDecimal(MAX);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * @param node any JSON value
     * @return its canonical UTF-8 encoding
     * @throws CanonicalJsonException with an English sentence when the value has no canonical form
     */
    public static byte[] encode(JsonNode node) throws CanonicalJsonException {
        return encode(node, Locale.ENGLISH);
    }

    /** Like {@link #encode(JsonNode)}, with the exception's sentence in {@code locale}. */
    public static byte[] encode(JsonNode node, Locale locale) throws CanonicalJsonException {
        StringBuilder out = new StringBuilder();
        write(node, out, 0, MatrixTexts.of(locale));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out, int depth, Texts texts)
            throws CanonicalJsonException {
        if (node == null || node.isMissingNode()) {
            throw new CanonicalJsonException(texts.get("canonical.missing"));
        }
        if (depth > MAX_DEPTH) {
            throw new CanonicalJsonException(texts.get("canonical.tooDeep", MAX_DEPTH));
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            it.forEachRemaining(fields::add);
            fields.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
            out.append('{');
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(fields.get(i).getKey(), out, texts);
                out.append(':');
                write(fields.get(i).getValue(), out, depth + 1, texts);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out, depth + 1, texts);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out, texts);
        } else if (node.isNumber()) {
            out.append(integer(node, texts));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull()) {
            out.append("null");
        } else {
            throw new CanonicalJsonException(texts.get("canonical.unsupported", node.getNodeType()));
        }
    }

    /**
     * The integer a number stands for. Numbers written with an exponent but an integral value (the spec's own
     * example {@code 1e10}) are accepted; fractions, infinities and anything beyond ±(2^53−1) are not.
     */
    private static BigInteger integer(JsonNode node, Texts texts) throws CanonicalJsonException {
        if (node.isIntegralNumber()) {
            return inRange(node.bigIntegerValue(), node, texts);
        }
        BigDecimal value;
        if (node.isBigDecimal()) {
            value = node.decimalValue();
        } else {
            double d = node.doubleValue();
            if (!Double.isFinite(d)) {
                throw new CanonicalJsonException(texts.get("canonical.float", node.asText()));
            }
            value = new BigDecimal(d);
        }
        if (value.abs().compareTo(MAX_DECIMAL) > 0) {
            throw new CanonicalJsonException(texts.get("canonical.intRange", node.asText()));
        }
        try {
            return inRange(value.toBigIntegerExact(), node, texts);
        } catch (ArithmeticException e) {
            throw new CanonicalJsonException(texts.get("canonical.float", node.asText()));
        }
    }

    private static BigInteger inRange(BigInteger value, JsonNode node, Texts texts) throws CanonicalJsonException {
        if (value.compareTo(MAX) > 0 || value.compareTo(MIN) < 0) {
            throw new CanonicalJsonException(texts.get("canonical.intRange", node.asText()));
        }
        return value;
    }

    private static void string(String value, StringBuilder out, Texts texts) throws CanonicalJsonException {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1))) {
                    out.append(c).append(value.charAt(++i));
                    continue;
                }
                throw new CanonicalJsonException(texts.get("canonical.loneSurrogate"));
            }
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
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Orders strings by Unicode code point. {@link String#compareTo} compares UTF-16 units, which puts astral
     * characters (surrogate pairs, U+D800…) before U+E000…U+FFFF: wrong for canonical JSON.
     */
    static int compareCodePoints(String a, String b) {
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
    }
}
