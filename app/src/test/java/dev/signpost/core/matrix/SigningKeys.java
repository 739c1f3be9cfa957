package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** Test helper: real Ed25519 keys from the JDK and key responses signed the way a homeserver signs them. */
final class SigningKeys {

    static final ObjectMapper MAPPER = new ObjectMapper();

    final KeyPair pair;
    final String keyId;

    SigningKeys(String keyId) {
        try {
            this.pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        this.keyId = keyId;
    }

    /** The raw 32-byte public key: the end of its X.509 encoding. */
    byte[] rawPublicKey() {
        byte[] encoded = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    String publicKeyBase64() {
        return Base64.getEncoder().withoutPadding().encodeToString(rawPublicKey());
    }

    byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(data);
            return signer.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned key response for {@code serverName}, valid until {@code validUntil}. */
    ObjectNode response(String serverName, Instant validUntil) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("server_name", serverName);
        root.put("valid_until_ts", validUntil.toEpochMilli());
        root.putObject("verify_keys").putObject(keyId).put("key", publicKeyBase64());
        root.putObject("old_verify_keys");
        return root;
    }

    /** Signs {@code root} in place as {@code serverName}, over its canonical JSON without signatures/unsigned. */
    ObjectNode signAs(ObjectNode root, String serverName) throws Exception {
        ObjectNode toSign = root.deepCopy();
        toSign.remove("signatures");
        toSign.remove("unsigned");
        String signature = Base64.getEncoder().withoutPadding().encodeToString(sign(CanonicalJson.encode(toSign)));
        ObjectNode signatures = root.has("signatures") ? (ObjectNode) root.get("signatures")
                : root.putObject("signatures");
        ObjectNode own = signatures.has(serverName) ? (ObjectNode) signatures.get(serverName)
                : signatures.putObject(serverName);
        own.put(keyId, signature);
        return root;
    }

    static byte[] bytes(ObjectNode node) throws Exception {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }
}
