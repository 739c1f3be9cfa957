package dev.signpost.core.discovery;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.RecordedRequest;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.hop;
import static dev.signpost.core.discovery.EngineTestSupport.lastRequest;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Federation resolved the way Synapse does it where the spec leaves room: SRV targets, CNAMEs, redirects. */
class FederationAsSynapseDoesTest {

    private static final String VERSION = "/_matrix/federation/v1/version";

    /** A loopback port where nothing listens: bound, then closed. */
    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSecondSrvTargetIsUsedWhenTheFirstRefusesConnections() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "dead.example.com")
                    .srv("_matrix-fed._tcp.example.com", 20, 0, 8448, "live.example.com")
                    .a("dead.example.com", "203.0.113.1")
                    .a("live.example.com", "203.0.113.2");
            w.serve("example.com", 443).serve("203.0.113.2", 8448, "example.com")
                    .resolve("203.0.113.1", 8448, "127.0.0.1:" + closedPort());
            w.homeserver("example.com").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.SRV_MATRIX_FED);
            assertThat(status(r, "federation.version")).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.keys")).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.srv")).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.srv").summary()).contains("dead.example.com:8448")
                    .contains("live.example.com:8448");
            assertThat(r.federation().host()).isEqualTo("live.example.com");
            // Both targets and their addresses are in the chain.
            assertThat(hop(r, "fed.target").label()).isEqualTo("dead.example.com:8448");
            assertThat(hop(r, "fed.target.2").label()).isEqualTo("live.example.com:8448");
            assertThat(hop(r, "fed.addr.203.0.113.1").parentId()).isEqualTo("fed.target");
            assertThat(hop(r, "fed.addr.203.0.113.2").parentId()).isEqualTo("fed.target.2");
            assertThat(hop(r, "fed.tls.203.0.113.1").status()).isEqualTo(Status.FAIL);
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("example.com");
        }
    }

    @Test
    void everySrvTargetRefusingStillFailsFederation() {
        try (TestWorld w = new TestWorld()) {
            int closed = closedPort();
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "dead.example.com")
                    .srv("_matrix-fed._tcp.example.com", 20, 0, 8448, "dead2.example.com")
                    .a("dead.example.com", "203.0.113.1")
                    .a("dead2.example.com", "203.0.113.3");
            w.serve("example.com", 443).resolve("203.0.113.1", 8448, "127.0.0.1:" + closed)
                    .resolve("203.0.113.3", 8448, "127.0.0.1:" + closed);
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(status(r, "federation.version")).isNotEqualTo(Status.PASS);
            assertThat(hop(r, "fed.target.2").label()).isEqualTo("dead2.example.com:8448");
            assertThat(hop(r, "fed.tls.203.0.113.3").status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void aCnameSrvTargetWorksWithAWarning() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "alias.example.com")
                    .cname("alias.example.com", "real.example.net")
                    .a("real.example.net", "203.0.113.4");
            w.serve("example.com", 443).serve("203.0.113.4", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "*");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.version")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.srv")).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.srv").summary()).contains("real.example.net");
        }
    }

    @Test
    void a308OnTheServerWellKnownIsFollowed() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("www.example.com", 443)
                    .serve("203.0.113.5", 8448, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.redirect(308, "https://www.example.com/.well-known/matrix/server"));
            w.https().route("www.example.com", "/.well-known/matrix/server",
                    Response.json("{\"m.server\":\"matrix.example.com:8448\"}"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_EXPLICIT_PORT);
            assertThat(r.federation().host()).isEqualTo("matrix.example.com");
            assertThat(status(r, "federation.well-known")).isIn(Status.PASS, Status.WARN);
            assertThat(status(r, "federation.version")).isEqualTo(Status.PASS);
            // The delegation came from the redirect's target, asked with its own Host.
            assertThat(w.https().requests("/.well-known/matrix/server")).extracting(RecordedRequest::host)
                    .contains("example.com", "www.example.com");
            assertThat(lastRequest(w, VERSION).host()).isEqualTo("matrix.example.com:8448");
            // Only a Synapse whose Twisted knows 308 follows it: said where the implementations disagree.
            assertThat(check(r, "federation.well-known").implementations())
                    .extracting(ImplementationVerdict::id, ImplementationVerdict::status)
                    .containsExactly(tuple(ImplementationVerdict.SPEC, Status.PASS),
                            tuple(ImplementationVerdict.SYNAPSE, Status.WARN));
            assertThat(check(r, "federation.well-known").implementations().get(1).summary()).contains("308")
                    .contains("301");
        }
    }

    /** example.com delegating to matrix.example.com:8448, its well-known answered with {@code wellKnown}. */
    private static Report delegated(TestWorld w, Response wellKnown) {
        w.dns().a("matrix.example.com", "203.0.113.5");
        w.serve("example.com", 443).serve("203.0.113.5", 8448, "matrix.example.com");
        w.https().route("example.com", "/.well-known/matrix/server", wellKnown);
        w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
        return EngineTestSupport.check(w, "example.com");
    }

    private static final String DELEGATION = "{\"m.server\":\"matrix.example.com:8448\"}";

    @Test
    void tenMinutesOfCacheAreKeptAsAsked() {
        try (TestWorld w = new TestWorld()) {
            Report r = delegated(w, Response.json(DELEGATION).withHeader("Cache-Control", "public, max-age=600"));
            assertThat(status(r, "federation.cache")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(check(r, "federation.cache").summary()).contains("within 10 min").doesNotContain("48 h");
        }
    }

    @Test
    void aWeekOfCacheIsCutToSynapsesFortyEightHours() {
        try (TestWorld w = new TestWorld()) {
            Report r = delegated(w, Response.json(DELEGATION).withHeader("Cache-Control", "max-age=604800"));
            assertThat(check(r, "federation.cache").summary()).as(describe(r)).contains("7 d")
                    .contains("within 48 h");
        }
    }

    @Test
    void noCacheHeaderMeansSynapsesDefaultDay() {
        try (TestWorld w = new TestWorld()) {
            Report r = delegated(w, Response.json(DELEGATION));
            assertThat(check(r, "federation.cache").summary()).as(describe(r)).contains("within 24 h");
        }
    }

    @Test
    void aFailingDestinationExplainsTheBackoffAndTheAdminApi() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).resolve("203.0.113.5", 8448, "127.0.0.1:" + closedPort());
            w.https().route("example.com", "/.well-known/matrix/server", Response.json(DELEGATION));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.cache")).as(describe(r)).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.cache").summary()).contains("up to a week");
            assertThat(check(r, "federation.cache").fix())
                    .contains("/_synapse/admin/v1/federation/destinations/example.com/reset_connection");
        }
    }

    @Test
    void aCdnFrontedServerNameIsNamedWithWhatItMeansForPort8448() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).resolve("203.0.113.5", 8448, "127.0.0.1:" + closedPort());
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.status(404).withHeader("Server", "cloudflare").withHeader("CF-Ray", "8a1b2c3d4e5f-FRA"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.cdn")).as(describe(r)).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.cdn").summary()).contains("Cloudflare").contains("8448")
                    .contains("CF-Ray");
            assertThat(check(r, "federation.cdn").fix()).contains("example.com");
        }
    }

    @Test
    void noCdnSignNoCdnCheck() {
        try (TestWorld w = new TestWorld()) {
            Report r = delegated(w, Response.json(DELEGATION));
            assertThat(r.check("federation.cdn")).as(describe(r)).isEmpty();
            assertThat(r.check("federation.bot-filter")).isEmpty();
        }
    }

    @Test
    void aUserAgentDependent403IsReportedAsABotFilterAndSynapsesAnswerIsUsed() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/server", request ->
                    String.valueOf(request.header("User-Agent")).startsWith("Synapse/") ? Response.json(DELEGATION)
                            : Response.status(403).withBody("blocked"));
            w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.bot-filter")).as(describe(r)).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.bot-filter").summary()).contains("403").contains("Synapse/");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.WELL_KNOWN_EXPLICIT_PORT);
            assertThat(status(r, "federation.version")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void bothSrvNamesAreAskedAtOnceButALegacyRecordNeverReplacesAFailedLookup() {
        try (TestWorld w = new TestWorld()) {
            w.dns().drop("_matrix-fed._tcp.example.com")
                    .srv("_matrix._tcp.example.com", 10, 0, 8448, "legacy.example.com")
                    .a("legacy.example.com", "203.0.113.9");
            w.serve("example.com", 443).serve("203.0.113.9", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "*");
            Report r = EngineTestSupport.engine(w, java.time.Duration.ofSeconds(1)).check("example.com");
            assertThat(w.dns().queries()).as(describe(r)).contains("_matrix._tcp.example.com SRV");
            assertThat(status(r, "federation.srv")).isEqualTo(Status.FAIL);
            assertThat(w.https().requests(VERSION)).isEmpty();
        }
    }
}
