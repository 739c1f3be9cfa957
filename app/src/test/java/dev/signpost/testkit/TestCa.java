package dev.signpost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for tests: a root CA, an intermediate CA signed by it, and leaf
 * certificates signed by the intermediate. All keys are EC P-256 (fast to generate).
 *
 * <p>Trust the root with {@code --ca-file} {@link #rootPemFile()}. Every "good" leaf is served with its
 * intermediate ({@link ServerIdentity#chain()} = leaf, intermediate); the bad ones reproduce the usual
 * deployment mistakes: expired, not yet valid, wrong name, self-signed, intermediate missing.
 *
 * <p>Names given to the leaf methods are DNS names (wildcards such as {@code *.example.com} allowed) or IP
 * literals ({@code 203.0.113.5}, {@code 2001:db8::5} or {@code [2001:db8::5]}), which become IP SANs.
 * Good leaves are valid from one day ago for 90 days.
 */
public final class TestCa implements AutoCloseable {

    private static final List<KeyPurposeId> SERVER_AUTH = List.of(KeyPurposeId.id_kp_serverAuth);

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair rootKeys;
    private final X509Certificate root;
    private final KeyPair intermediateKeys;
    private final X509Certificate intermediate;
    private final String label;
    private Path rootPemFile;

    /** Creates a new root and intermediate, named "Signpost Test Root CA" / "... Intermediate CA". */
    public TestCa() {
        this("Signpost Test");
    }

    /** Creates a new root and intermediate whose names start with {@code label}. */
    public TestCa(String label) {
        this.label = label;
        Instant now = Instant.now();
        rootKeys = newKeyPair();
        X500Name rootName = new X500Name("CN=" + label + " Root CA,O=Signpost tests");
        root = sign(rootName, rootKeys.getPublic(), rootName, rootKeys, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(3650)), true, List.of(), SERVER_AUTH);
        intermediateKeys = newKeyPair();
        intermediate = sign(new X500Name("CN=" + label + " Intermediate CA,O=Signpost tests"),
                intermediateKeys.getPublic(), rootName, rootKeys, now.minus(Duration.ofDays(30)),
                now.plus(Duration.ofDays(1825)), true, List.of(), SERVER_AUTH);
    }

    /** The root certificate (the trust anchor). */
    public X509Certificate rootCertificate() {
        return root;
    }

    /** The intermediate certificate that signs every leaf except self-signed ones. */
    public X509Certificate intermediateCertificate() {
        return intermediate;
    }

    /** The root certificate as PEM text. */
    public String rootPem() {
        return ServerIdentity.certificatePem(root);
    }

    /** A temporary file holding {@link #rootPem()}, created on first call and deleted by {@link #close()}. */
    public synchronized Path rootPemFile() {
        if (rootPemFile == null) {
            try {
                rootPemFile = Files.createTempFile("signpost-test-root-", ".pem");
                Files.writeString(rootPemFile, rootPem(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rootPemFile;
    }

    /** A valid leaf for {@code names}, served with its intermediate. */
    public ServerIdentity leaf(String... names) {
        Instant now = Instant.now();
        return issue(names, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), true);
    }

    /** A leaf whose validity ended yesterday. */
    public ServerIdentity expiredLeaf(String... names) {
        Instant now = Instant.now();
        return issue(names, now.minus(Duration.ofDays(100)), now.minus(Duration.ofDays(1)), true);
    }

    /** A leaf valid only from tomorrow on. */
    public ServerIdentity notYetValidLeaf(String... names) {
        Instant now = Instant.now();
        return issue(names, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(91)), true);
    }

    /** A valid leaf that expires {@code days} days from now (e.g. 5 to trigger a "renew soon" warning). */
    public ServerIdentity leafExpiringInDays(int days, String... names) {
        Instant now = Instant.now();
        return issue(names, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days)), true);
    }

    /** A valid leaf for {@code wrong-name.invalid} only, to be served where another name is expected. */
    public ServerIdentity wrongNameLeaf() {
        return leaf("wrong-name.invalid");
    }

    /** A valid leaf for {@code names} whose server forgets to send the intermediate (chain = leaf only). */
    public ServerIdentity leafWithoutIntermediate(String... names) {
        Instant now = Instant.now();
        return issue(names, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), false);
    }

    /** A self-signed leaf for {@code names}, not issued by this CA. */
    public ServerIdentity selfSignedLeaf(String... names) {
        requireNames(names);
        Instant now = Instant.now();
        KeyPair keys = newKeyPair();
        X500Name subject = new X500Name("CN=" + cn(names[0]));
        X509Certificate certificate = sign(subject, keys.getPublic(), subject, keys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), false, List.of(names), SERVER_AUTH);
        return new ServerIdentity(keys.getPrivate(), List.of(certificate));
    }

    /**
     * A valid leaf whose extended key usage lists exactly {@code usages} (none: no extension at all), served with
     * the intermediate.
     */
    public ServerIdentity leafWithUsages(List<KeyPurposeId> usages, String... names) {
        requireNames(names);
        Instant now = Instant.now();
        KeyPair keys = newKeyPair();
        X509Certificate certificate = sign(new X500Name("CN=" + cn(names[0])), keys.getPublic(),
                X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()), intermediateKeys,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), false, List.of(names), usages);
        return new ServerIdentity(keys.getPrivate(), List.of(certificate, intermediate));
    }

    /**
     * A valid leaf issued by a second intermediate of this root, named "{label} Dated Intermediate CA", whose own
     * validity runs from {@code notBefore} to {@code notAfter}: an expired or not yet valid intermediate.
     */
    public ServerIdentity leafUnderDatedIntermediate(Instant notBefore, Instant notAfter, String... names) {
        requireNames(names);
        KeyPair otherKeys = newKeyPair();
        X500Name otherName = new X500Name("CN=" + label + " Dated Intermediate CA,O=Signpost tests");
        X509Certificate other = sign(otherName, otherKeys.getPublic(),
                X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), rootKeys, notBefore, notAfter,
                true, List.of(), SERVER_AUTH);
        Instant now = Instant.now();
        KeyPair keys = newKeyPair();
        X509Certificate certificate = sign(new X500Name("CN=" + cn(names[0])), keys.getPublic(), otherName,
                otherKeys, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90)), false, List.of(names),
                SERVER_AUTH);
        return new ServerIdentity(keys.getPrivate(), List.of(certificate, other));
    }

    /** Deletes the temporary root PEM file, if one was written. */
    @Override
    public synchronized void close() {
        if (rootPemFile != null) {
            try {
                Files.deleteIfExists(rootPemFile);
            } catch (IOException ignored) {
                // a leftover temp file is harmless
            }
            rootPemFile = null;
        }
    }

    private ServerIdentity issue(String[] names, Instant notBefore, Instant notAfter, boolean withIntermediate) {
        requireNames(names);
        KeyPair keys = newKeyPair();
        X509Certificate certificate = sign(new X500Name("CN=" + cn(names[0])), keys.getPublic(),
                X500Name.getInstance(intermediate.getSubjectX500Principal().getEncoded()), intermediateKeys,
                notBefore, notAfter, false, List.of(names), SERVER_AUTH);
        List<X509Certificate> chain = withIntermediate ? List.of(certificate, intermediate) : List.of(certificate);
        return new ServerIdentity(keys.getPrivate(), chain);
    }

    private static void requireNames(String[] names) {
        if (names == null || names.length == 0) {
            throw new IllegalArgumentException("a leaf needs at least one DNS name or IP address");
        }
    }

    private static String cn(String name) {
        // Commas and equals signs never occur in host names; brackets of IPv6 literals are dropped.
        return stripBrackets(name);
    }

    private static X509Certificate sign(X500Name subject, PublicKey subjectKey, X500Name issuer, KeyPair issuerKeys,
            Instant notBefore, Instant notAfter, boolean ca, List<String> names, List<KeyPurposeId> usages) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            if (ca) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                if (!usages.isEmpty()) {
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(usages.toArray(KeyPurposeId[]::new)));
                }
                List<GeneralName> sans = new ArrayList<>();
                for (String name : names) {
                    sans.add(isIpLiteral(name)
                            ? new GeneralName(GeneralName.iPAddress, stripBrackets(name))
                            : new GeneralName(GeneralName.dNSName, name));
                }
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            PrivateKey signingKey = issuerKeys.getPrivate();
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("could not create a test certificate", e);
        }
    }

    public static boolean isIpLiteral(String name) {
        String bare = stripBrackets(name);
        if (bare.contains(":")) {
            return bare.matches("[0-9a-fA-F:.]+");
        }
        return bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static String stripBrackets(String name) {
        return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    }

    static InetAddress ipOf(String literal) {
        try {
            return InetAddress.getByName(stripBrackets(literal));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IP literal: " + literal, e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available in this JDK", e);
        }
    }
}
