package dev.signpost.core.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;

/**
 * The injection barrier of plan validation: texts that reach a config file may hold no character a supported
 * format would interpret inside a quoted string, so generators can write values as they are.
 */
final class ConfigSafeText {

    /** Characters some config format would interpret inside a quoted string. */
    private static final String UNSAFE_CHARS = "\"\\'`$;{}";

    private ConfigSafeText() {
    }

    /** True when every key and text value in {@code node} is {@linkplain #isSafe(String) safe}. */
    static boolean isSafe(JsonNode node) {
        if (node.isTextual()) {
            return isSafe(node.textValue());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!isSafe(field.getKey()) || !isSafe(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!isSafe(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when {@code text} has no control character and nothing a config format would interpret. */
    static boolean isSafe(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) || UNSAFE_CHARS.indexOf(c) >= 0
                || c == '\u2028' || c == '\u2029');
    }
}
