package dev.signpost.core.net;

import javax.security.auth.x500.X500Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules a homeserver applies to each element of a trusted path beyond what PKIX path building decides, as
 * OpenSSL does for a TLS client ({@code X509_PURPOSE_SSL_SERVER} with time checks on): every element is in date
 * now, the root included, and every element below the root that carries an extended key usage lists serverAuth.
 * {@code anyExtendedKeyUsage} alone is not enough, as for OpenSSL.
 */
final class ChainRules {

    static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private static final Map<String, String> USAGE_NAMES = Map.of(
            SERVER_AUTH, "serverAuth",
            "1.3.6.1.5.5.7.3.2", "clientAuth",
            "1.3.6.1.5.5.7.3.3", "codeSigning",
            "1.3.6.1.5.5.7.3.4", "emailProtection",
            "1.3.6.1.5.5.7.3.8", "timeStamping",
            "1.3.6.1.5.5.7.3.9", "OCSPSigning",
            "2.5.29.37.0", "anyExtendedKeyUsage");

    private ChainRules() {
    }

    /**
     * The first refused element walking from the leaf to the root, or null. The leaf's own dates are not judged
     * here (the verdict carries them separately).
     *
     * @param path leaf first, root last (a lone leaf when no path was built)
     */
    static CertificateVerdict.ChainFlaw firstFlaw(List<X509Certificate> path, Instant now) {
        for (int i = 0; i < path.size(); i++) {
            X509Certificate cert = path.get(i);
            boolean isRoot = i == path.size() - 1 && i > 0;
            CertificateVerdict.Role role = i == 0 ? CertificateVerdict.Role.LEAF
                    : isRoot ? CertificateVerdict.Role.ROOT : CertificateVerdict.Role.INTERMEDIATE;
            if (!isRoot) {
                List<String> usages = usages(cert);
                if (usages != null && !usages.contains("serverAuth")) {
                    return new CertificateVerdict.ChainFlaw(role, CertificateVerdict.FlawKind.NOT_FOR_SERVERS,
                            commonName(cert), null, usages);
                }
            }
            if (i == 0) {
                continue;
            }
            Instant notAfter = cert.getNotAfter().toInstant();
            Instant notBefore = cert.getNotBefore().toInstant();
            if (now.isAfter(notAfter)) {
                return new CertificateVerdict.ChainFlaw(role, CertificateVerdict.FlawKind.EXPIRED, commonName(cert),
                        notAfter, List.of());
            }
            if (now.isBefore(notBefore)) {
                return new CertificateVerdict.ChainFlaw(role, CertificateVerdict.FlawKind.NOT_YET_VALID,
                        commonName(cert), notBefore, List.of());
            }
        }
        return null;
    }

    /** The named usages of the extended key usage extension, or null when the certificate has none. */
    static List<String> usages(X509Certificate cert) {
        List<String> oids;
        try {
            oids = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            // An extension nobody can read allows nothing.
            return List.of();
        }
        if (oids == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String oid : oids) {
            names.add(USAGE_NAMES.getOrDefault(oid, oid));
        }
        return names;
    }

    /** The subject's CN, which is what people call a CA ("R3", "E5"), or the whole subject without one. */
    static String commonName(X509Certificate cert) {
        String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : subject.split("(?<!\\\\),")) {
            if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                return part.substring(3).replace("\\", "");
            }
        }
        return subject;
    }
}
