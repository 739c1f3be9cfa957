package dev.signpost.core.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Test helper: a Java string as a JSON string literal. */
final class JsonStrings {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonStrings() {
    }

    static String quote(String value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
