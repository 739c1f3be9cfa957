package dev.signpost.core.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;

/**
 * The one rule for numbers in JSON that Signpost reads from files and people: kept exact (never through a double,
 * so {@code 1e999} is not turned into "Infinity" and 2^63 keeps its last digit), and refused when their size
 * alone rules them out, before any arithmetic is done on them ({@code 1e200000} costs minutes of exact decimal
 * arithmetic, and no field Signpost reads or writes needs such a number).
 */
public final class JsonNumbers {

    /** No value needs more digits than this before or after the decimal point. */
    public static final int MAX_DIGITS = 30;

    private JsonNumbers() {
    }

    /** A mapper that reads every number exactly and accepts one JSON value with nothing after it. */
    public static ObjectMapper exactMapper() {
        return new ObjectMapper()
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The first number in the tree that is too large or too fine, shortened for a sentence, or null. */
    public static String absurd(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            if (node.isDouble() || node.isFloat()) {
                double d = node.doubleValue();
                return Double.isFinite(d) && tooBig(BigDecimal.valueOf(d)) == null ? null : node.asText();
            }
            BigDecimal value = node.isBigDecimal() ? node.decimalValue()
                    : node.isBigInteger() ? new BigDecimal(node.bigIntegerValue()) : null;
            return value == null ? null : tooBig(value);
        }
        for (JsonNode child : node) {
            String found = absurd(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String tooBig(BigDecimal value) {
        if (value.precision() - value.scale() <= MAX_DIGITS && value.scale() <= MAX_DIGITS) {
            return null;
        }
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
