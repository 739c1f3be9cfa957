package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ServerKeysVerifierProperties {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final SigningKeys KEYS = new SigningKeys("ed25519:auto");

    @Property(tries = 1000)
    void anyBytesGiveAVerdictWithReasons(@ForAll byte[] body) {
        assertConsistent(ServerKeysVerifier.verify(body, "example.com", NOW, Locale.ENGLISH));
    }

    @Property(tries = 1000)
    void jsonishTextGivesAVerdictWithReasons(@ForAll("jsonish") String body) {
        assertConsistent(ServerKeysVerifier.verify(body.getBytes(StandardCharsets.UTF_8), "example.com", NOW,
                Locale.GERMAN));
    }

    @Property(tries = 200)
    void everySignedResponseVerifiesAndAnyByteFlipBreaksIt(@ForAll("extras") String extra,
                                                           @ForAll("positions") int position) throws Exception {
        ObjectNode response = KEYS.response("example.com", NOW.plus(Duration.ofDays(2)));
        response.put("org.example.extra", extra);
        KEYS.signAs(response, "example.com");
        byte[] body = SigningKeys.bytes(response);
        KeysVerdict verdict = ServerKeysVerifier.verify(body, "example.com", NOW, Locale.ENGLISH);
        assertThat(verdict.ok()).as(verdict.failures().toString()).isTrue();

        ObjectNode tampered = response.deepCopy();
        String changed = extra.isEmpty() ? "x" : extra.substring(0, position % extra.length()) + "\u00df"
                + extra.substring(position % extra.length() + 1);
        tampered.put("org.example.extra", changed);
        KeysVerdict broken = ServerKeysVerifier.verify(SigningKeys.bytes(tampered), "example.com", NOW,
                Locale.ENGLISH);
        assertThat(broken.ok()).isEqualTo(changed.equals(extra));
    }

    private static void assertConsistent(KeysVerdict verdict) {
        if (!verdict.ok()) {
            assertThat(verdict.failures().isEmpty() && verdict.verifiedKeyIds().isEmpty()
                    || !verdict.failures().isEmpty()).isTrue();
        }
        verdict.failures().forEach(f -> assertThat(f).isNotBlank());
        verdict.warnings().forEach(w -> assertThat(w).isNotBlank());
        assertThat(verdict.ok() || !verdict.failures().isEmpty()).isTrue();
    }

    @Provide
    Arbitrary<String> extras() {
        return Arbitraries.strings().ofMaxLength(20).filter(ServerKeysVerifierProperties::wellFormed);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 100);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,. server_namevlidutsekygnr0123456789ed25519:").ofMaxLength(80);
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
}
