package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.text.Texts;

import java.util.Locale;

/**
 * Checks the body of {@code /.well-known/matrix/server} exactly as a homeserver reads it: JSON whatever the
 * Content-Type, at most {@value #MAX_WELL_KNOWN_BYTES} bytes, an {@code m.server} string that follows the
 * server-name grammar. Pure: no I/O, and no exception escapes for any input.
 */
public final class ServerWellKnownParser {

    /** Synapse and the Go libraries reject larger well-known bodies (50 KiB). */
    public static final int MAX_WELL_KNOWN_BYTES = 51_200;

    static final String DOCUMENT = "/.well-known/matrix/server";

    private ServerWellKnownParser() {
    }

    /**
     * @param body   the response body as received, possibly null
     * @param locale language of the error sentence
     */
    public static ServerWellKnown parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            return parse(body, locale, texts);
        } catch (RuntimeException e) {
            return new ServerWellKnown(null, null, texts.get("json.unexpected", DOCUMENT));
        }
    }

    private static ServerWellKnown parse(byte[] body, Locale locale, Texts texts) {
        if (body != null && body.length > MAX_WELL_KNOWN_BYTES) {
            return failed(null, texts.get("serverWellKnown.tooLarge", body.length, MAX_WELL_KNOWN_BYTES));
        }
        JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
        if (!parsed.ok()) {
            return failed(null, parsed.error());
        }
        JsonNode value = parsed.object().get("m.server");
        if (value == null) {
            return failed(null, texts.get("serverWellKnown.missing"));
        }
        if (!value.isTextual()) {
            return failed(null, texts.get("serverWellKnown.notString", JsonBody.kindOf(value, texts)));
        }
        String raw = value.textValue();
        if (raw.length() > ServerName.MAX_DNS_NAME_LENGTH) {
            return failed(raw, texts.get("serverWellKnown.tooLong", raw.length(), ServerName.MAX_DNS_NAME_LENGTH));
        }
        if (!raw.isEmpty() && !raw.equals(raw.strip())) {
            return failed(raw, texts.get("serverWellKnown.spaces", raw.strip()));
        }
        try {
            return new ServerWellKnown(raw, ServerName.parse(raw, locale), null);
        } catch (InvalidServerNameException e) {
            return failed(raw, texts.get("serverWellKnown.invalid", e.getMessage()));
        }
    }

    private static ServerWellKnown failed(String raw, String error) {
        return new ServerWellKnown(raw, null, error);
    }
}
