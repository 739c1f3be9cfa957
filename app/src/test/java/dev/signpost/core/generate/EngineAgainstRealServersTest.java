package dev.signpost.core.generate;

import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The last word on the generated configs: Signpost's own discovery engine, walking the chain exactly as Matrix
 * clients and servers do, against each real web server running the generated site. The client checks must pass,
 * the planned {@code m.server} must be found, and the media and sign-in routes must reach the homeserver through
 * the proxy (its JSON, never a page).
 */
class EngineAgainstRealServersTest {

    static List<RealServer> servers() {
        return RealServer.all();
    }

    /** No identity server: the engine would try to reach it, and tests never leave loopback. */
    static DelegationPlan plan(WebServerKind kind) {
        return DelegationPlan.defaultsFor("example.com").toBuilder().webServer(kind)
                .addSupportContact(new SupportContact(SupportContact.ROLE_ADMIN, "@admin:example.com", null))
                .extraClientKey("org.example.greeting", "\"Grüße\"")
                .federationProxy(true).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void engineFindsTheDelegationAndPassesTheClientChecks(RealServer server, @TempDir Path work) throws Exception {
        Assumptions.assumeTrue(server.executable() != null,
                server.binary + " is not installed: skipping the engine's check of the " + server.kind
                        + " config (CI installs it)");
        try (TestWorld world = new TestWorld();
                Deployment deployment = new Deployment(work, world.ca(), plan(server.kind), false)) {
            Path config = server.mainConfig(work, deployment.out, deployment.httpPort);
            ServerProcess.Result test = ServerProcess.run(server.testCommand(config), server.environment(work),
                    work.resolve("config-test.log"), Duration.ofSeconds(30));
            assertThat(test.status()).as(test.output()).isZero();
            String site = "127.0.0.1:" + deployment.httpsPort;
            String federation = "127.0.0.1:" + deployment.federationPort;
            world.resolve("example.com", 443, site)
                    .resolve("matrix.example.com", 443, federation)
                    .resolve("matrix.example.com", 8448, federation);
            try (ServerProcess running = ServerProcess.start(server.runCommand(config), server.environment(work),
                    work.resolve("server.log"), deployment.httpsPort, deployment.federationPort)) {
                Report report = DiscoveryEngine.create(world.netOptions(Duration.ofSeconds(5)), Locale.ENGLISH)
                        .check("example.com");
                String described = report.checks().stream().map(c -> c.id() + " " + c.status() + " " + c.summary())
                        .collect(Collectors.joining("\n"));
                for (String id : List.of("client.well-known", "client.cors", "client.content-type",
                        "client.sliding-sync", "client.auth", "client.media", "federation.media")) {
                    Check check = report.check(id).orElseThrow(() -> new AssertionError("no " + id + "\n" + described));
                    assertThat(check.status()).as(id + "\n" + described).isEqualTo(Status.PASS);
                }
                // Through the real proxy, the media and sign-in routes reach the homeserver: its JSON, not a page.
                assertThat(report.check("client.media").orElseThrow().summary()).as(described)
                        .contains("M_MISSING_TOKEN");
                assertThat(report.check("client.auth").orElseThrow().summary()).as(described)
                        .contains("handled by the homeserver itself");
                assertThat(report.check("client.rtc").orElseThrow().status()).as(described).isEqualTo(Status.SKIP);
                assertThat(report.federation().wellKnown().mServer()).as(described)
                        .isEqualTo("matrix.example.com:8448");
                assertThat(report.client().baseUrl()).as(described).isEqualTo("https://matrix.example.com");
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n" + Deployment.logs(work), e);
            }
        }
    }
}
