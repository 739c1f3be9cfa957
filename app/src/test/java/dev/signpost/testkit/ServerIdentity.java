package dev.signpost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;

/**
 * What a TLS server presents: a private key and the certificate chain it sends (leaf first, then the
 * intermediates it chooses to send — none for the missing-intermediate and self-signed cases).
 *
 * @param key   the leaf's private key
 * @param chain the certificates sent in the handshake, leaf first
 */
public record ServerIdentity(PrivateKey key, List<X509Certificate> chain) {

    public ServerIdentity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server identity needs at least its leaf certificate");
        }
    }

    /** The leaf certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * Paths of the PEM files written by {@link #writePem(Path)}.
     *
     * @param cert      the leaf only
     * @param chain     the intermediates only (empty file when none is sent)
     * @param fullchain leaf then intermediates (nginx {@code ssl_certificate}, caddy, apache 2.4.8+)
     * @param key       the private key, PKCS#8, unencrypted
     * @param combined  fullchain then key in one file (haproxy {@code crt})
     */
    public record PemFiles(Path cert, Path chain, Path fullchain, Path key, Path combined) {
    }

    /** Writes cert.pem, chain.pem, fullchain.pem, key.pem and combined.pem into {@code dir}. */
    public PemFiles writePem(Path dir) {
        try {
            Files.createDirectories(dir);
            String leafPem = certificatePem(leaf());
            StringBuilder intermediates = new StringBuilder();
            for (X509Certificate certificate : chain.subList(1, chain.size())) {
                intermediates.append(certificatePem(certificate));
            }
            String keyPem = privateKeyPem(key);
            PemFiles files = new PemFiles(dir.resolve("cert.pem"), dir.resolve("chain.pem"),
                    dir.resolve("fullchain.pem"), dir.resolve("key.pem"), dir.resolve("combined.pem"));
            Files.writeString(files.cert(), leafPem, StandardCharsets.US_ASCII);
            Files.writeString(files.chain(), intermediates, StandardCharsets.US_ASCII);
            Files.writeString(files.fullchain(), leafPem + intermediates, StandardCharsets.US_ASCII);
            Files.writeString(files.key(), keyPem, StandardCharsets.US_ASCII);
            Files.writeString(files.combined(), leafPem + intermediates + keyPem, StandardCharsets.US_ASCII);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A certificate as one PEM block. */
    public static String certificatePem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private key as an unencrypted PKCS#8 PEM block. */
    public static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
