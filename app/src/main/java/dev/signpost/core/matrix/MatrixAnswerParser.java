package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.text.Texts;

import java.util.Locale;

/**
 * Tells a homeserver's answer from a proxy's: Matrix routes answer errors as JSON objects with an {@code errcode}
 * (spec "Standard error response"), and clients decide on that code, never on an HTML page.
 * Pure: no I/O, and no exception escapes for any input.
 */
public final class MatrixAnswerParser {

    private MatrixAnswerParser() {
    }

    /**
     * @param body     the response body as received, possibly null
     * @param document how a sentence names the request, e.g. {@code GET /_matrix/client/v1/auth_metadata}
     */
    public static MatrixAnswer parse(byte[] body, String document, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            JsonBody.Parsed parsed = JsonBody.readObject(body, document, locale);
            if (!parsed.ok()) {
                return new MatrixAnswer(MatrixAnswer.Kind.NOT_MATRIX, null, parsed.error());
            }
            JsonNode errcode = parsed.object().get("errcode");
            if (errcode != null && errcode.isTextual()) {
                return new MatrixAnswer(MatrixAnswer.Kind.MATRIX_ERROR, errcode.textValue(), null);
            }
            return new MatrixAnswer(MatrixAnswer.Kind.JSON_OBJECT, null, null);
        } catch (RuntimeException e) {
            return new MatrixAnswer(MatrixAnswer.Kind.NOT_MATRIX, null, texts.get("json.unexpected", document));
        }
    }
}
