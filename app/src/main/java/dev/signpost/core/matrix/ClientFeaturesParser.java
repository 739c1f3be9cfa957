package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.text.Texts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code versions} list and the {@code unstable_features} map of {@code /_matrix/client/versions}, the
 * way clients do: a feature is on only when its value is the JSON boolean {@code true}.
 * Pure: no I/O, and no exception escapes for any input.
 */
public final class ClientFeaturesParser {

    private ClientFeaturesParser() {
    }

    public static ClientFeatures parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            JsonBody.Parsed parsed = JsonBody.readObject(body, ClientVersionsParser.DOCUMENT, locale);
            if (!parsed.ok()) {
                return new ClientFeatures(List.of(), Set.of(), List.of(), parsed.error());
            }
            List<String> versions = new ArrayList<>();
            JsonNode listed = parsed.object().get("versions");
            if (listed != null && listed.isArray()) {
                listed.forEach(v -> {
                    if (v.isTextual()) {
                        versions.add(v.textValue());
                    }
                });
            }
            Set<String> enabled = new HashSet<>();
            List<String> problems = new ArrayList<>();
            JsonNode features = parsed.object().get("unstable_features");
            if (features != null && !features.isNull() && !features.isObject()) {
                problems.add(texts.get("features.notObject", JsonBody.kindOf(features, texts)));
            } else if (features != null && features.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = features.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (entry.getValue().isBoolean()) {
                        if (entry.getValue().booleanValue()) {
                            enabled.add(entry.getKey());
                        }
                    } else if (isWatched(entry.getKey())) {
                        problems.add(texts.get("features.notBoolean", JsonBody.truncate(entry.getKey()),
                                JsonBody.kindOf(entry.getValue(), texts)));
                    }
                }
            }
            return new ClientFeatures(versions, enabled, problems, null);
        } catch (RuntimeException e) {
            return new ClientFeatures(List.of(), Set.of(), List.of(),
                    texts.get("json.unexpected", ClientVersionsParser.DOCUMENT));
        }
    }

    private static boolean isWatched(String key) {
        return key.equals(ClientFeatures.SLIDING_SYNC) || key.equals(ClientFeatures.RTC_TRANSPORTS)
                || key.equals(ClientFeatures.DELAYED_EVENTS);
    }
}
