package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ServerKeysVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofDays(7));

    private final SigningKeys keys = new SigningKeys("ed25519:a_Abc1");

    private static KeysVerdict verify(ObjectNode response, String expected) throws Exception {
        return ServerKeysVerifier.verify(SigningKeys.bytes(response), expected, NOW, Locale.ENGLISH);
    }

    @Test
    void correctlySignedKeysVerify() throws Exception {
        KeysVerdict verdict = verify(keys.signAs(keys.response("example.com", LATER), "example.com"), "example.com");
        assertThat(verdict.failures()).isEmpty();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.serverName()).isEqualTo("example.com");
        assertThat(verdict.validUntil()).isEqualTo(LATER);
        assertThat(verdict.verifiedKeyIds()).containsExactly("ed25519:a_Abc1");
    }

    @Test
    void unsignedAndOtherServersSignaturesDoNotChangeTheSignedBytes() throws Exception {
        ObjectNode response = keys.response("example.com", LATER);
        keys.signAs(response, "example.com");
        response.putObject("unsigned").put("age_ts", 5);
        new SigningKeys("ed25519:notary").signAs(response, "notary.example.org");
        KeysVerdict verdict = verify(response, "example.com");
        assertThat(verdict.ok()).isTrue();
    }

    @Test
    void theDelegatedHostAsServerNameIsTheClassicMistake() throws Exception {
        KeysVerdict verdict = verify(keys.signAs(keys.response("matrix.example.com", LATER), "matrix.example.com"),
                "example.com");
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.serverName()).isEqualTo("matrix.example.com");
        assertThat(verdict.failures()).singleElement().asString()
                .contains("the keys say server_name \"matrix.example.com\"".substring(4))
                .contains("set server_name in the homeserver config to example.com");
        assertThat(verdict.verifiedKeyIds()).containsExactly("ed25519:a_Abc1");
    }

    @Test
    void aTamperedBodyFailsVerification() throws Exception {
        ObjectNode response = keys.signAs(keys.response("example.com", LATER), "example.com");
        response.put("valid_until_ts", LATER.plusSeconds(1).toEpochMilli());
        KeysVerdict verdict = verify(response, "example.com");
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.verifiedKeyIds()).isEmpty();
        assertThat(verdict.failures()).singleElement().asString().contains("does not verify");
    }

    @Test
    void aSignatureByAnotherKeyFails() throws Exception {
        ObjectNode response = keys.response("example.com", LATER);
        SigningKeys impostor = new SigningKeys("ed25519:a_Abc1");
        impostor.signAs(response, "example.com");
        assertThat(verify(response, "example.com").failures()).anyMatch(f -> f.contains("does not verify"));
    }

    @Test
    void expiredAndSoonExpiringKeys() throws Exception {
        KeysVerdict expired = verify(keys.signAs(keys.response("example.com", NOW.minusSeconds(1)), "example.com"),
                "example.com");
        assertThat(expired.ok()).isFalse();
        assertThat(expired.failures()).singleElement().asString().contains("expired");
        KeysVerdict soon = verify(keys.signAs(keys.response("example.com", NOW.plus(Duration.ofMinutes(30))),
                "example.com"), "example.com");
        assertThat(soon.ok()).isTrue();
        assertThat(soon.warnings()).singleElement().asString().contains("within an hour");
    }

    @Test
    void missingPiecesAreFailures() throws Exception {
        ObjectNode noValidity = keys.signAs(keys.response("example.com", LATER), "example.com");
        noValidity.remove("valid_until_ts");
        assertThat(verify(noValidity, "example.com").failures()).anyMatch(f -> f.contains("valid_until_ts"));

        ObjectNode unsigned = keys.response("example.com", LATER);
        assertThat(verify(unsigned, "example.com").failures()).singleElement().asString().contains("not signed");

        ObjectNode noKeys = keys.response("example.com", LATER);
        noKeys.putObject("verify_keys");
        keys.signAs(noKeys, "example.com");
        assertThat(verify(noKeys, "example.com").failures()).anyMatch(f -> f.contains("no ed25519 key"));

        ObjectNode noName = keys.signAs(keys.response("example.com", LATER), "example.com");
        noName.remove("server_name");
        assertThat(verify(noName, "example.com").ok()).isFalse();
    }

    @Test
    void wrongKeyAndSignatureLengths() throws Exception {
        ObjectNode shortKey = keys.response("example.com", LATER);
        ((ObjectNode) shortKey.get("verify_keys").get(keys.keyId)).put("key",
                Base64.getEncoder().withoutPadding().encodeToString(new byte[31]));
        keys.signAs(shortKey, "example.com");
        assertThat(verify(shortKey, "example.com").failures()).anyMatch(f -> f.contains("31 bytes"));

        ObjectNode shortSignature = keys.signAs(keys.response("example.com", LATER), "example.com");
        ((ObjectNode) shortSignature.get("signatures").get("example.com")).put(keys.keyId,
                Base64.getEncoder().withoutPadding().encodeToString(new byte[63]));
        assertThat(verify(shortSignature, "example.com").failures()).anyMatch(f -> f.contains("63 bytes"));
    }

    @Test
    void paddedBase64IsAcceptedWithAWarning() throws Exception {
        ObjectNode response = keys.response("example.com", LATER);
        ((ObjectNode) response.get("verify_keys").get(keys.keyId)).put("key",
                Base64.getEncoder().encodeToString(keys.rawPublicKey()));
        keys.signAs(response, "example.com");
        ObjectNode own = (ObjectNode) response.get("signatures").get("example.com");
        own.put(keys.keyId, own.get(keys.keyId).asText() + "==");
        KeysVerdict verdict = verify(response, "example.com");
        assertThat(verdict.ok()).isTrue();
        assertThat(verdict.warnings()).hasSize(2).allMatch(w -> w.contains("unpadded"));
    }

    @Test
    void urlSafeBase64IsRefused() throws Exception {
        ObjectNode response = keys.signAs(keys.response("example.com", LATER), "example.com");
        ObjectNode own = (ObjectNode) response.get("signatures").get("example.com");
        String urlSafe = own.get(keys.keyId).asText().replace('+', '-').replace('/', '_');
        if (urlSafe.equals(own.get(keys.keyId).asText())) {
            urlSafe = urlSafe.substring(0, urlSafe.length() - 1) + "_";
        }
        own.put(keys.keyId, urlSafe);
        assertThat(verify(response, "example.com").failures()).anyMatch(f -> f.contains("URL-safe"));
    }

    @Test
    void aKeyThatDidNotSignIsAFailure() throws Exception {
        ObjectNode response = keys.response("example.com", LATER);
        SigningKeys second = new SigningKeys("ed25519:b");
        ((ObjectNode) response.get("verify_keys")).putObject("ed25519:b").put("key", second.publicKeyBase64());
        keys.signAs(response, "example.com");
        KeysVerdict verdict = verify(response, "example.com");
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().contains("ed25519:b").contains("did not sign");
    }

    @Test
    void floatsInTheResponseCannotBeChecked() throws Exception {
        ObjectNode response = keys.response("example.com", LATER);
        String body = SigningKeys.MAPPER.writeValueAsString(response).replace("\"old_verify_keys\":{}",
                "\"old_verify_keys\":{},\"x\":1.5");
        body = body.substring(0, body.length() - 1) + ",\"signatures\":{\"example.com\":{\"" + keys.keyId
                + "\":\"" + Base64.getEncoder().withoutPadding().encodeToString(new byte[64]) + "\"}}}";
        KeysVerdict verdict = ServerKeysVerifier.verify(body.getBytes(StandardCharsets.UTF_8), "example.com", NOW,
                Locale.ENGLISH);
        assertThat(verdict.failures()).anyMatch(f -> f.contains("only integers"));
    }

    /** The signing test vectors of the spec's appendices: seed, public key and two signatures. */
    @Test
    void specSigningVectorsMatchCanonicalJsonAndTheJdk() throws Exception {
        byte[] seed = Base64.getDecoder().decode("YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1");
        byte[] pkcs8 = java.util.HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] encoded = java.util.Arrays.copyOf(pkcs8, pkcs8.length + 32);
        System.arraycopy(seed, 0, encoded, pkcs8.length, 32);
        java.security.PrivateKey privateKey = java.security.KeyFactory.getInstance("Ed25519")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(encoded));
        java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
        signer.initSign(privateKey);
        signer.update(CanonicalJson.encode(SigningKeys.MAPPER.readTree("{\"two\": \"Two\", \"one\": 1}")));
        assertThat(Base64.getEncoder().withoutPadding().encodeToString(signer.sign()))
                .isEqualTo("KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw");
        signer.initSign(privateKey);
        signer.update(CanonicalJson.encode(SigningKeys.MAPPER.readTree("{}")));
        assertThat(Base64.getEncoder().withoutPadding().encodeToString(signer.sign()))
                .isEqualTo("K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ");

        // The same key, as a homeserver would publish it, verifies through the verifier.
        ObjectNode response = SigningKeys.MAPPER.createObjectNode();
        response.put("server_name", "domain");
        response.put("valid_until_ts", LATER.toEpochMilli());
        response.putObject("verify_keys").putObject("ed25519:1").put("key",
                "XGX0JRS2Af3be3knz2fBiRbApjm2Dh61gXDJA8kcJNI");
        signer.initSign(privateKey);
        signer.update(CanonicalJson.encode(response));
        response.putObject("signatures").putObject("domain").put("ed25519:1",
                Base64.getEncoder().withoutPadding().encodeToString(signer.sign()));
        KeysVerdict verdict = verify(response, "domain");
        assertThat(verdict.ok()).as(verdict.failures().toString()).isTrue();
        assertThat(verdict.verifiedKeyIds()).containsExactly("ed25519:1");
    }

    @Test
    void notJsonIsAFailureWithASentence() {
        KeysVerdict verdict = ServerKeysVerifier.verify("<html>".getBytes(StandardCharsets.UTF_8), "example.com",
                NOW, Locale.GERMAN);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.failures()).singleElement().asString().contains("HTML");
    }
}
