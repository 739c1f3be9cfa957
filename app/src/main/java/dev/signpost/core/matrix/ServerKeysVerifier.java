package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.text.Texts;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Verifies {@code GET /_matrix/key/v2/server} as a remote homeserver does: the right {@code server_name}, a
 * {@code valid_until_ts} in the future, 32-byte {@code ed25519} keys, and every signature of the server over the
 * canonical JSON of the response (without {@code signatures} and {@code unsigned}), checked with the JDK's own
 * Ed25519. Pure: no I/O, and no exception escapes for any input.
 */
public final class ServerKeysVerifier {

    static final String DOCUMENT = "/_matrix/key/v2/server";

    /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw 32-byte key follows it. */
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final Pattern STANDARD_BASE64 = Pattern.compile("[A-Za-z0-9+/]*");
    private static final Pattern URL_SAFE_BASE64 = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Duration SHORT_VALIDITY = Duration.ofHours(1);

    private ServerKeysVerifier() {
    }

    /**
     * @param body               the response body as received
     * @param expectedServerName the server name being checked (not the delegated host)
     * @param now                the current time, for {@code valid_until_ts}
     * @param locale             language of the sentences
     */
    public static KeysVerdict verify(byte[] body, String expectedServerName, Instant now, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            return new Run(texts, locale).verify(body, expectedServerName, now);
        } catch (RuntimeException | StackOverflowError e) {
            return new KeysVerdict(null, null, List.of(), List.of(texts.get("json.unexpected", DOCUMENT)), List.of());
        }
    }

    /** One verification; collects failures and warnings as it goes. */
    private static final class Run {
        private final Texts texts;
        private final Locale locale;
        private final List<String> failures = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private final List<String> verified = new ArrayList<>();
        private String serverName;
        private Instant validUntil;

        Run(Texts texts, Locale locale) {
            this.texts = texts;
            this.locale = locale;
        }

        KeysVerdict verify(byte[] body, String expected, Instant now) {
            JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
            if (!parsed.ok()) {
                failures.add(parsed.error());
                return verdict();
            }
            ObjectNode root = parsed.object();
            serverName(root.get("server_name"), expected);
            validUntil(root.get("valid_until_ts"), now);
            Map<String, PublicKey> keys = verifyKeys(root.get("verify_keys"));
            signatures(root, keys);
            return verdict();
        }

        private void serverName(JsonNode value, String expected) {
            if (value == null || !value.isTextual()) {
                failures.add(texts.get("keys.noServerName", JsonBody.kindOf(value, texts), expected));
                return;
            }
            serverName = value.textValue();
            if (expected != null && !serverName.equals(expected)) {
                failures.add(texts.get("keys.wrongServerName", serverName, expected));
            }
        }

        private void validUntil(JsonNode value, Instant now) {
            if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
                failures.add(texts.get("keys.noValidUntil", JsonBody.kindOf(value, texts)));
                return;
            }
            validUntil = Instant.ofEpochMilli(value.longValue());
            if (!validUntil.isAfter(now)) {
                failures.add(texts.get("keys.expired", validUntil.toString()));
            } else if (validUntil.isBefore(now.plus(SHORT_VALIDITY))) {
                warnings.add(texts.get("keys.expiresSoon", validUntil.toString()));
            }
        }

        private Map<String, PublicKey> verifyKeys(JsonNode value) {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            if (value == null || !value.isObject()) {
                failures.add(texts.get("keys.noVerifyKeys", JsonBody.kindOf(value, texts)));
                return keys;
            }
            boolean[] sawEd25519 = {false};
            value.fields().forEachRemaining(entry -> {
                String keyId = entry.getKey();
                if (!keyId.startsWith("ed25519:")) {
                    warnings.add(texts.get("keys.otherAlgorithm", keyId));
                    return;
                }
                sawEd25519[0] = true;
                JsonNode key = entry.getValue().get("key");
                if (key == null || !key.isTextual()) {
                    failures.add(texts.get("keys.keyMissing", keyId));
                    return;
                }
                byte[] raw = base64(key.textValue(), keyId);
                if (raw == null) {
                    return;
                }
                if (raw.length != 32) {
                    failures.add(texts.get("keys.keyLength", keyId, raw.length));
                    return;
                }
                PublicKey publicKey = publicKey(raw);
                if (publicKey == null) {
                    failures.add(texts.get("keys.keyInvalid", keyId));
                    return;
                }
                keys.put(keyId, publicKey);
            });
            if (!sawEd25519[0]) {
                failures.add(texts.get("keys.noEd25519"));
            }
            return keys;
        }

        private void signatures(ObjectNode root, Map<String, PublicKey> keys) {
            if (serverName == null || keys.isEmpty()) {
                return;
            }
            JsonNode all = root.get("signatures");
            JsonNode own = all == null ? null : all.get(serverName);
            if (own == null || !own.isObject() || own.isEmpty()) {
                failures.add(texts.get("keys.unsigned", serverName));
                return;
            }
            byte[] signed = signedBytes(root);
            if (signed == null) {
                return;
            }
            own.fields().forEachRemaining(entry -> {
                String keyId = entry.getKey();
                PublicKey key = keys.get(keyId);
                if (key == null) {
                    warnings.add(texts.get("keys.signatureUnknownKey", keyId));
                    return;
                }
                if (!entry.getValue().isTextual()) {
                    failures.add(texts.get("keys.signatureNotString", keyId));
                    return;
                }
                byte[] signature = base64(entry.getValue().textValue(), keyId);
                if (signature == null) {
                    return;
                }
                if (signature.length != 64) {
                    failures.add(texts.get("keys.signatureLength", keyId, signature.length));
                } else if (verifies(key, signed, signature)) {
                    verified.add(keyId);
                } else {
                    failures.add(texts.get("keys.badSignature", keyId));
                }
            });
            for (String keyId : keys.keySet()) {
                if (!own.has(keyId)) {
                    failures.add(texts.get("keys.keyNotSigning", keyId));
                }
            }
        }

        private byte[] signedBytes(ObjectNode root) {
            ObjectNode copy = root.deepCopy();
            copy.remove("signatures");
            copy.remove("unsigned");
            try {
                return CanonicalJson.encode(copy, locale);
            } catch (CanonicalJsonException e) {
                failures.add(texts.get("keys.notCanonical", e.getMessage()));
                return null;
            }
        }

        /** Unpadded standard base64 as the spec says; padded is accepted with a warning, URL-safe is not. */
        private byte[] base64(String text, String keyId) {
            String unpadded = text;
            if (text.endsWith("=")) {
                unpadded = text.replaceAll("=+$", "");
                warnings.add(texts.get("keys.padded", keyId));
            }
            if (!STANDARD_BASE64.matcher(unpadded).matches() || unpadded.length() % 4 == 1) {
                String reason = URL_SAFE_BASE64.matcher(unpadded).matches() && unpadded.length() % 4 != 1
                        ? "keys.urlSafeBase64" : "keys.badBase64";
                failures.add(texts.get(reason, keyId));
                return null;
            }
            try {
                return java.util.Base64.getDecoder().decode(unpadded);
            } catch (IllegalArgumentException e) {
                failures.add(texts.get("keys.badBase64", keyId));
                return null;
            }
        }

        private static PublicKey publicKey(byte[] raw) {
            byte[] encoded = new byte[ED25519_X509_PREFIX.length + raw.length];
            System.arraycopy(ED25519_X509_PREFIX, 0, encoded, 0, ED25519_X509_PREFIX.length);
            System.arraycopy(raw, 0, encoded, ED25519_X509_PREFIX.length, raw.length);
            try {
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
            } catch (Exception e) {
                return null;
            }
        }

        private static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
            try {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(data);
                return verifier.verify(signature);
            } catch (Exception e) {
                // A malformed point or signature is simply a signature that does not verify.
                return false;
            }
        }

        private KeysVerdict verdict() {
            return new KeysVerdict(serverName, validUntil, verified, failures, warnings);
        }
    }
}
