package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static String canonical(String json) throws Exception {
        return new String(CanonicalJson.encode(MAPPER.readTree(json)), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|{}",
            "{\"one\": 1, \"two\": \"Two\"}|{\"one\":1,\"two\":\"Two\"}",
            "{\"b\": \"2\", \"a\": \"1\"}|{\"a\":\"1\",\"b\":\"2\"}",
            "{\"a\": \"\u65e5\u672c\u8a9e\"}|{\"a\":\"\u65e5\u672c\u8a9e\"}",
            "{\"\u672c\": 2, \"\u65e5\": 1}|{\"\u65e5\":1,\"\u672c\":2}",
            "{\"a\": \"\\u65E5\"}|{\"a\":\"\u65e5\"}",
            "{\"a\": null}|{\"a\":null}",
            "{\"a\": -0, \"b\": 1e10}|{\"a\":0,\"b\":10000000000}",
            "[ true , false, [ ], { } ]|[true,false,[],{}]",
            "{\"auth\": {\"success\": true, \"mxid\": \"@john.doe:example.com\", \"profile\": "
                    + "{\"display_name\": \"John Doe\", \"three_pids\": [{\"medium\": \"email\", "
                    + "\"address\": \"john.doe@example.org\"}]}}}"
                    + "|{\"auth\":{\"mxid\":\"@john.doe:example.com\",\"profile\":{\"display_name\":\"John Doe\","
                    + "\"three_pids\":[{\"address\":\"john.doe@example.org\",\"medium\":\"email\"}]},\"success\":true}}",
    })
    void specExamples(String input, String expected) throws Exception {
        assertThat(canonical(input)).isEqualTo(expected);
    }

    @Test
    void escapesOnlyWhatJsonRequires() throws Exception {
        assertThat(canonical("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f\\u007f/\u00e9\""))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001f\u007f/\u00e9\"");
    }

    @Test
    void keysSortByCodePointNotUtf16() throws Exception {
        // U+1F600 (surrogate pair D83D DE00) sorts after U+FB01 by code point, before it by UTF-16 units.
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("\ud83d\ude00", 1);
        node.put("\ufb01", 2);
        String encoded = new String(CanonicalJson.encode(node), StandardCharsets.UTF_8);
        assertThat(encoded).isEqualTo("{\"\ufb01\":2,\"\ud83d\ude00\":1}");
        assertThat(CanonicalJson.compareCodePoints("\ud83d\ude00", "\ufb01")).isPositive();
        assertThat("\ud83d\ude00".compareTo("\ufb01")).isNegative();
    }

    @Test
    void outputIsUtf8() throws Exception {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("k", "\ud83d\ude00");
        assertThat(CanonicalJson.encode(node)).containsExactly(
                '{', '"', 'k', '"', ':', '"', 0xf0 - 256, 0x9f - 256, 0x98 - 256, 0x80 - 256, '"', '}');
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740991", "-9007199254740991"})
    void integersAtTheLimitsAreAllowed(String number) throws Exception {
        assertThat(canonical(number)).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9007199254740992", "-9007199254740992", "1e16", "123456789012345678901234567890",
            "1e999999"})
    void integersOutOfRangeAreRefusedWithASentence(String number) {
        assertThatThrownBy(() -> canonical(number)).isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("2^53");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "{\"a\":[0.1]}", "-1e-3"})
    void floatsAreRefusedWithASentence(String json) {
        assertThatThrownBy(() -> canonical(json)).isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("only integers");
    }

    @Test
    void infiniteDoublesAndLoneSurrogatesAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.encode(DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
                .isInstanceOf(CanonicalJsonException.class);
        assertThatThrownBy(() -> CanonicalJson.encode(JsonNodeFactory.instance.textNode("a\ud800b")))
                .isInstanceOf(CanonicalJsonException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> CanonicalJson.encode(null)).isInstanceOf(CanonicalJsonException.class);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        JsonNode deep = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 10_000; i++) {
            deep = JsonNodeFactory.instance.arrayNode().add(deep);
        }
        JsonNode finalDeep = deep;
        assertThatThrownBy(() -> CanonicalJson.encode(finalDeep)).isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("128");
    }

    @Test
    void speaksGerman() {
        assertThatThrownBy(() -> CanonicalJson.encode(DoubleNode.valueOf(0.5), Locale.GERMAN))
                .hasMessageContaining("ganze Zahlen");
    }
}
