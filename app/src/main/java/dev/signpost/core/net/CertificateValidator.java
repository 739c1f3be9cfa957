package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;

import javax.security.auth.x500.X500Principal;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateParsingException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Judges a presented chain after an accept-all handshake, so that a failure can be named precisely: untrusted
 * root, self-signed, missing intermediate, wrong name, out of date. Trust, name and dates are judged separately:
 * an expired certificate from a trusted CA is reported as expired, not as untrusted.
 *
 * <p>The verdict is the one a homeserver reaches (Synapse through OpenSSL, with revocation off): the path is
 * found by PKIX, then every element of it is held to the current time, the intermediates and the root included,
 * and every element below the root whose extended key usage is present must allow serverAuth. The first element
 * that fails is named in the verdict.
 */
public final class CertificateValidator {

    private final TrustAnchors anchors;

    public CertificateValidator(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    /**
     * @param chain        the chain as presented, leaf first (may be empty)
     * @param expectedName the DNS name (RFC 6125 matching) or IP literal (IP SAN) the leaf must be valid for
     * @param now          the time to judge dates against
     * @param tlsVersion   the negotiated protocol, for evidence
     * @param cipherSuite  the negotiated suite, for evidence
     */
    public CertificateVerdict validate(List<X509Certificate> chain, String expectedName, Instant now,
                                       String tlsVersion, String cipherSuite) {
        List<Evidence.CertificateInfo> infos = chain.stream().map(CertificateValidator::describe).toList();
        Evidence.Certificates evidence = new Evidence.Certificates(infos, tlsVersion, cipherSuite);
        if (chain.isEmpty()) {
            return new CertificateVerdict(CertificateVerdict.Trust.NO_CERTIFICATE, null, expectedName, false,
                    List.of(), CertificateVerdict.Validity.NOT_YET_VALID, null, 0, evidence, null);
        }
        X509Certificate leaf = chain.get(0);
        Instant notAfter = leaf.getNotAfter().toInstant();
        CertificateVerdict.Validity validity = now.isAfter(notAfter) ? CertificateVerdict.Validity.EXPIRED
                : now.isBefore(leaf.getNotBefore().toInstant()) ? CertificateVerdict.Validity.NOT_YET_VALID
                : CertificateVerdict.Validity.VALID;
        long daysLeft = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400L);
        String[] trustDetail = new String[1];
        List<X509Certificate> path = new ArrayList<>();
        CertificateVerdict.Trust trust = judgeTrust(chain, now, trustDetail, path);
        CertificateVerdict.ChainFlaw flaw = ChainRules.firstFlaw(path.isEmpty() ? List.of(leaf) : path, now);
        return new CertificateVerdict(trust, trustDetail[0], expectedName, matchesName(leaf, expectedName),
                subjectAltNames(leaf), validity, notAfter, daysLeft, evidence, flaw);
    }

    /** Judges trust; when the chain is trusted, {@code path} receives it from leaf to root. */
    private CertificateVerdict.Trust judgeTrust(List<X509Certificate> chain, Instant now, String[] detail,
                                                List<X509Certificate> path) {
        X509Certificate leaf = chain.get(0);
        if (anchors.contains(leaf)) {
            path.add(leaf);
            return CertificateVerdict.Trust.TRUSTED;
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(leaf);
            PKIXBuilderParameters params = new PKIXBuilderParameters(anchors.asTrustAnchors(), target);
            params.setRevocationEnabled(false);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            // The path is found at a moment when the presented chain was valid, so that an out-of-date element is
            // named as such rather than reported as "untrusted"; ChainRules then holds every element to now.
            params.setDate(Date.from(buildDate(chain, now)));
            PKIXCertPathBuilderResult built = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
                    .build(params);
            for (var cert : built.getCertPath().getCertificates()) {
                path.add((X509Certificate) cert);
            }
            if (built.getTrustAnchor().getTrustedCert() != null) {
                path.add(built.getTrustAnchor().getTrustedCert());
            }
            return CertificateVerdict.Trust.TRUSTED;
        } catch (GeneralSecurityException | RuntimeException e) {
            detail[0] = e.getMessage();
        }
        if (!hasCommonMoment(chain) && signedPath(chain, path) && hasDateFlaw(path, now)) {
            // No single moment had every element in date (an intermediate that expired before the leaf was
            // issued), so PKIX, which judges all at one date, can find no path. The signatures do lead to a
            // trusted root; the out-of-date element is what is wrong, and ChainRules names it.
            detail[0] = null;
            return CertificateVerdict.Trust.TRUSTED;
        }
        path.clear();
        if (isSelfSigned(leaf)) {
            return CertificateVerdict.Trust.SELF_SIGNED;
        }
        X500Principal issuer = leaf.getIssuerX500Principal();
        boolean issuerSent = chain.stream().skip(1).anyMatch(c -> c.getSubjectX500Principal().equals(issuer));
        if (!issuerSent && !anchors.hasSubject(issuer)) {
            detail[0] = issuer.getName(X500Principal.RFC2253);
            return CertificateVerdict.Trust.MISSING_INTERMEDIATE;
        }
        return CertificateVerdict.Trust.UNTRUSTED_ROOT;
    }

