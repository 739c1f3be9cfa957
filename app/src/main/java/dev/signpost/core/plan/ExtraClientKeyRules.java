package dev.signpost.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.io.JsonNumbers;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static dev.signpost.core.plan.PlanProblem.FIELD_EXTRA_CLIENT_KEYS;

/**
 * The rules for extra keys in the client well-known file: namespaced keys the spec does not already own, values
 * that are JSON a client can read, and nothing a web-server configuration would interpret.
 */
final class ExtraClientKeyRules {

    /** A namespaced identifier ({@code io.element.e2ee}); also the shape of a custom support role. */
    static final Pattern NAMESPACED_KEY = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9_-]+)+");
    private static final ObjectMapper JSON = JsonNumbers.exactMapper();

    private final PlanSentences sentences;

    ExtraClientKeyRules(PlanSentences sentences) {
        this.sentences = sentences;
    }

    /** Adds a problem for every extra key or value that breaks a rule, and one when all values together are too large. */
    void check(Map<String, String> extraClientKeys, List<PlanProblem> problems) {
        int total = 0;
        for (Map.Entry<String, String> entry : extraClientKeys.entrySet()) {
            String key = entry.getKey() == null ? "" : entry.getKey();
            if (key.equals("m.homeserver") || key.equals("m.identity_server")) {
                problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.reserved", key));
                continue;
            }
            if (!NAMESPACED_KEY.matcher(key).matches()) {
                problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.key", PlanSentences.printable(key)));
                continue;
            }
            if (key.startsWith("m.")) {
                problems.add(sentences.warning(FIELD_EXTRA_CLIENT_KEYS, "extra.specKey", key));
            }
            String value = entry.getValue();
            total += value == null ? 0 : value.length();
            checkExtraValue(key, value, problems);
        }
        if (total > PlanValidator.MAX_EXTRA_VALUES_LENGTH) {
            problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.tooLarge", PlanValidator.MAX_EXTRA_VALUES_LENGTH));
        }
    }

    private void checkExtraValue(String key, String value, List<PlanProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.emptyValue", key));
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.json", key, PlanSentences.printable(e.getOriginalMessage())));
            return;
        }
        if (!ConfigSafeText.isSafe(node)) {
            problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.unsafe", key));
        }
        String absurd = JsonNumbers.absurd(node);
        if (absurd != null) {
            problems.add(sentences.error(FIELD_EXTRA_CLIENT_KEYS, "extra.number", key, absurd));
        }
    }
}
