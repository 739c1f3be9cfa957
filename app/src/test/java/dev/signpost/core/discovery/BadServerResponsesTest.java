package dev.signpost.core.discovery;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.HangingServer;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static dev.signpost.core.discovery.EngineTestSupport.assertRequiredChecksPresent;
import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.hop;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Every bad answer a server or DNS can give, each reported with its own sentence, and the spec's fallback. */
class BadServerResponsesTest {

    private static final String WK = "/.well-known/matrix/server";

    /** example.com with a working homeserver on 8448 of its own address: the fallback target of step 6. */
    private static TestWorld worldWithFallback() {
        TestWorld w = new TestWorld();
        w.dns().a("example.com", "203.0.113.5");
        w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
        w.homeserver("example.com").installFederation(w.https(), "example.com");
        return w;
    }

    static Stream<Arguments> badWellKnowns() {
        return Stream.of(
                Arguments.of("server error", Response.json(500, "{}"), "500"),
                Arguments.of("invalid JSON", Response.json("{\"m.server\": "), "JSON"),
                Arguments.of("HTML page", Response.html("<!doctype html><html><body>Welcome</body></html>"), "HTML"),
                Arguments.of("too large", Response.large(60_000), "51200 bytes"),
                Arguments.of("scheme", Response.json("{\"m.server\":\"https://matrix.example.com\"}"), "https://"),
                Arguments.of("path", Response.json("{\"m.server\":\"matrix.example.com/matrix\"}"), "matrix.example.com/matrix"),
                Arguments.of("bad port", Response.json("{\"m.server\":\"matrix.example.com:99999\"}"), "99999"),
                Arguments.of("missing m.server", Response.json("{\"m.homeserver\":\"x\"}"), "m.server"),
                Arguments.of("redirect to http", Response.redirect(301, "http://example.com/wk"), "plain http"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWellKnowns")
    void aBadWellKnownFailsLoudlyAndServersFallBackToStep4(String what, Response response, String mentioned) {
        try (TestWorld w = worldWithFallback()) {
            w.https().route("example.com", WK, response);
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.well-known")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known").summary()).contains(mentioned)
                    .contains("SRV records or port 8448 of example.com");
            assertThat(check(r, "federation.well-known").fix()).contains("48 hours");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.DEFAULT_PORT);
            assertThat(r.federation().wellKnown().error()).isNotBlank();
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(w.dns().queries()).anyMatch(q -> q.contains("_matrix-fed._tcp.example.com"));
            assertRequiredChecksPresent(r);
        }
    }

    @Test
    void redirectsAreFollowedAndRecorded() {
        try (TestWorld w = worldWithFallback()) {
            w.serve("www.example.com", 443);
            w.https().route("example.com", WK, Response.redirect(301, "https://www.example.com/matrix/server.json"));
            w.https().route("www.example.com", "/matrix/server.json",
                    Response.json("{\"m.server\":\"example.com:8448\"}"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_EXPLICIT_PORT);
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.PASS);
            assertThat(hop(r, "fed.well-known").evidence()).filteredOn(e -> e instanceof dev.signpost.core.model.Evidence.Http)
                    .hasSize(2);
        }
    }

    @Test
    void aRedirectLoopIsDetected() {
        try (TestWorld w = worldWithFallback()) {
            w.https().route("example.com", WK, Response.redirect(302, "/a"));
            w.https().route("example.com", "/a", Response.redirect(302, WK));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(check(r, "federation.well-known").summary()).contains("loop");
            assertThat(w.https().requests(WK)).hasSize(1);
        }
    }

    @Test
    void tooManyRedirectsStopAtTen() {
        try (TestWorld w = worldWithFallback()) {
            w.https().route("example.com", WK, Response.redirect(302, "/r0"));
            for (int i = 0; i < 15; i++) {
                w.https().route("example.com", "/r" + i, Response.redirect(302, "/r" + (i + 1)));
            }
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(check(r, "federation.well-known").summary()).contains("More than 10 redirects");
            assertThat(w.https().requests().stream().filter(q -> q.path().startsWith("/r")).count()).isEqualTo(10);
        }
    }

