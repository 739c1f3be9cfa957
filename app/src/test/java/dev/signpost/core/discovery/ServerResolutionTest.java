package dev.signpost.core.discovery;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.RecordedRequest;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import static dev.signpost.core.discovery.EngineTestSupport.assertRequiredChecksPresent;
import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.hop;
import static dev.signpost.core.discovery.EngineTestSupport.lastRequest;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of DISCOVERY.md's resolution table against real local servers: DNS answers documentation addresses,
 * {@code --resolve} maps them to the test HTTPS server, and the test asserts what was connected to, with which
 * SNI and Host header, and which certificate name was demanded.
 */
class ServerResolutionTest {

    private static final String VERSION = "/_matrix/federation/v1/version";
    private static final String KEYS = "/_matrix/key/v2/server";

    @Test
    void aTargetWithoutAddressesIsAFailedResolutionWithNoMethod() {
        try (TestWorld w = new TestWorld()) {
            Report r = EngineTestSupport.check(w, "nowhere.example.com");
            assertThat(r.federation().method()).isNull();
            assertThat(r.federation().host()).isEqualTo("nowhere.example.com");
            assertThat(r.federation().addresses()).isEmpty();
            assertThat(status(r, "federation.dns")).isEqualTo(dev.signpost.core.model.Status.FAIL);
        }
    }

