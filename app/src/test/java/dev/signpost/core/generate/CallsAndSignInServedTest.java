package dev.signpost.core.generate;

import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.testkit.JwtServiceStub;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHttpsServer;
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
 * A plan with Element Call's call service and a sign-in service, generated and served by each real web server on
 * loopback in front of a Synapse-like homeserver, the LiveKit JWT service stub and a stub sign-in service. The
 * engine's checks for current apps must pass through it, the sign-in paths must reach the sign-in service (over
 * https, its certificate verified), media must stay on the homeserver, and no path answers an HTML page.
 */
class CallsAndSignInServedTest {

    /** What Matrix Authentication Service answers on its compatibility login route. */
    static final String LOGIN_FLOWS = "{\"flows\": [{\"type\": \"m.login.sso\"}], \"served_by\": \"sign-in stub\"}";

    static List<RealServer> servers() {
        return RealServer.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theNewChecksPassThroughTheGeneratedConfig(RealServer server, @TempDir Path work) throws Exception {
        Assumptions.assumeTrue(server.executable() != null,
                server.binary + " is not installed: skipping the calls and sign-in proof for " + server.kind
                        + " (CI installs it)");
        try (TestWorld world = new TestWorld();
                TestHttpsServer signIn = world.newHttpsServer("127.0.0.1", world.ca().leaf("127.0.0.1"));
                TestHttpsServer jwt = world.newHttpsServer("127.0.0.1", world.ca().leaf("rtc.example.com"))) {
            for (String path : List.of("/_matrix/client/v3/login", "/_matrix/client/v3/logout",
                    "/_matrix/client/v3/refresh")) {
                signIn.route("*", path, Response.json(LOGIN_FLOWS));
            }
            JwtServiceStub.install(jwt, "*", "/livekit/jwt", JwtServiceStub.Mode.ALIVE);
            String issuer = "https://127.0.0.1:" + signIn.port() + "/";
            DelegationPlan plan = EngineAgainstRealServersTest.plan(server.kind).toBuilder()
                    .callServiceUrl("https://rtc.example.com/livekit/jwt").authIssuerUrl(issuer).build();
            ModernHomeserver synapse = new ModernHomeserver().flags(ModernHomeserver.SLIDING_SYNC,
                    ModernHomeserver.RTC, ModernHomeserver.DELAYED_EVENTS);
            try (Deployment deployment = new Deployment(work, world.ca(), plan, false, synapse)) {
                Path config = server.mainConfig(work, deployment.out, deployment.httpPort);
                ServerProcess.Result test = ServerProcess.run(server.testCommand(config), server.environment(work),
                        work.resolve("config-test.log"), Duration.ofSeconds(30));
                assertThat(test.status()).as(test.output()).isZero();
                String federation = "127.0.0.1:" + deployment.federationPort;
                world.resolve("example.com", 443, "127.0.0.1:" + deployment.httpsPort)
                        .resolve("matrix.example.com", 443, federation)
                        .resolve("matrix.example.com", 8448, federation)
                        .resolve("rtc.example.com", 443, jwt.hostPort());
                try (ServerProcess running = ServerProcess.start(server.runCommand(config),
                        server.environment(work), work.resolve("server.log"), deployment.httpsPort,
                        deployment.federationPort)) {
                    assertChecksPass(world, issuer);
                    assertRoutes(deployment, signIn);
                } catch (RuntimeException | AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\n" + Deployment.logs(work), e);
                }
            }
        }
    }

    private static void assertChecksPass(TestWorld world, String issuer) throws java.io.IOException {
        Report report = DiscoveryEngine.create(world.netOptions(Duration.ofSeconds(5)), Locale.ENGLISH)
                .check("example.com");
        String described = report.checks().stream().map(c -> c.id() + " " + c.status() + " " + c.summary())
                .collect(Collectors.joining("\n"));
        for (String id : List.of("client.well-known", "client.cors", "client.sliding-sync", "client.auth",
                "client.rtc", "client.media", "federation.media")) {
            Check check = report.check(id).orElseThrow(() -> new AssertionError("no " + id + "\n" + described));
            assertThat(check.status()).as(id + "\n" + described).isEqualTo(Status.PASS);
        }
        assertThat(report.check("client.auth").orElseThrow().summary()).as(described).contains(issuer);
        assertThat(report.check("client.rtc").orElseThrow().summary()).as(described)
                .contains("https://rtc.example.com/livekit/jwt");
    }

    private static void assertRoutes(Deployment deployment, TestHttpsServer signIn) {
        String matrixHost = "matrix.example.com";
        // Sign-in paths reach the sign-in service, verified against the test CA; nothing else does.
        HttpResponse login = Deployment.fetch(deployment.federationPort, matrixHost, "/_matrix/client/v3/login");
        assertThat(login.statusCode()).as(login.errorDetail() + " " + login.bodyText()).isEqualTo(200);
        assertThat(login.bodyText()).isEqualTo(LOGIN_FLOWS);
        HttpResponse logout = Deployment.fetch(deployment.federationPort, matrixHost, "/_matrix/client/r0/logout");
        assertThat(signIn.requests("/_matrix/client/r0/logout")).as(logout.bodyText()).hasSize(1);
        HttpResponse media = Deployment.fetch(deployment.federationPort, matrixHost,
                "/_matrix/client/v1/media/download/example.com/login");
        assertThat(media.statusCode()).isEqualTo(401);
        assertThat(media.bodyText()).contains("M_MISSING_TOKEN");
        // Unknown paths answer Matrix JSON, never a page: on the homeserver's host outside /_matrix/, through to
        // the homeserver inside it, and on the server name, which is no Matrix endpoint in this plan.
        assertUnrecognized(Deployment.fetch(deployment.federationPort, matrixHost, "/"));
        assertUnrecognized(Deployment.fetch(deployment.federationPort, matrixHost, "/_matrix"));
        assertUnrecognized(Deployment.fetch(deployment.federationPort, matrixHost, "/_matrix/client/v3/nonsense"));
        assertUnrecognized(Deployment.fetch(deployment.httpsPort, "example.com", "/_matrix/client/versions"));
    }

    static void assertUnrecognized(HttpResponse response) {
        assertThat(response.statusCode()).as(response.errorDetail() + " " + Deployment.headers(response))
                .isEqualTo(404);
        assertThat(response.header("Content-Type").orElse("")).as(Deployment.headers(response))
                .startsWith("application/json");
        assertThat(response.bodyText()).contains("\"errcode\"").contains("M_UNRECOGNIZED");
    }
}
