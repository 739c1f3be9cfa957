package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.text.Texts;

import java.util.Locale;

/**
 * Reads {@code {"server": {"name": ..., "version": ...}}}. The spec makes both fields optional, so a missing one
 * is null; a {@code server} that is missing or not an object, or fields that are not strings, are errors.
 * Pure: no I/O, and no exception escapes for any input.
 */
public final class FederationVersionParser {

    static final String DOCUMENT = "/_matrix/federation/v1/version";

    private FederationVersionParser() {
    }

    public static FederationVersion parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
            if (!parsed.ok()) {
                return new FederationVersion(null, null, parsed.error());
            }
            JsonNode server = parsed.object().get("server");
            if (server == null || !server.isObject()) {
                return new FederationVersion(null, null,
                        texts.get("version.noServer", JsonBody.kindOf(server, texts)));
            }
            JsonNode name = server.get("name");
            JsonNode version = server.get("version");
            for (String field : new String[] {"name", "version"}) {
                JsonNode value = server.get(field);
                if (value != null && !value.isTextual()) {
                    return new FederationVersion(null, null,
                            texts.get("version.notString", field, JsonBody.kindOf(value, texts)));
                }
            }
            return new FederationVersion(name == null ? null : name.textValue(),
                    version == null ? null : version.textValue(), null);
        } catch (RuntimeException e) {
            return new FederationVersion(null, null, texts.get("json.unexpected", DOCUMENT));
        }
    }
}
