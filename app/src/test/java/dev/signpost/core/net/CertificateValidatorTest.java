package dev.signpost.core.net;

import dev.signpost.testkit.ServerIdentity;
import dev.signpost.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificate judgement with a test CA generated at test time: each failure told apart. */
class CertificateValidatorTest {

    private static TestCa ca;
    private static CertificateValidator validator;

    @BeforeAll
    static void setUp() {
        ca = new TestCa();
        validator = new CertificateValidator(TrustAnchors.of(List.of(ca.rootCertificate())));
    }

    @AfterAll
    static void tearDown() {
        ca.close();
    }

    private static CertificateVerdict judge(ServerIdentity identity, String name) {
        return validator.validate(identity.chain(), name, Instant.now(), "TLSv1.3", "TLS_AES_128_GCM_SHA256");
    }

    @Test
    void aGoodChainIsTrustedAndMatches() {
        CertificateVerdict v = judge(ca.leaf("matrix.example.com"), "matrix.example.com");
        assertThat(v.ok()).isTrue();
        assertThat(v.trust()).isEqualTo(CertificateVerdict.Trust.TRUSTED);
        assertThat(v.expiresSoon()).isFalse();
        assertThat(v.evidence().chain()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(v.evidence().chain().get(0).subjectAltNames()).contains("DNS:matrix.example.com");
        assertThat(v.evidence().chain().get(0).sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void theSameChainIsUntrustedWithoutTheRoot() {
        CertificateValidator system = new CertificateValidator(TrustAnchors.of(List.of()));
        CertificateVerdict v = system.validate(ca.leaf("a.example").chain(), "a.example", Instant.now(), null, null);
        assertThat(v.trust()).isNotEqualTo(CertificateVerdict.Trust.TRUSTED);
        assertThat(v.ok()).isFalse();
    }

    @Test
    void selfSignedIsToldApart() {
        CertificateVerdict v = judge(ca.selfSignedLeaf("a.example"), "a.example");
        assertThat(v.trust()).isEqualTo(CertificateVerdict.Trust.SELF_SIGNED);
        assertThat(v.evidence().chain().get(0).selfSigned()).isTrue();
    }

    @Test
    void missingIntermediateIsToldApart() {
        CertificateVerdict v = judge(ca.leafWithoutIntermediate("a.example"), "a.example");
        assertThat(v.trust()).isEqualTo(CertificateVerdict.Trust.MISSING_INTERMEDIATE);
        assertThat(v.trustDetail()).isNotBlank();
        assertThat(v.nameMatches()).isTrue();
    }

    @Test
    void wrongNameIsReportedWhileTrustHolds() {
        CertificateVerdict v = judge(ca.wrongNameLeaf(), "a.example");
        assertThat(v.trust()).isEqualTo(CertificateVerdict.Trust.TRUSTED);
        assertThat(v.nameMatches()).isFalse();
        assertThat(v.presentedNames()).contains("DNS:wrong-name.invalid");
    }

    @Test
    void expiredIsReportedAsExpiredNotAsUntrusted() {
        CertificateVerdict v = judge(ca.expiredLeaf("a.example"), "a.example");
        assertThat(v.validity()).isEqualTo(CertificateVerdict.Validity.EXPIRED);
        assertThat(v.trust()).isEqualTo(CertificateVerdict.Trust.TRUSTED);
        assertThat(v.ok()).isFalse();
    }

    @Test
    void notYetValidIsReported() {
        CertificateVerdict v = judge(ca.notYetValidLeaf("a.example"), "a.example");
        assertThat(v.validity()).isEqualTo(CertificateVerdict.Validity.NOT_YET_VALID);
    }

    @Test
    void expiringWithinFourteenDaysWarns() {
        CertificateVerdict v = judge(ca.leafExpiringInDays(5, "a.example"), "a.example");
        assertThat(v.ok()).isTrue();
        assertThat(v.expiresSoon()).isTrue();
        assertThat(v.daysLeft()).isBetween(4L, 5L);
        assertThat(judge(ca.leafExpiringInDays(30, "a.example"), "a.example").expiresSoon()).isFalse();
    }

    @Test
    void ipLiteralsMatchIpSansOnly() {
        ServerIdentity ip = ca.leaf("127.0.0.1");
        assertThat(judge(ip, "127.0.0.1").nameMatches()).isTrue();
        assertThat(judge(ip, "127.0.0.2").nameMatches()).isFalse();
        ServerIdentity v6 = ca.leaf("::1");
        assertThat(judge(v6, "::1").nameMatches()).isTrue();
        assertThat(judge(v6, "[0:0:0:0:0:0:0:1]").nameMatches()).isTrue();
        assertThat(judge(ca.leaf("localhost"), "127.0.0.1").nameMatches()).isFalse();
    }

    @Test
    void wildcardsCoverExactlyOneLeftMostLabel() {
        assertThat(CertificateValidator.dnsNameMatches("*.example.com", "matrix.example.com")).isTrue();
        assertThat(CertificateValidator.dnsNameMatches("*.example.com", "MATRIX.Example.com.")).isTrue();
        assertThat(CertificateValidator.dnsNameMatches("*.example.com", "example.com")).isFalse();
        assertThat(CertificateValidator.dnsNameMatches("*.example.com", "a.b.example.com")).isFalse();
        assertThat(CertificateValidator.dnsNameMatches("*.com", "example.com")).isFalse();
        assertThat(CertificateValidator.dnsNameMatches("m*.example.com", "matrix.example.com")).isFalse();
        assertThat(CertificateValidator.dnsNameMatches("a.*.example.com", "a.b.example.com")).isFalse();
        assertThat(CertificateValidator.dnsNameMatches("example.com", "example.com")).isTrue();
        assertThat(judge(ca.leaf("*.example.com"), "matrix.example.com").nameMatches()).isTrue();
    }

    @Test
    void anEmptyChainIsNoCertificate() {
        CertificateVerdict v = validator.validate(List.of(), "a.example", Instant.now(), null, null);
        assertThat(v.trust()).isEqualTo(CertificateVerdict.Trust.NO_CERTIFICATE);
        assertThat(v.ok()).isFalse();
    }
}