    private static boolean hasCommonMoment(List<X509Certificate> chain) {
        Instant latestStart = chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo)
                .orElseThrow();
        Instant earliestEnd = chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo)
                .orElseThrow();
        return !latestStart.isAfter(earliestEnd);
    }

    /**
     * Walks from the leaf through the presented certificates to a trust anchor, each step a CA certificate whose
     * key verifies the signature below it (dates are not looked at here). {@code path} receives the walk, leaf
     * to root; false when it reaches no anchor.
     */
    private boolean signedPath(List<X509Certificate> chain, List<X509Certificate> path) {
        path.clear();
        X509Certificate current = chain.get(0);
        path.add(current);
        for (int depth = 0; depth < chain.size() + 1; depth++) {
            X509Certificate anchor = anchors.issuerOf(current);
            if (anchor != null) {
                path.add(anchor);
                return true;
            }
            X509Certificate next = null;
            for (X509Certificate candidate : chain) {
                if (!path.contains(candidate) && issued(candidate, current)) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                return false;
            }
            path.add(next);
            current = next;
        }
        return false;
    }

    /** True when {@code issuer} is a CA certificate named as the issuer of {@code cert} and its key signed it. */
    static boolean issued(X509Certificate issuer, X509Certificate cert) {
        if (!issuer.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                || issuer.getBasicConstraints() < 0) {
            return false;
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length < 6 || !keyUsage[5])) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** True when an element of the path, the leaf included, is out of date at {@code now}. */
    private static boolean hasDateFlaw(List<X509Certificate> path, Instant now) {
        return path.stream().anyMatch(c -> now.isAfter(c.getNotAfter().toInstant())
                || now.isBefore(c.getNotBefore().toInstant()));
    }

    private static Instant buildDate(List<X509Certificate> chain, Instant now) {
        Instant latestStart = chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo)
                .orElse(now);
        Instant earliestEnd = chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo)
                .orElse(now);
        if (!now.isBefore(latestStart) && !now.isAfter(earliestEnd)) {
            return now;
        }
        return latestStart.isAfter(earliestEnd) ? now : latestStart.plusSeconds(1);
    }

    /** True when the certificate names itself as issuer and its own key verifies its signature. */
    public static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * RFC 6125 matching against the subjectAltNames: a DNS name matches a DNS SAN exactly (case-insensitive) or a
     * wildcard {@code *.rest} covering exactly one left-most label; an IP literal matches an IP SAN only.
     * The subject CN is not consulted (the CA/B Forum requires SANs, and Matrix servers do not fall back either).
     */
    public static boolean matchesName(X509Certificate cert, String expected) {
        String name = DnsClient.stripDot(expected.toLowerCase(Locale.ROOT));
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        boolean ip = isIpLiteral(name);
        InetAddress expectedIp = ip ? ResolveOverrides.literal(name, name) : null;
        for (List<?> san : rawSans(cert)) {
            int type = (Integer) san.get(0);
            String value = String.valueOf(san.get(1));
            if (ip && type == 7) {
                try {
                    if (ResolveOverrides.literal(value, value).equals(expectedIp)) {
                        return true;
                    }
                } catch (IllegalArgumentException ignored) {
                    // An unparsable IP SAN matches nothing.
                }
            } else if (!ip && type == 2 && dnsNameMatches(value, name)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6125 §6.4.3 with the common restrictions: the wildcard is a whole left-most label only. */
    public static boolean dnsNameMatches(String pattern, String name) {
        String p = DnsClient.stripDot(pattern.toLowerCase(Locale.ROOT));
        String n = DnsClient.stripDot(name.toLowerCase(Locale.ROOT));
        if (!p.contains("*")) {
            return p.equals(n);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false;
        }
        String suffix = p.substring(1);
        // "*.com" would cover a whole top-level domain: refuse wildcards with fewer than two labels after them.
        if (suffix.substring(1).indexOf('.') < 0) {
            return false;
        }
        int firstDot = n.indexOf('.');
        return firstDot > 0 && n.substring(firstDot).equals(suffix);
    }

    static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.indexOf(':') >= 0;
    }

    private static Collection<List<?>> rawSans(X509Certificate cert) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            return sans == null ? List.of() : sans;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    /** The SANs as {@code DNS:name} / {@code IP:addr}. */
    public static List<String> subjectAltNames(X509Certificate cert) {
        List<String> result = new ArrayList<>();
        for (List<?> san : rawSans(cert)) {
            int type = (Integer) san.get(0);
            if (type == 2) {
                result.add("DNS:" + san.get(1));
            } else if (type == 7) {
                result.add("IP:" + san.get(1));
            }
        }
        return result;
    }

    /** The facts of one certificate for evidence. */
    public static Evidence.CertificateInfo describe(X509Certificate cert) {
        String fingerprint;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            fingerprint = "";
        }
        return new Evidence.CertificateInfo(
                cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                subjectAltNames(cert),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(),
                fingerprint,
                isSelfSigned(cert));
    }
}