    @Test
    void aWellKnownWithABadCertificateIsIgnored() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            // The web server of example.com is another one, with a self-signed certificate.
            var web = w.newHttpsServer("127.0.0.1", w.ca().selfSignedLeaf("example.com"));
            web.route("example.com", WK, Response.json("{\"m.server\":\"matrix.example.com:8448\"}"));
            w.resolve("example.com", 443, web.hostPort());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known").summary()).contains("self-signed");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.DEFAULT_PORT);
        }
    }

    @Test
    void aWellKnownServedOnlyOverPlainHttpIsNamed() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "plain-http-test");
            t.setDaemon(true);
            return t;
        });
        try (TestWorld w = worldWithFallback();
             java.net.ServerSocket http = new java.net.ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"));
             java.net.ServerSocket closed = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            int closedPort = closed.getLocalPort();
            closed.close();
            pool.execute(() -> {
                while (!http.isClosed()) {
                    try (java.net.Socket c = http.accept()) {
                        byte[] head = new byte[4096];
                        c.getInputStream().read(head);
                        String body = "{\"m.server\":\"matrix.example.com:8448\"}";
                        c.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            w.resolve("example.com", 443, "127.0.0.1:" + closedPort)
                    .resolve("example.com", 80, "127.0.0.1:" + http.getLocalPort());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.well-known")).as(describe(r)).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.well-known").summary()).contains("refused");
            assertThat(status(r, "federation.well-known-http")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known-http").fix()).contains("https");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.DEFAULT_PORT);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void addressesGivingDifferentWellKnownsAreASplitBrain() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.1").aaaa("example.com", "2001:db8::1")
                    .a("matrix.example.com", "203.0.113.5");
            w.serve("203.0.113.1", 443, "example.com").serve("203.0.113.5", 8448, "matrix.example.com");
            w.https().route("example.com", WK, Response.json("{\"m.server\":\"matrix.example.com:8448\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            // The IPv6 address reaches a web server without the file: the classic missing IPv6 virtual host.
            var v6web = w.newHttpsServer("127.0.0.1", w.ca().leaf("example.com"));
            w.resolve("2001:db8::1", 443, v6web.hostPort());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.well-known-consistency")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known-consistency").summary()).contains("203.0.113.1 → 200")
                    .contains("2001:db8::1 → 404");
            assertThat(check(r, "federation.well-known-consistency").fix()).contains("IPv6");
        }
    }

    @Test
    void servfailOnSrvIsAFailureWithoutFallback() {
        try (TestWorld w = worldWithFallback()) {
            w.dns().servfail("_matrix-fed._tcp.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.srv")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.srv").summary()).contains("SERVFAIL").contains("not \"no record\"");
            assertThat(r.federation().method()).isNull();
            // _matrix._tcp is asked together with _matrix-fed, but a failed lookup never falls back to it.
            assertThat(r.hop("fed.srv.matrix")).isEmpty();
            assertThat(w.https().requests("/_matrix/federation/v1/version")).isEmpty();
            assertThat(status(r, "federation.tls")).isEqualTo(Status.SKIP);
            assertRequiredChecksPresent(r);
        }
    }

    @Test
    void anUnansweredSrvQueryIsAFailureToo() {
        try (TestWorld w = worldWithFallback()) {
            w.dns().drop("_matrix-fed._tcp.example.com");
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(1)).check("example.com");
            assertThat(status(r, "federation.srv")).isEqualTo(Status.FAIL);
            assertThat(r.federation().method()).isNull();
        }
    }

    @Test
    void aLoneDotTargetMeansServiceNotAvailable() {
        try (TestWorld w = worldWithFallback()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 0, 0, 0, ".");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.srv")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.srv").summary()).contains("explicitly not available");
            assertThat(r.federation().method()).isNull();
            // _matrix._tcp is asked together with _matrix-fed, but a failed lookup never falls back to it.
            assertThat(r.hop("fed.srv.matrix")).isEmpty();
        }
    }

    @Test
    void anSrvTargetThatIsACnameIsWarnedAbout() {
        try (TestWorld w = worldWithFallback()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "alias.example.com")
                    .cname("alias.example.com", "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.srv")).as(describe(r)).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.srv").summary()).contains("CNAME");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.SRV_MATRIX_FED);
            assertThat(status(r, "federation.keys")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void srvRecordsAreOrderedByPriorityThenWeight() {
        try (TestWorld w = worldWithFallback()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 20, 100, 8448, "backup.example.com")
                    .srv("_matrix-fed._tcp.example.com", 10, 1, 8448, "light.example.com")
                    .srv("_matrix-fed._tcp.example.com", 10, 60, 8448, "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().host()).isEqualTo("example.com");
            assertThat(r.federation().srv()).hasSize(3);
            assertThat(hop(r, "fed.target").detail()).contains("light.example.com:8448, backup.example.com:8448");
        }
    }

    @Test
    void anSrvTargetWithoutAddressGivesWayToTheNext() {
        try (TestWorld w = worldWithFallback()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "gone.example.com")
                    .srv("_matrix-fed._tcp.example.com", 20, 0, 8448, "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().host()).as(describe(r)).isEqualTo("example.com");
            assertThat(hop(r, "fed.target").label()).isEqualTo("example.com:8448");
            assertThat(hop(r, "fed.target").detail()).contains("gone.example.com has no address");
            assertThat(status(r, "federation.keys")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void anAddressWithoutRecordsFailsTheDnsCheck() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            w.https().route("example.com", WK, Response.json("{\"m.server\":\"nowhere.example.com:8448\"}"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.dns")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.dns").summary()).contains("nowhere.example.com has no A or AAAA record");
            assertThat(status(r, "federation.tls")).isEqualTo(Status.SKIP);
        }
    }

    // ---- certificates on the federation address ----

    private static Report withFederationCertificate(java.util.function.Function<TestWorld, dev.signpost.testkit.ServerIdentity> identity) {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com", identity.apply(w));
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            return EngineTestSupport.check(w, "example.com");
        }
    }

    @Test
    void anExpiredCertificateIsNamed() {
        Report r = withFederationCertificate(w -> w.ca().expiredLeaf("example.com"));
        assertThat(status(r, "federation.tls")).isEqualTo(Status.FAIL);
        assertThat(check(r, "federation.tls").summary()).contains("expired");
        assertThat(check(r, "federation.tls").fix()).contains("Renew");
        assertThat(r.federation().connections().get(0).tlsOk()).isFalse();
    }

    @Test
    void aSelfSignedCertificateIsNamed() {
        Report r = withFederationCertificate(w -> w.ca().selfSignedLeaf("example.com"));
        assertThat(check(r, "federation.tls").summary()).contains("self-signed");
        assertThat(hop(r, "fed.tls.203.0.113.5").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aWrongNameIsNamed() {
        Report r = withFederationCertificate(w -> w.ca().wrongNameLeaf());
        assertThat(check(r, "federation.tls").summary()).contains("not valid for example.com")
                .contains("wrong-name.invalid");
        // Other servers stop at the certificate: what the homeserver answers behind it must not look reachable.
        assertThat(hop(r, "fed.version.203.0.113.5").status()).isEqualTo(Status.SKIP);
        assertThat(hop(r, "fed.keys.203.0.113.5").status()).isEqualTo(Status.SKIP);
        assertThat(r.federation().connections().get(0).version()).isNull();
        // Not reached, under the TLS failure: never a failure of its own with an unrelated fix.
        assertThat(status(r, "federation.version")).isEqualTo(Status.SKIP);
        assertThat(check(r, "federation.version").blockedBy()).isEqualTo("federation.tls");
        assertThat(check(r, "federation.version").fix()).isNull();
        assertThat(check(r, "federation.keys").blockedBy()).isEqualTo("federation.tls");
        assertThat(r.hasFailure()).isTrue();
    }

    @Test
    void aMissingIntermediateIsToldApartFromSelfSigned() {
        Report r = withFederationCertificate(w -> w.ca().leafWithoutIntermediate("example.com"));
        assertThat(check(r, "federation.tls").summary()).contains("chain is incomplete").doesNotContain("self-signed");
        assertThat(check(r, "federation.tls").fix()).contains("fullchain.pem");
    }

    @Test
    void aCertificateExpiringSoonWarns() {
        Report r = withFederationCertificate(w -> w.ca().leafExpiringInDays(5, "example.com"));
        assertThat(status(r, "federation.tls")).isEqualTo(Status.WARN);
        assertThat(check(r, "federation.tls").summary()).contains("expires in");
    }

    // ---- the homeserver's answers ----

    private static Report withKeys(TestHomeserver.KeyFlaw flaw) {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com", flaw);
            return EngineTestSupport.check(w, "example.com");
        }
    }

    @Test
    void keysForAnotherServerNameFailWithAHint() {
        Report r = withKeys(TestHomeserver.KeyFlaw.WRONG_SERVER_NAME);
        assertThat(status(r, "federation.keys")).isEqualTo(Status.FAIL);
        assertThat(check(r, "federation.keys").summary()).contains("wrong-server.example");
        assertThat(check(r, "federation.keys").fix()).contains("not the delegated host");
    }

    @Test
    void aBadSignatureFails() {
        Report r = withKeys(TestHomeserver.KeyFlaw.BAD_SIGNATURE);
        assertThat(status(r, "federation.keys")).isEqualTo(Status.FAIL);
        assertThat(hop(r, "fed.keys.203.0.113.5").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void expiredKeysFail() {
        Report r = withKeys(TestHomeserver.KeyFlaw.EXPIRED);
        assertThat(status(r, "federation.keys")).isEqualTo(Status.FAIL);
    }

    @Test
    void aMissingVersionEndpointFails() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            w.https().unroute("example.com", "/_matrix/federation/v1/version");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.version")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.version").summary()).contains("404");
            assertThat(status(r, "federation.keys")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aHangingHomeserverTimesOutNamingTheHopWithinTwiceTheTimeout() {
        try (TestWorld w = new TestWorld();
             HangingServer hanging = HangingServer.afterTls(w.ca().leaf("example.com"))) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).resolve("203.0.113.5", 8448, "127.0.0.1:" + hanging.port());
            long start = System.nanoTime();
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(1)).check("example.com");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).isLessThan(2000 + 1500);
            assertThat(status(r, "federation.version")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.version").summary()).contains("/_matrix/federation/v1/version")
                    .contains("127.0.0.1");
            assertThat(hop(r, "fed.version.203.0.113.5").detail()).contains("no answer");
            assertThat(hop(r, "fed.keys.203.0.113.5").status()).isEqualTo(Status.FAIL);
            assertThat(hop(r, "fed.tls.203.0.113.5").status()).isEqualTo(Status.PASS);
            assertRequiredChecksPresent(r);
        }
    }

    @Test
    void aHangingWellKnownAndAHangingHomeserverStillEndWithinTheDeadline() {
        try (TestWorld w = new TestWorld();
             HangingServer plain = HangingServer.plain()) {
            w.dns().a("example.com", "203.0.113.5");
            w.resolve("example.com", 443, "127.0.0.1:" + plain.port())
                    .resolve("203.0.113.5", 8448, "127.0.0.1:" + plain.port());
            long start = System.nanoTime();
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(1)).check("example.com");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).isLessThan(2000 + 1500);
            assertThat(r.hasFailure()).isTrue();
            assertThat(check(r, "federation.well-known").summary()).contains("/.well-known/matrix/server")
                    .contains("no answer");
            assertThat(check(r, "federation.tls").summary()).as(describe(r)).contains("no answer");
            assertRequiredChecksPresent(r);
        }
    }
}
