package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Property(tries = 500)
    void encodingIsIdempotent(@ForAll("values") JsonNode value) throws Exception {
        byte[] once = CanonicalJson.encode(value);
        JsonNode reread = CanonicalJsonTest.MAPPER.readTree(once);
        assertThat(CanonicalJson.encode(reread)).isEqualTo(once);
    }

    @Property(tries = 500)
    void encodingIsKeyOrderIndependent(@ForAll("values") JsonNode value, @ForAll long seed) throws Exception {
        JsonNode shuffled = shuffle(value, new Random(seed));
        assertThat(CanonicalJson.encode(shuffled)).isEqualTo(CanonicalJson.encode(value));
    }

    @Property(tries = 500)
    void encodingHasNoInsignificantWhitespaceAndSortedKeys(@ForAll("values") JsonNode value) throws Exception {
        String text = new String(CanonicalJson.encode(value), StandardCharsets.UTF_8);
        JsonNode reread = CanonicalJsonTest.MAPPER.readTree(text);
        assertThat(text.length()).isLessThanOrEqualTo(CanonicalJsonTest.MAPPER.writeValueAsString(value).length());
        assertKeysInCodePointOrder(reread, text);
    }

    /** Every object's keys, as they stand in the encoded text, in Unicode code point order. */
    private static void assertKeysInCodePointOrder(JsonNode node, String text) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            node.fieldNames().forEachRemaining(keys::add);
            for (int i = 1; i < keys.size(); i++) {
                assertThat(compareByCodePoint(keys.get(i - 1), keys.get(i))).as("key order in %s", text)
                        .isNegative();
            }
        }
        node.forEach(child -> assertKeysInCodePointOrder(child, text));
    }

    private static int compareByCodePoint(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }

    @Property(tries = 2000)
    void anyJsonTextIsEncodedOrRefusedWithASentence(@ForAll("jsonish") String text) {
        JsonNode node;
        try {
            node = CanonicalJsonTest.MAPPER.readTree(text);
        } catch (Exception e) {
            return;
        }
        try {
            CanonicalJson.encode(node);
        } catch (CanonicalJsonException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void anyNumberIsEncodedExactlyOrRefused(@ForAll BigDecimal number) {
        try {
            String encoded = new String(CanonicalJson.encode(F.numberNode(number)), StandardCharsets.UTF_8);
            assertThat(new BigDecimal(encoded).compareTo(number)).isZero();
            assertThat(Math.abs(Double.parseDouble(encoded))).isLessThanOrEqualTo(9.007199254740991E15);
        } catch (CanonicalJsonException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static JsonNode shuffle(JsonNode node, Random random) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode copy = F.objectNode();
            names.forEach(name -> copy.set(name, shuffle(node.get(name), random)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = F.arrayNode();
            node.forEach(element -> copy.add(shuffle(element, random)));
            return copy;
        }
        return node;
    }

    @Provide
    Arbitrary<JsonNode> values() {
        return values(3);
    }

    private Arbitrary<JsonNode> values(int depth) {
        if (depth == 0) {
            return leaf();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf()),
                net.jqwik.api.Tuple.of(1, array(depth - 1)),
                net.jqwik.api.Tuple.of(2, object(depth - 1)));
    }

    private Arbitrary<JsonNode> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).filter(CanonicalJsonProperties::wellFormed)
                        .map(s -> (JsonNode) F.textNode(s)),
                Arbitraries.longs().between(-CanonicalJson.MAX_SAFE_INTEGER, CanonicalJson.MAX_SAFE_INTEGER)
                        .map(l -> (JsonNode) F.numberNode(l)),
                Arbitraries.of(F.booleanNode(true), F.booleanNode(false), F.nullNode()));
    }

    private Arbitrary<JsonNode> array(int depth) {
        return values(depth).list().ofMaxSize(4).map(list -> {
            ArrayNode array = F.arrayNode();
            list.forEach(array::add);
            return array;
        });
    }

    private Arbitrary<JsonNode> object(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6).filter(CanonicalJsonProperties::wellFormed),
                Arbitraries.of("a", "\u00e9", "\ufb01", "\ud83d\ude00", "\ud83d\udc4d").list().ofMaxSize(4)
                        .map(parts -> String.join("", parts)));
        return Arbitraries.maps(keys, values(depth)).ofMaxSize(5).map(map -> {
            ObjectNode object = F.objectNode();
            map.forEach(object::set);
            return object;
        });
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,. 0123456789e-+.abtrufnl\\u").ofMaxLength(60);
    }

}
