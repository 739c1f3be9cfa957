package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class TestHomeserverTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The fixed ASN.1 prefix of an X.509-encoded Ed25519 public key (RFC 8410). */
    private static final byte[] ED25519_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
        0x00};

    private final TestHomeserver homeserver = new TestHomeserver("example.com");

    @Test
    void canonicalJsonMatchesTheSpecExamples() {
        assertThat(CanonicalJson.encode("{}")).isEqualTo("{}");
        assertThat(CanonicalJson.encode("{\"one\": 1, \"two\": \"Two\"}")).isEqualTo("{\"one\":1,\"two\":\"Two\"}");
        assertThat(CanonicalJson.encode("{\"b\": \"2\", \"a\": \"1\"}")).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(CanonicalJson.encode("{\"auth\":{\"success\":true,\"mxid\":\"@john.doe:example.com\","
                + "\"profile\":{\"display_name\":\"John Doe\",\"three_pids\":[{\"medium\":\"email\","
                + "\"address\":\"john.doe@example.org\"},{\"medium\":\"msisdn\",\"address\":\"123456789\"}]}}}"))
                .isEqualTo("{\"auth\":{\"mxid\":\"@john.doe:example.com\",\"profile\":{\"display_name\":\"John Doe\","
                        + "\"three_pids\":[{\"address\":\"john.doe@example.org\",\"medium\":\"email\"},"
                        + "{\"address\":\"123456789\",\"medium\":\"msisdn\"}]},\"success\":true}}");
        assertThat(CanonicalJson.encode("{\"a\": \"日本語\"}")).isEqualTo("{\"a\":\"日本語\"}");
        assertThat(CanonicalJson.encode("{\"本\": 2, \"日\": 1}")).isEqualTo("{\"日\":1,\"本\":2}");
        assertThat(CanonicalJson.encode("{\"a\": \"\\u0000\\n\"}")).isEqualTo("{\"a\":\"\\u0000\\n\"}");
        assertThat(CanonicalJson.encode("{\"a\": null, \"b\": -0}")).isEqualTo("{\"a\":null,\"b\":0}");
        // U+1F600 (surrogate pair) sorts after U+FB01 by code point, though not by UTF-16 unit
        assertThat(CanonicalJson.encode("{\"\uD83D\uDE00\": 1, \"\uFB01\": 2}"))
                .isEqualTo("{\"\uFB01\":2,\"\uD83D\uDE00\":1}");
        assertThatThrownBy(() -> CanonicalJson.encode("{\"a\": 1.5}")).isInstanceOf(IllegalArgumentException.class);
    }

    private boolean verifies(JsonNode body, String signer) throws GeneralSecurityException {
        String keyB64 = body.path("verify_keys").path(homeserver.keyId()).path("key").asText();
        byte[] raw = Base64.getDecoder().decode(keyB64);
        if (raw.length != 32) {
            return false;
        }
        byte[] x509 = Arrays.copyOf(ED25519_PREFIX, ED25519_PREFIX.length + 32);
        System.arraycopy(raw, 0, x509, ED25519_PREFIX.length, 32);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        ObjectNode signed = body.deepCopy();
        signed.remove("signatures");
        signed.remove("unsigned");
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(CanonicalJson.bytes(signed));
        String signature = body.path("signatures").path(signer).path(homeserver.keyId()).asText();
        return verifier.verify(Base64.getDecoder().decode(signature));
    }

    @Test
    void correctKeysVerifyWithTheJdksEd25519() throws Exception {
        JsonNode body = MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.NONE));
        assertThat(body.path("server_name").asText()).isEqualTo("example.com");
        assertThat(body.path("valid_until_ts").asLong()).isGreaterThan(System.currentTimeMillis() + 3_600_000);
        assertThat(homeserver.publicKeyBase64()).doesNotEndWith("=").hasSize(43);
        assertThat(verifies(body, "example.com")).isTrue();
    }

    @Test
    void eachFlawShowsUp() throws Exception {
        long now = System.currentTimeMillis();
        JsonNode wrongName = MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.WRONG_SERVER_NAME));
        assertThat(wrongName.path("server_name").asText()).isEqualTo("wrong-server.example");
        assertThat(verifies(wrongName, "wrong-server.example")).isTrue();
        assertThat(MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.EXPIRED)).path("valid_until_ts")
                .asLong()).isLessThan(now);
        assertThat(MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.VALID_UNDER_ONE_HOUR))
                .path("valid_until_ts").asLong()).isBetween(now, now + 3_600_000);
        assertThat(verifies(MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.BAD_SIGNATURE)),
                "example.com")).isFalse();
        JsonNode noKey = MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.NO_ED25519_KEY));
        assertThat(noKey.path("verify_keys").size()).isZero();
        JsonNode shortKey = MAPPER.readTree(homeserver.keysJson(TestHomeserver.KeyFlaw.SHORT_KEY));
        assertThat(Base64.getDecoder().decode(shortKey.path("verify_keys").path("ed25519:auto").path("key")
                .asText())).hasSize(16);
    }

    @Test
    void routesAreServedOverHttps() throws Exception {
        try (TestCa ca = new TestCa(); TestHttpsServer server = new TestHttpsServer(ca.leaf("example.com"))) {
            homeserver.installFederation(server, "example.com").installClient(server, "*");
            TlsClient client = new TlsClient(ca.rootPem());
            assertThat(client.get(server.address(), "example.com", "example.com:8448", TestHomeserver.VERSION_PATH))
                    .endsWith(TestHomeserver.VERSION_JSON);
            String keys = client.get(server.address(), "example.com", "example.com", TestHomeserver.KEYS_PATH);
            assertThat(verifies(MAPPER.readTree(keys.substring(keys.indexOf("\r\n\r\n") + 4)), "example.com"))
                    .isTrue();
            assertThat(client.get(server.address(), "example.com", "matrix.example.com",
                    TestHomeserver.CLIENT_VERSIONS_PATH)).contains("Access-Control-Allow-Origin: *")
                    .endsWith(TestHomeserver.CLIENT_VERSIONS_JSON);
            assertThat(client.get(server.address(), "example.com", "other", TestHomeserver.IDENTITY_PATH))
                    .startsWith("HTTP/1.1 200").endsWith("{}");
            assertThat(client.get(server.address(), "example.com", "other", TestHomeserver.VERSION_PATH))
                    .startsWith("HTTP/1.1 404");
        }
    }
}
