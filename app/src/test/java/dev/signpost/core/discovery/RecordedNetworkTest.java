package dev.signpost.core.discovery;

import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.report.ReportJson;
import dev.signpost.testkit.TestCa;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.x500.X500Principal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report records the network its check ran in, exactly as the engine used it: the DNS server that answered,
 * each CA file with the certificates it added (fingerprints as openssl computes them), each pinned address.
 */
class RecordedNetworkTest {

    @Test
    void aStagingCheckRecordsTheDnsServerTheCaFilesAndTheOverridesItUsed(@TempDir Path dir) throws Exception {
        try (TestWorld w = new TestWorld(); TestCa other = new TestCa("Staging")) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            // A second file holding two CAs: each file is listed with what it added, in the order given.
            Path bundle = dir.resolve("bundle with spaces.pem");
            Files.writeString(bundle, other.rootPem() + w.ca().rootPem(), StandardCharsets.US_ASCII);
            NetOptions given = w.netOptions(EngineTestSupport.TIMEOUT);
            NetOptions options = new NetOptions(given.dnsServer(), List.of(w.ca().rootPemFile(), bundle),
                    given.resolve(), given.timeout(), given.userAgent());

            Report report = DiscoveryEngine.create(options, Locale.ENGLISH).check("example.com");

            // The settings were really used: the test kit's names resolve and its certificates are trusted.
            assertThat(EngineTestSupport.status(report, "federation.tls")).isEqualTo(Status.PASS);
            CheckNetwork network = report.network();
            assertThat(network.dnsServer()).isEqualTo("127.0.0.1:" + w.dns().address().getPort());
            assertThat(network.caFiles()).extracting(CheckNetwork.CaFile::path)
                    .containsExactly(w.ca().rootPemFile().toString(), bundle.toString());
            String rootSubject = w.ca().rootCertificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
            String otherSubject = other.rootCertificate().getSubjectX500Principal().getName(X500Principal.RFC2253);
            assertThat(network.caFiles().get(0).certificates()).extracting(CheckNetwork.CaCertificate::subject)
                    .containsExactly(rootSubject);
            assertThat(network.caFiles().get(1).certificates()).extracting(CheckNetwork.CaCertificate::subject)
                    .containsExactly(otherSubject, rootSubject);
            assertThat(network.caFiles().get(0).certificates().get(0).sha256())
                    .isEqualTo(opensslFingerprint(w.ca().rootPemFile(), dir));
            assertThat(network.extraCaCount()).isEqualTo(3);
            String https = "127.0.0.1:" + w.https().port();
            assertThat(network.resolve()).containsExactly(
                    new CheckNetwork.ResolveOverride("203.0.113.5:8448", https),
                    new CheckNetwork.ResolveOverride("example.com:443", https));
            assertThat(network.mayDifferFromOutside()).isTrue();
            assertThat(ReportJson.read(ReportJson.write(report)).network()).isEqualTo(network);
        }
    }

    @Test
    void aReportWithoutAnyNetworkWorkRecordsTheSettingsToo() throws Exception {
        try (TestWorld w = new TestWorld()) {
            Report report = DiscoveryEngine.create(w.netOptions(EngineTestSupport.TIMEOUT), Locale.ENGLISH)
                    .check("not a name!");
            assertThat(report.network().dnsServer()).isEqualTo(w.dns().hostPort());
            assertThat(report.network().caFiles()).hasSize(1);
        }
    }

    @Test
    void aCheckOnTheSystemsNetworkRecordsNothingAndItsJsonStaysAsItWas() throws Exception {
        Report report = DiscoveryEngine.create(NetOptions.defaults("Signpost-test"), Locale.ENGLISH)
                .check("not a name!");
        assertThat(report.network()).isEqualTo(CheckNetwork.SYSTEM);
        assertThat(ReportJson.write(report)).doesNotContain("\"network\"");
    }

    /** The fingerprint as the real tool prints it, so the report's matches what a user compares it with. */
    private static String opensslFingerprint(Path pem, Path dir) throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/openssl"))
                || Files.isExecutable(Path.of("/usr/local/bin/openssl"));
        Assumptions.assumeTrue(installed, "openssl is not installed: skipping the fingerprint comparison");
        Process p = new ProcessBuilder("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in",
                pem.toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.exitValue()).as(out).isZero();
        return out.substring(out.indexOf('=') + 1);
    }
}
