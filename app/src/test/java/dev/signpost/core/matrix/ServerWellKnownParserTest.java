package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ServerWellKnownParserTest {

    private static ServerWellKnown parse(String body) {
        return ServerWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
    }

    @Test
    void hostAndPortIsUsable() {
        ServerWellKnown result = parse("{\"m.server\": \"matrix.example.com:443\"}");
        assertThat(result.error()).isNull();
        assertThat(result.usable()).isTrue();
        assertThat(result.rawMServer()).isEqualTo("matrix.example.com:443");
        assertThat(result.mServer().host()).isEqualTo("matrix.example.com");
        assertThat(result.mServer().port()).isEqualTo(443);
    }

    @Test
    void bareHostAndIpv6LiteralAreUsable() {
        assertThat(parse("{\"m.server\":\"matrix.example.com\"}").mServer().hasPort()).isFalse();
        assertThat(parse("{\"m.server\":\"[2001:db8::5]:8448\"}").mServer().isIpLiteral()).isTrue();
    }

    @Test
    void extraKeysAreIgnored() {
        assertThat(parse("{\"m.server\":\"m.example.com\",\"org.example\":1}").usable()).isTrue();
    }

    @Test
    void schemeIsExplainedAndRawKept() {
        ServerWellKnown result = parse("{\"m.server\":\"https://matrix.example.com\"}");
        assertThat(result.mServer()).isNull();
        assertThat(result.rawMServer()).isEqualTo("https://matrix.example.com");
        assertThat(result.error()).contains("scheme").contains("https://").contains("fall back");
    }

    @Test
    void pathAndBadPortAreExplained() {
        assertThat(parse("{\"m.server\":\"matrix.example.com/matrix\"}").error()).contains("path");
        assertThat(parse("{\"m.server\":\"matrix.example.com:99999\"}").error()).contains("65535");
        assertThat(parse("{\"m.server\":\"matrix.example.com:abc\"}").error()).contains("port");
    }

    @Test
    void tooLongValueIsRejected() {
        String longName = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "." + "e".repeat(20) + ".com";
        ServerWellKnown result = parse("{\"m.server\":\"" + longName + "\"}");
        assertThat(result.usable()).isFalse();
        assertThat(result.rawMServer()).isEqualTo(longName);
        assertThat(result.error()).contains("255");
    }

    @Test
    void missingAndNonStringValues() {
        assertThat(parse("{}").error()).contains("no m.server");
        ServerWellKnown number = parse("{\"m.server\": 8448}");
        assertThat(number.rawMServer()).isNull();
        assertThat(number.error()).contains("a number, not a string");
    }

    @Test
    void notJsonAndNotAnObject() {
        assertThat(parse("m.server: example.com").error()).contains("not valid JSON");
        assertThat(parse("{\"m.server\":\"a\",}").error()).contains("not valid JSON");
        assertThat(parse("[\"m.server\"]").error()).contains("must be a JSON object").contains("an array");
        assertThat(parse("{\"m.server\":\"a.b\"} {}").error()).contains("not valid JSON");
    }

    @Test
    void htmlFromACatchAllGetsItsOwnSentence() {
        ServerWellKnown result = parse("\n<!doctype html><html><body>App</body></html>");
        assertThat(result.error()).contains("HTML page").contains("catch-all");
    }

    @Test
    void emptyBody() {
        assertThat(ServerWellKnownParser.parse(new byte[0], Locale.ENGLISH).error()).contains("is empty");
        assertThat(ServerWellKnownParser.parse(null, Locale.ENGLISH).error()).contains("is empty");
        assertThat(parse("   \n").error()).contains("is empty");
    }

    @Test
    void bodyOverTheLimitIsRejectedEvenWhenValid() {
        String padding = " ".repeat(ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        ServerWellKnown result = parse("{\"m.server\":\"matrix.example.com:443\"}" + padding);
        assertThat(result.usable()).isFalse();
        assertThat(result.error()).contains("51,200");
        byte[] atLimit = Arrays.copyOf("{\"m.server\":\"a.example\"}".getBytes(StandardCharsets.UTF_8),
                ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        Arrays.fill(atLimit, 24, atLimit.length, (byte) ' ');
        assertThat(ServerWellKnownParser.parse(atLimit, Locale.ENGLISH).usable()).isTrue();
    }

    @Test
    void invalidUtf8AndByteOrderMark() {
        byte[] latin1 = "{\"m.server\":\"b\u00fccher.example\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ServerWellKnownParser.parse(latin1, Locale.ENGLISH).error()).contains("UTF-8");
        byte[] bom = ("\uFEFF{\"m.server\":\"a.example\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(ServerWellKnownParser.parse(bom, Locale.ENGLISH).error()).contains("byte order mark");
    }

    @Test
    void deepNestingIsRejectedWithASentence() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        assertThat(parse(deep).error()).contains("nested");
    }

    @ParameterizedTest
    @ValueSource(strings = {" matrix.example.com", "matrix.example.com "})
    void surroundingSpacesAreRejected(String value) {
        ServerWellKnown result = parse("{\"m.server\":\"" + value + "\"}");
        assertThat(result.usable()).isFalse();
        assertThat(result.error()).contains("spaces");
    }

    @Test
    void speaksGerman() {
        ServerWellKnown result = ServerWellKnownParser.parse("{}".getBytes(StandardCharsets.UTF_8), Locale.GERMAN);
        assertThat(result.error()).contains("keinen Schlüssel m.server");
    }
}
