package dev.signpost.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Responders that make a {@link TestHttpsServer} look like a Matrix homeserver: federation version, signed
 * server keys (a real Ed25519 key, signed over {@link CanonicalJson}), client versions and an identity server.
 * Each {@code /_matrix/key/v2/server} answer is signed at request time, so {@code valid_until_ts} is relative
 * to "now"; {@link KeyFlaw} reproduces the mistakes a key check must catch.
 */
public final class TestHomeserver {

    /** Body of {@code /_matrix/federation/v1/version}. */
    public static final String VERSION_JSON = "{\"server\":{\"name\":\"Synapse\",\"version\":\"1.120.0\"}}";
    /** Body of {@code /_matrix/client/versions}: a current homeserver with native sliding sync. */
    public static final String CLIENT_VERSIONS_JSON = "{\"versions\":[\"v1.11\",\"v1.12\"],"
            + "\"unstable_features\":{\"org.matrix.simplified_msc3575\":true}}";

    public static final String VERSION_PATH = "/_matrix/federation/v1/version";
    public static final String KEYS_PATH = "/_matrix/key/v2/server";
    public static final String CLIENT_VERSIONS_PATH = "/_matrix/client/versions";
    public static final String IDENTITY_PATH = "/_matrix/identity/v2";

    /** What is wrong with the served server keys. */
    public enum KeyFlaw {
        /** A correct answer: right name, valid for a day, one 32-byte ed25519 key, good signature. */
        NONE,
        /** {@code server_name} is {@code wrong-server.example} (signed under that name). */
        WRONG_SERVER_NAME,
        /** {@code valid_until_ts} is one hour in the past. */
        EXPIRED,
        /** {@code valid_until_ts} is 30 minutes ahead: valid, but for less than an hour. */
        VALID_UNDER_ONE_HOUR,
        /** The signature is well-formed but was made over different bytes, so it does not verify. */
        BAD_SIGNATURE,
        /** {@code verify_keys} is empty and nothing is signed. */
        NO_ED25519_KEY,
        /** The published ed25519 key is 16 bytes instead of 32 (the signature is made with the real key). */
        SHORT_KEY
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String serverName;
    private final String keyId;
    private final KeyPair keys;

    /** A homeserver called {@code serverName} with a fresh Ed25519 key {@code ed25519:auto}. */
    public TestHomeserver(String serverName) {
        this.serverName = serverName;
        this.keyId = "ed25519:auto";
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    public String serverName() {
        return serverName;
    }

    /** The key id, {@code ed25519:auto}. */
    public String keyId() {
        return keyId;
    }

    /** The raw 32-byte public key (the last 32 bytes of its X.509 encoding). */
    public byte[] publicKeyBytes() {
        byte[] encoded = keys.getPublic().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** The public key as unpadded standard base64, as published in {@code verify_keys}. */
    public String publicKeyBase64() {
        return unpadded(publicKeyBytes());
    }

    /** Serves the federation version and correct keys for requests whose Host is {@code host} ("*" = any). */
    public TestHomeserver installFederation(TestHttpsServer server, String host) {
        return installFederation(server, host, KeyFlaw.NONE);
    }

    /** Serves the federation version and keys with {@code flaw} for requests whose Host is {@code host}. */
    public TestHomeserver installFederation(TestHttpsServer server, String host, KeyFlaw flaw) {
        server.route(host, VERSION_PATH, versionResponder());
        server.route(host, KEYS_PATH, keysResponder(flaw));
        server.route(host, ModernHomeserver.FEDERATION_MEDIA_PATH, ModernHomeserver.missingToken());
        return this;
    }

    /**
     * Serves {@code /_matrix/client/versions} (with CORS) and {@code /_matrix/identity/v2} for {@code host}, and the
     * routes a current homeserver without a sign-in service or calls answers (see {@link ModernHomeserver}).
     */
    public TestHomeserver installClient(TestHttpsServer server, String host) {
        new ModernHomeserver().install(server, host);
        server.route(host, CLIENT_VERSIONS_PATH, clientVersionsResponder());
        server.route(host, IDENTITY_PATH, identityResponder());
        return this;
    }

    /** 200 {@link #VERSION_JSON}. */
    public static Responder versionResponder() {
        return Responder.of(Response.json(VERSION_JSON));
    }

    /** 200 {@link #CLIENT_VERSIONS_JSON} with {@code Access-Control-Allow-Origin: *}. */
    public static Responder clientVersionsResponder() {
        return Responder.of(Response.json(CLIENT_VERSIONS_JSON).withCors());
    }

    /** 200 {@code {}}, as an identity server answers {@code /_matrix/identity/v2}. */
    public static Responder identityResponder() {
        return Responder.of(Response.json("{}").withCors());
    }

    /** Correct server keys, signed at request time. */
    public Responder keysResponder() {
        return keysResponder(KeyFlaw.NONE);
    }

    /** Server keys with {@code flaw}, signed at request time. */
    public Responder keysResponder(KeyFlaw flaw) {
        return request -> Response.json(keysJson(flaw));
    }

    /** The body of {@code /_matrix/key/v2/server} with {@code flaw}, signed now. */
    public String keysJson(KeyFlaw flaw) {
        Instant now = Instant.now();
        String name = flaw == KeyFlaw.WRONG_SERVER_NAME ? "wrong-server.example" : serverName;
        Instant validUntil = switch (flaw) {
            case EXPIRED -> now.minus(Duration.ofHours(1));
            case VALID_UNDER_ONE_HOUR -> now.plus(Duration.ofMinutes(30));
            default -> now.plus(Duration.ofDays(1));
        };
        ObjectNode body = MAPPER.createObjectNode();
        body.put("server_name", name);
        body.put("valid_until_ts", validUntil.toEpochMilli());
        ObjectNode verifyKeys = body.putObject("verify_keys");
        if (flaw != KeyFlaw.NO_ED25519_KEY) {
            String key = flaw == KeyFlaw.SHORT_KEY ? unpadded(Arrays.copyOf(publicKeyBytes(), 16)) : publicKeyBase64();
            verifyKeys.putObject(keyId).put("key", key);
        }
        body.putObject("old_verify_keys");
        ObjectNode signatures = MAPPER.createObjectNode();
        if (flaw != KeyFlaw.NO_ED25519_KEY) {
            byte[] signed = CanonicalJson.bytes(body);
            if (flaw == KeyFlaw.BAD_SIGNATURE) {
                // A well-formed signature over other bytes: a flipped bit could make the JDK reject the encoding
                // ("invalid point") rather than report a mismatch, which is a different failure.
                signed = Arrays.copyOf(signed, signed.length + 1);
            }
            byte[] signature = sign(signed);
            signatures.putObject(name).put(keyId, unpadded(signature));
        }
        body.set("signatures", signatures);
        return body.toString();
    }

    private byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard base64 without padding, as Matrix uses for keys and signatures. */
    public static String unpadded(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
