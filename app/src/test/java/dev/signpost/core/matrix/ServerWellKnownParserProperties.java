package dev.signpost.core.matrix;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ServerWellKnownParserProperties {

    @Property(tries = 2000)
    void anyBytesGiveAResultAndNeverThrow(@ForAll byte[] body) {
        assertConsistent(ServerWellKnownParser.parse(body, Locale.ENGLISH));
    }

    @Property(tries = 2000)
    void anyJsonishTextGivesAResult(@ForAll("jsonish") String body) {
        assertConsistent(ServerWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.GERMAN));
    }

    @Property(tries = 2000)
    void anyStringAsMServerIsEitherAValidServerNameOrExplained(@ForAll String value) {
        String body = "{\"m.server\":" + JsonStrings.quote(value) + "}";
        ServerWellKnown result = ServerWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertConsistent(result);
        assertThat(result.rawMServer()).isEqualTo(value);
        boolean grammarAccepts;
        try {
            ServerName.parse(value, Locale.ENGLISH);
            grammarAccepts = value.equals(value.strip());
        } catch (InvalidServerNameException e) {
            grammarAccepts = false;
        }
        assertThat(result.usable()).isEqualTo(grammarAccepts);
    }

    @Property(tries = 1000)
    void validHostAndPortAlwaysParses(@ForAll("hosts") String host, @ForAll("ports") int port) {
        String body = "{\"m.server\":\"" + host + ":" + port + "\"}";
        ServerWellKnown result = ServerWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(result.error()).isNull();
        assertThat(result.mServer().port()).isEqualTo(port);
    }

    private static void assertConsistent(ServerWellKnown result) {
        assertThat(result).isNotNull();
        if (result.mServer() == null) {
            assertThat(result.error()).isNotBlank();
        } else {
            assertThat(result.error()).isNull();
            assertThat(result.rawMServer()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,. m.servr0123456789:/-\\u<>tfnl").ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(20)
                .filter(s -> Character.isLetter(s.charAt(0)));
        return label.list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1, 65535);
    }
}
