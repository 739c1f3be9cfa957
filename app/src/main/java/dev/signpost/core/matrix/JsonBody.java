package dev.signpost.core.matrix;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.text.Texts;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a response body as a JSON object the way strict Matrix implementations do: UTF-8 only (no byte order
 * mark), one JSON value and nothing after it, nesting capped so hostile input cannot exhaust the stack.
 * Never throws; a body that cannot be read yields a sentence naming the document it came from.
 */
final class JsonBody {

    /** Deeper than any Matrix document needs; protects against stack exhaustion. */
    static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(400)
                    .maxStringLength(1_000_000)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * The outcome of reading a body: exactly one of {@code object} and {@code error} is set.
     *
     * @param node   the parsed value, or null
     * @param object the value when it is a JSON object, or null
     * @param error  a sentence saying what is wrong with the body, or null
     */
    record Parsed(JsonNode node, ObjectNode object, String error) {
        boolean ok() {
            return object != null;
        }
    }

    private JsonBody() {
    }

    /**
     * @param body     the raw bytes, possibly null
     * @param document how the sentence names the document, e.g. "/.well-known/matrix/server"
     * @param locale   language of the sentence
     */
    static Parsed readObject(byte[] body, String document, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        Parsed parsed = readValue(body, document, texts);
        if (parsed.error() != null) {
            return parsed;
        }
        if (!parsed.node().isObject()) {
            return new Parsed(parsed.node(), null,
                    texts.get("json.notObject", document, kindOf(parsed.node(), texts)));
        }
        return new Parsed(parsed.node(), (ObjectNode) parsed.node(), null);
    }

    private static Parsed readValue(byte[] body, String document, Texts texts) {
        if (body == null || body.length == 0) {
            return new Parsed(null, null, texts.get("json.empty", document));
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return new Parsed(null, null, texts.get("json.bom", document));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Parsed(null, null, texts.get("json.notUtf8", document));
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return new Parsed(null, null, texts.get("json.empty", document));
        }
        if (stripped.startsWith("<")) {
            return new Parsed(null, null, texts.get("json.html", document));
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                return new Parsed(null, null, texts.get("json.empty", document));
            }
            return new Parsed(node, null, null);
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            return new Parsed(null, null, texts.get("json.tooComplex", document, MAX_DEPTH));
        } catch (Exception | StackOverflowError e) {
            // Any parse failure, whatever Jackson calls it, is the same thing to a user: not JSON.
            return new Parsed(null, null, texts.get("json.invalid", document, shortReason(e)));
        }
    }

    private static String shortReason(Throwable e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
            String message = jpe.getOriginalMessage();
            if (jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
                message = message + " (line " + jpe.getLocation().getLineNr()
                        + ", column " + jpe.getLocation().getColumnNr() + ")";
            }
            return truncate(message);
        }
        return truncate(String.valueOf(e.getMessage()));
    }

    static String truncate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }

    /** A word for the JSON type of a node, for sentences like "is a number, not a string". */
    static String kindOf(JsonNode node, Texts texts) {
        if (node == null || node.isMissingNode()) {
            return texts.get("json.kind.missing");
        }
        if (node.isObject()) {
            return texts.get("json.kind.object");
        }
        if (node.isArray()) {
            return texts.get("json.kind.array");
        }
        if (node.isTextual()) {
            return texts.get("json.kind.string");
        }
        if (node.isNumber()) {
            return texts.get("json.kind.number");
        }
        if (node.isBoolean()) {
            return texts.get("json.kind.boolean");
        }
        if (node.isNull()) {
            return texts.get("json.kind.null");
        }
        return texts.get("json.kind.other");
    }

    /** Top-level keys that are neither the spec's ({@code m.*}) nor namespaced ({@code org.example.key}). */
    static java.util.List<String> unnamespacedKeys(ObjectNode object) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (name.indexOf('.') < 0) {
                keys.add(name);
            }
        });
        return keys;
    }
}