    @Test
    void step1Ipv4LiteralUsesPort8448NoSniAndTheIpAsCertificateName() {
        try (TestWorld w = new TestWorld()) {
            w.serve("203.0.113.7", 8448).serve("203.0.113.7", 443);
            w.homeserver("203.0.113.7").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "203.0.113.7");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.IP_LITERAL);
            assertThat(r.federation().port()).isEqualTo(8448);
            assertThat(r.federation().hostHeader()).isEqualTo("203.0.113.7");
            assertThat(r.federation().tlsServerName()).isEqualTo("203.0.113.7");
            RecordedRequest version = lastRequest(w, VERSION);
            assertThat(version.sni()).isNull();
            assertThat(version.host()).isEqualTo("203.0.113.7");
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.SKIP);
            assertThat(status(r, "federation.srv")).isEqualTo(Status.SKIP);
            assertThat(hop(r, "fed.well-known").taken()).isFalse();
            assertThat(hop(r, "fed.well-known").detail()).contains("IP literal");
            assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.version")).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(w.dns().queries()).noneMatch(q -> q.contains("_matrix"));
            assertRequiredChecksPresent(r);
        }
    }

    @Test
    void step1Ipv6LiteralWithPortKeepsThePortInTheHostHeader() {
        try (TestWorld w = new TestWorld()) {
            w.serve("2001:db8::7", 8449).serve("2001:db8::7", 443);
            w.homeserver("[2001:db8::7]:8449").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "[2001:db8::7]:8449");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.IP_LITERAL);
            assertThat(r.federation().port()).isEqualTo(8449);
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("[2001:db8::7]:8449");
            assertThat(lastRequest(w, VERSION).sni()).isNull();
            assertThat(r.federation().addresses()).containsExactly("2001:db8::7");
            assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.ipv6")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void step2ExplicitPortSkipsWellKnownAndSrvButClientsStillUse443() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("203.0.113.5", 8448, "example.com").serve("example.com", 443);
            w.homeserver("example.com:8448").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "example.com:8448");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.EXPLICIT_PORT);
            RecordedRequest version = lastRequest(w, VERSION);
            assertThat(version.sni()).isEqualTo("example.com");
            assertThat(version.host()).isEqualTo("example.com:8448");
            assertThat(hop(r, "fed.srv.matrix-fed").detail()).contains("explicit port");
            assertThat(w.dns().queries()).noneMatch(q -> q.contains("_matrix"));
            assertThat(w.https().requests("/.well-known/matrix/server")).isEmpty();
            // The spec's request on 443 and Element Web's own on the given port, sent at once.
            assertThat(w.https().requests("/.well-known/matrix/client")).extracting(RecordedRequest::host)
                    .containsExactlyInAnyOrder("example.com", "example.com:8448");
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
        }
    }

    @Test
    void step31WellKnownIpLiteralSendsTheMServerValueAsHost() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443).serve("203.0.113.6", 8449);
            w.https().route("example.com", "/.well-known/matrix/server", Response.json("{\"m.server\":\"203.0.113.6:8449\"}"));
            w.homeserver("example.com").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_IP_LITERAL);
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("203.0.113.6:8449");
            assertThat(lastRequest(w, VERSION).sni()).isNull();
            assertThat(r.federation().tlsServerName()).isEqualTo("203.0.113.6");
            assertThat(hop(r, "fed.srv.matrix-fed").detail()).contains("IP literal");
            assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.PASS);
        }
    }

    @Test
    void step32WellKnownHostAndPortConsultsNoSrvAndWarnsAbout443() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 443, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com:443\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.WELL_KNOWN_EXPLICIT_PORT);
            assertThat(r.federation().wellKnown().mServer()).isEqualTo("matrix.example.com:443");
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("matrix.example.com:443");
            assertThat(lastRequest(w, VERSION).sni()).isEqualTo("matrix.example.com");
            assertThat(w.dns().queries()).noneMatch(q -> q.contains("_matrix"));
            assertThat(hop(r, "fed.srv.matrix-fed").detail())
                    .isEqualTo("SRV not consulted: the well-known gave an explicit port (step 3.2).");
            assertThat(status(r, "federation.port-443")).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.port-443").fix()).contains("8448");
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
        }
    }

    @Test
    void step33SrvOfTheDelegatedHostKeepsItsNameForHostAndCertificate() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix-fed._tcp.matrix.example.com", 10, 0, 8443, "backend.example.net")
                    .a("backend.example.net", "203.0.113.8");
            w.serve("example.com", 443).serve("203.0.113.8", 8443, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_SRV_MATRIX_FED);
            assertThat(r.federation().host()).isEqualTo("backend.example.net");
            assertThat(r.federation().port()).isEqualTo(8443);
            assertThat(r.federation().hostHeader()).isEqualTo("matrix.example.com");
            assertThat(r.federation().tlsServerName()).isEqualTo("matrix.example.com");
            assertThat(lastRequest(w, VERSION).sni()).isEqualTo("matrix.example.com");
            assertThat(lastRequest(w, KEYS).host()).isEqualTo("matrix.example.com");
            assertThat(r.federation().srv()).hasSize(1);
            assertThat(status(r, "federation.srv")).isEqualTo(Status.PASS);
            assertThat(hop(r, "fed.srv.matrix").taken()).isFalse();
            // Asked together with _matrix-fed to save a round trip, but its answer is not used.
            assertThat(hop(r, "fed.srv.matrix").detail()).contains("Not consulted");
            assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
        }
    }

    @Test
    void step34LegacySrvOfTheDelegatedHostWorksWithAWarning() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix._tcp.matrix.example.com", 10, 0, 8448, "backend.example.net")
                    .a("backend.example.net", "203.0.113.8");
            w.serve("example.com", 443).serve("203.0.113.8", 8448, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_SRV_MATRIX);
            assertThat(status(r, "federation.srv")).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.srv").fix()).contains("_matrix-fed");
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("matrix.example.com");
            assertThat(r.hasFailure()).as(describe(r)).isFalse();
        }
    }

    @Test
    void step35NoSrvMeansTheDelegatedHostOn8448() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.WELL_KNOWN_DEFAULT_PORT);
            assertThat(r.federation().port()).isEqualTo(8448);
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("matrix.example.com");
            assertThat(w.dns().queries()).anyMatch(q -> q.contains("_matrix-fed._tcp.matrix.example.com"))
                    .anyMatch(q -> q.contains("_matrix._tcp.matrix.example.com"));
            assertThat(status(r, "federation.srv")).isEqualTo(Status.PASS);
            assertThat(r.hasFailure()).as(describe(r)).isFalse();
        }
    }

    @Test
    void step4WellKnown404FallsBackToSrvOfTheServerName() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "matrix.example.com")
                    .a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.SRV_MATRIX_FED);
            assertThat(r.federation().wellKnown().httpStatus()).isEqualTo(404);
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.PASS);
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("example.com");
            assertThat(lastRequest(w, VERSION).sni()).isEqualTo("example.com");
            assertThat(r.hasFailure()).as(describe(r)).isFalse();
        }
    }

    @Test
    void step5LegacySrvOfTheServerName() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix._tcp.example.com", 10, 0, 8448, "matrix.example.com")
                    .a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.SRV_MATRIX);
            assertThat(status(r, "federation.srv")).isEqualTo(Status.WARN);
        }
    }

    @Test
    void step6EveryAddressIsCheckedOnItsOwn() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5").a("example.com", "203.0.113.6").aaaa("example.com", "2001:db8::5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com")
                    .serve("203.0.113.6", 8448, "example.com").serve("2001:db8::5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.DEFAULT_PORT);
            assertThat(r.federation().addresses()).containsExactly("203.0.113.5", "203.0.113.6", "2001:db8::5");
            assertThat(r.federation().connections()).hasSize(3).allMatch(c -> c.tlsOk() && c.error() == null);
            assertThat(r.federation().connections().get(0).version().name()).isEqualTo("Synapse");
            assertThat(w.https().requests(VERSION)).hasSize(3);
            assertThat(hop(r, "fed.tls.203.0.113.6").status()).isEqualTo(Status.PASS);
            assertThat(hop(r, "fed.keys.2001:db8::5").status()).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.ipv6")).isEqualTo(Status.PASS);
            assertThat(r.hasFailure()).as(describe(r)).isFalse();
        }
    }

    @Test
    void ipv6BrokenWhileIpv4WorksIsNamed() throws Exception {
        try (TestWorld w = new TestWorld()) {
            int closed;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            w.dns().a("example.com", "203.0.113.5").aaaa("example.com", "2001:db8::5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com")
                    .resolve("2001:db8::5", 8448, "127.0.0.1:" + closed);
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.ipv6")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.ipv6").summary()).contains("IPv6 is broken while IPv4 works")
                    .contains("2001:db8::5");
            assertThat(status(r, "federation.tls")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.tls").summary()).contains("1 of 2").contains("refused");
            assertThat(hop(r, "fed.tls.203.0.113.5").status()).isEqualTo(Status.PASS);
            assertThat(hop(r, "fed.version.2001:db8::5").status()).isEqualTo(Status.SKIP);
        }
    }

    @Test
    void internationalisedNamesAreLookedUpAsPunycode() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("xn--bcher-kva.example", "203.0.113.5");
            w.serve("xn--bcher-kva.example", 443).serve("203.0.113.5", 8448, "xn--bcher-kva.example");
            w.homeserver("xn--bcher-kva.example").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "bücher.example");
            assertThat(r.asciiServerName()).isEqualTo("xn--bcher-kva.example");
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("xn--bcher-kva.example");
            assertThat(hop(r, "fed.server-name").rule()).contains("xn--bcher-kva.example");
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
        }
    }

    @Test
    void realIpv6PathsOnTheLoopback() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.signpost.testkit.TestHttpsServer.ipv6LoopbackAvailable(),
                "this machine has no ::1; the IPv6 loopback path is not tested here");
        try (TestWorld w = new TestWorld()) {
            var v6 = w.newHttpsServer("::1", w.ca().leaf("example.com"));
            w.dns().a("example.com", "203.0.113.5").aaaa("example.com", "2001:db8::5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com")
                    .resolve("2001:db8::5", 8448, "[::1]:" + v6.port());
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            w.homeserver("example.com").installFederation(v6, "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.ipv6")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(hop(r, "fed.addr.2001:db8::5").detail()).contains("[::1]:" + v6.port());
            assertThat(v6.requests("/_matrix/federation/v1/version")).hasSize(1);
            assertThat(v6.requests("/_matrix/federation/v1/version").get(0).remote().getAddress())
                    .isInstanceOf(java.net.Inet6Address.class);
        }
    }

    @Test
    void anIpv6LoopbackLiteralNeedsAnIpSan() {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.signpost.testkit.TestHttpsServer.ipv6LoopbackAvailable(),
                "this machine has no ::1; the IPv6 loopback path is not tested here");
        try (TestWorld w = new TestWorld()) {
            var v6 = w.newHttpsServer("::1", w.ca().leaf("::1"));
            String name = "[::1]:" + v6.port();
            w.homeserver(name).installFederation(v6, "*");
            w.resolve("::1", 443, "127.0.0.1:1");
            Report r = EngineTestSupport.check(w, name);
            assertThat(r.federation().method()).isEqualTo(FederationMethod.IP_LITERAL);
            assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.keys")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(v6.requests("/_matrix/key/v2/server").get(0).host()).isEqualTo(name);
            assertThat(v6.handshakes().get(0).sni()).isNull();
        }
    }
}
