package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.testkit.TestCa;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static hosting, proven by Apache as a shared host runs it: the generated file tree as the document root, with
 * only {@code AllowOverride FileInfo}, so the generated {@code .htaccess} alone must make the files JSON with CORS.
 */
class StaticSiteServedTest {

    @Test
    void apacheServesTheStaticTreeThroughItsHtaccess(@TempDir Path work) throws Exception {
        RealServer apache = new RealServer.Apache();
        Assumptions.assumeTrue(apache.executable() != null,
                "apache2 is not installed: skipping the proof of the static .htaccess (CI installs it)");
        DelegationPlan plan = DelegationPlan.defaultsFor("example.com").toBuilder().webServer(WebServerKind.STATIC)
                .supportPage("https://example.com/help").build();
        try (TestCa ca = new TestCa("static"); Deployment deployment = new Deployment(work, ca, plan, false)) {
            String site = "Listen 127.0.0.1:" + deployment.httpsPort + "\n"
                    + "<VirtualHost *:" + deployment.httpsPort + ">\n"
                    + "    ServerName example.com\n"
                    + "    SSLEngine on\n"
                    + "    SSLCertificateFile " + work.resolve("tls/fullchain.pem") + "\n"
                    + "    SSLCertificateKeyFile " + work.resolve("tls/key.pem") + "\n"
                    + "    DocumentRoot \"" + deployment.out + "\"\n"
                    + "    <Directory \"" + deployment.out + "\">\n"
                    + "        Require all granted\n"
                    + "        AllowOverride FileInfo\n"
                    + "    </Directory>\n"
                    + "</VirtualHost>\n";
            Path config = RealServer.write(work.resolve("apache.conf"), RealServer.Apache.head(work) + site);
            ServerProcess.Result test = ServerProcess.run(apache.testCommand(config), apache.environment(work),
                    work.resolve("config-test.log"), Duration.ofSeconds(30));
            assertThat(test.status()).as(test.output()).isZero();
            try (ServerProcess running = ServerProcess.start(apache.runCommand(config), apache.environment(work),
                    work.resolve("server.log"), deployment.httpsPort)) {
                assertThat(deployment.context.documents()).hasSize(3);
                for (WellKnownDocument document : deployment.context.documents()) {
                    Deployment.assertServed(Deployment.fetch(deployment.httpsPort, "example.com",
                            document.urlPath()), document, ca);
                }
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + Deployment.logs(work), e);
            }
        }
    }
}
