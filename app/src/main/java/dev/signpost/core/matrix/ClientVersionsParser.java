package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code GET /_matrix/client/versions}: clients require a {@code versions} array of strings (spec client
 * discovery: otherwise FAIL_ERROR). Pure: no I/O, and no exception escapes for any input.
 */
public final class ClientVersionsParser {

    static final String DOCUMENT = "/_matrix/client/versions";

    private ClientVersionsParser() {
    }

    public static ClientVersions parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
            if (!parsed.ok()) {
                return new ClientVersions(List.of(), parsed.error());
            }
            JsonNode versions = parsed.object().get("versions");
            if (versions == null || !versions.isArray()) {
                return new ClientVersions(List.of(),
                        texts.get("clientVersions.noArray", JsonBody.kindOf(versions, texts)));
            }
            List<String> list = new ArrayList<>();
            for (JsonNode version : versions) {
                if (!version.isTextual()) {
                    return new ClientVersions(List.of(),
                            texts.get("clientVersions.notString", JsonBody.kindOf(version, texts)));
                }
                list.add(version.textValue());
            }
            if (list.isEmpty()) {
                return new ClientVersions(List.of(), texts.get("clientVersions.empty"));
            }
            return new ClientVersions(list, null);
        } catch (RuntimeException e) {
            return new ClientVersions(List.of(), texts.get("json.unexpected", DOCUMENT));
        }
    }
}
