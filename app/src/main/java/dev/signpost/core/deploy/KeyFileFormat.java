package dev.signpost.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * Names the kind of key in a private key file that could not be loaded, so the sentence can say which key type it
 * is (e.g. {@code sk-ssh-ed25519@openssh.com}, a hardware security key) instead of "invalid privatekey".
 */
final class KeyFileFormat {

    /** What {@link #describe} says for a public key file given where the private key belongs. */
    static final String PUBLIC_KEY = "public key";

    private static final int MAX_READ = 64 * 1024;
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private KeyFileFormat() {
    }

    /** The key type or file format found in {@code file}, or empty when it is not a key file Signpost recognises. */
    static Optional<String> describe(Path file) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readNBytes(MAX_READ), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.empty();
        }
        String head = text.strip();
        if (head.startsWith(OPENSSH_BEGIN) && head.contains(OPENSSH_END)) {
            return openSshKeyType(head.substring(OPENSSH_BEGIN.length(), head.indexOf(OPENSSH_END)));
        }
        if (head.startsWith("PuTTY-User-Key-File-")) {
            int end = head.indexOf('\n');
            return Optional.of("PuTTY " + head.substring("PuTTY-User-Key-File-".length(),
                    end < 0 ? head.length() : end).strip());
        }
        if (head.startsWith("-----BEGIN ")) {
            int end = head.indexOf("-----", "-----BEGIN ".length());
            return end < 0 ? Optional.empty() : Optional.of(head.substring("-----BEGIN ".length(), end));
        }
        if (head.startsWith("ssh-") || head.startsWith("ecdsa-") || head.startsWith("sk-")) {
            return Optional.of(PUBLIC_KEY);
        }
        return Optional.empty();
    }

    /** openssh-key-v1: magic, cipher, kdf, kdf options, key count, then the first public key blob. */
    private static Optional<String> openSshKeyType(String base64) {
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getMimeDecoder().decode(base64));
            byte[] magic = new byte[OPENSSH_MAGIC.length];
            b.get(magic);
            if (!java.util.Arrays.equals(magic, OPENSSH_MAGIC)) {
                return Optional.empty();
            }
            skipString(b);
            skipString(b);
            skipString(b);
            if (b.getInt() < 1) {
                return Optional.empty();
            }
            int len = b.getInt();
            byte[] blob = new byte[len];
            b.get(blob);
            String type = Fingerprints.keyType(blob);
            return type.equals("unknown") ? Optional.empty() : Optional.of(type);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void skipString(ByteBuffer b) {
        int len = b.getInt();
        b.position(b.position() + len);
    }
}
