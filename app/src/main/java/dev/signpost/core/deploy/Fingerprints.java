package dev.signpost.core.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Host key fingerprints and type names exactly as OpenSSH prints them. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** {@code SHA256:} followed by the unpadded base64 of the SHA-256 of the public key blob. */
    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The key type named at the start of an SSH public key blob, e.g. {@code ssh-ed25519}. */
    public static String keyType(byte[] keyBlob) {
        if (keyBlob.length < 4) {
            return "unknown";
        }
        int len = ((keyBlob[0] & 0xff) << 24) | ((keyBlob[1] & 0xff) << 16) | ((keyBlob[2] & 0xff) << 8)
                | (keyBlob[3] & 0xff);
        if (len <= 0 || len > keyBlob.length - 4) {
            return "unknown";
        }
        return new String(keyBlob, 4, len, StandardCharsets.US_ASCII);
    }

    /**
     * Where OpenSSH's server keeps the public half of a host key of this type, for comparing fingerprints
     * ({@code ssh-keygen -lf FILE} on the server).
     */
    public static String serverKeyFile(String keyType) {
        String kind = keyType.startsWith("ecdsa-") ? "ecdsa" : keyType.equals("ssh-rsa") ? "rsa"
                : keyType.equals("ssh-ed25519") ? "ed25519" : keyType.equals("ssh-dss") ? "dsa" : "*";
        return "/etc/ssh/ssh_host_" + kind + "_key.pub";
    }
}
