package dev.signpost.core.net;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The roots a certificate chain must end at: the JDK's system trust store plus PEM files given by the user. */
public final class TrustAnchors {

    private final List<X509Certificate> roots;

    private TrustAnchors(List<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * Loads the system trust store and the given PEM files.
     *
     * @throws IOException when a PEM file cannot be read or holds no certificate
     */
    public static TrustAnchors load(List<Path> caFiles) throws IOException {
        List<X509Certificate> extra = new ArrayList<>();
        for (Path file : caFiles) {
            extra.addAll(readPem(file));
        }
        return systemAnd(extra);
    }

    /**
     * The system trust store and these certificates, already read.
     *
     * @throws IOException when the system trust store cannot be read
     */
    public static TrustAnchors systemAnd(List<X509Certificate> extra) throws IOException {
        List<X509Certificate> roots = new ArrayList<>(systemRoots());
        roots.addAll(extra);
        return new TrustAnchors(roots);
    }

    /** Only the given certificates, without the system store (for tests of private PKIs). */
    public static TrustAnchors of(List<X509Certificate> roots) {
        return new TrustAnchors(roots);
    }

    /** Every trusted root. */
    public List<X509Certificate> roots() {
        return roots;
    }

    /** As PKIX trust anchors. */
    public Set<TrustAnchor> asTrustAnchors() {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
        return anchors;
    }

    /** True when a root with this subject is trusted. */
    public boolean hasSubject(javax.security.auth.x500.X500Principal subject) {
        return roots.stream().anyMatch(r -> r.getSubjectX500Principal().equals(subject));
    }

    /** The trusted root whose key signed {@code cert}, or null. */
    X509Certificate issuerOf(X509Certificate cert) {
        for (X509Certificate root : roots) {
            if (root.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(root.getPublicKey());
                    return root;
                } catch (java.security.GeneralSecurityException | RuntimeException e) {
                    // Another root with the same name may hold the key.
                }
            }
        }
        return null;
    }

    /** True when exactly this certificate is a trusted root. */
    public boolean contains(X509Certificate cert) {
        return roots.contains(cert);
    }

    /**
     * Reads every certificate in a PEM (or DER) file.
     *
     * @throws IOException when the file cannot be read or holds no certificate
     */
    public static List<X509Certificate> readPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate c : certs) {
                if (c instanceof X509Certificate x) {
                    result.add(x);
                }
            }
            if (result.isEmpty()) {
                throw new IOException("no certificate found in " + file);
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PEM certificate file: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static List<X509Certificate> systemRoots() throws IOException {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> roots = new ArrayList<>();
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    roots.addAll(List.of(x.getAcceptedIssuers()));
                }
            }
            return roots;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the system trust store: " + e.getMessage(), e);
        }
    }
}
