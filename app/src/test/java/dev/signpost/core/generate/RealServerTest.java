package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.testkit.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated web-server configs, proven by the real servers: each one's own config test accepts them, and,
 * started on loopback with a certificate from the test CA, each serves the well-known files byte for byte with
 * the right Content-Type and CORS headers and forwards federation to the homeserver.
 */
class RealServerTest {

    private static TestCa ca;

    @BeforeAll
    static void startCa() {
        ca = new TestCa("generate");
    }

    @AfterAll
    static void stopCa() {
        ca.close();
    }

    static List<RealServer> servers() {
        return RealServer.all();
    }

    static void assumeInstalled(RealServer server) {
        Assumptions.assumeTrue(server.executable() != null,
                server.binary + " is not installed: skipping the real-server proof of the " + server.kind
                        + " config (CI installs it)");
    }

    /** Every document, a support file, non-ASCII text, a separate federation host on its own port. */
    static DelegationPlan fullPlan(WebServerKind kind) {
        return Scenarios.full(kind, HomeserverKind.SYNAPSE).toBuilder()
                .extraClientKey("org.example.text", "{\"greeting\": \"Grüße aus Köln\", \"n\": [1, 2.5, true, null]}")
                .build();
    }

    /** Federation on the server name's own HTTPS port, the same site as the well-known files. */
    static DelegationPlan mergedPlan(WebServerKind kind) {
        return DelegationPlan.defaultsFor("example.com").toBuilder().webServer(kind)
                .federation("example.com", 443).clientBaseUrl("https://example.com").federationProxy(true).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void serverAcceptsAndServesTheFullPlan(RealServer server, @TempDir Path work) throws Exception {
        assumeInstalled(server);
        prove(server, fullPlan(server.kind), false, work);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void serverAcceptsAndServesFederationOnTheSamePort(RealServer server, @TempDir Path work) throws Exception {
        assumeInstalled(server);
        prove(server, mergedPlan(server.kind), true, work);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void dropInServesTheFilesInsideASiteThatProxiesEverythingElse(RealServer server, @TempDir Path work)
            throws Exception {
        assumeInstalled(server);
        DelegationPlan plan = fullPlan(server.kind).toBuilder().federationProxy(false).build();
        try (Deployment deployment = new Deployment(work, ca, plan, false)) {
            Path config = server.dropInConfig(work, deployment);
            ServerProcess.Result test = ServerProcess.run(server.testCommand(config), server.environment(work),
                    work.resolve("config-test.log"), Duration.ofSeconds(30));
            assertThat(test.status()).as(server.binary + " config test said:\n" + test.output()).isZero();
            try (ServerProcess running = ServerProcess.start(server.runCommand(config), server.environment(work),
                    work.resolve("server.log"), deployment.httpsPort)) {
                for (WellKnownDocument document : deployment.context.documents()) {
                    Deployment.assertServed(Deployment.fetch(deployment.httpsPort, "example.com",
                            document.urlPath()), document, ca);
                }
                // The existing site still works: everything else reaches the application.
                assertThat(Deployment.fetch(deployment.httpsPort, "example.com", "/index.html").bodyText())
                        .isEqualTo(Deployment.APP_BODY);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + Deployment.logs(work), e);
            }
        }
    }

    private static void prove(RealServer server, DelegationPlan plan, boolean merged, Path work) throws Exception {
        try (Deployment deployment = new Deployment(work, ca, plan, merged)) {
            Path config = server.mainConfig(work, deployment.out, deployment.httpPort);
            ServerProcess.Result test = ServerProcess.run(server.testCommand(config), server.environment(work),
                    work.resolve("config-test.log"), Duration.ofSeconds(30));
            assertThat(test.status()).as(server.binary + " config test said:\n" + test.output()).isZero();

            try (ServerProcess running = ServerProcess.start(server.runCommand(config), server.environment(work),
                    work.resolve("server.log"), deployment.httpsPort, deployment.federationPort)) {
                for (WellKnownDocument document : deployment.context.documents()) {
                    Deployment.assertServed(Deployment.fetch(deployment.httpsPort, "example.com",
                            document.urlPath()), document, ca);
                }
                deployment.assertProxies();
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + Deployment.logs(work), e);
            }
        }
    }
}
