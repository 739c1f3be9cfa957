package dev.signpost.core.discovery;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lanes of one check share their DNS answers: a name the client lane resolved is not resolved again by the
 * federation lane, the server name is resolved once for all well-known files, and the AAAA behind a CNAME is not
 * asked again when the answer already said there is none. Each such repeat was a sequential round trip.
 */
class SharedResolutionTest {

    /**
     * example.com (203.0.113.1) serves both well-knowns; the client's base_url and the server delegation both name
     * matrix.example.com (203.0.113.5), reached by DNS (addresses mapped, names not), as a user's check is.
     */
    private static void delegation(TestWorld w, String mServer) {
        w.dns().a("example.com", "203.0.113.1").a("matrix.example.com", "203.0.113.5");
        w.serve("203.0.113.1", 443, "example.com").serve("203.0.113.5", 443, "matrix.example.com")
                .serve("203.0.113.5", 8448, "matrix.example.com");
        w.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}}").withCors());
        w.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\": \"" + mServer + "\"}"));
        w.homeserver("example.com").installClient(w.https(), "matrix.example.com");
        w.homeserver("example.com").installFederation(w.https(), "matrix.example.com");
    }

    private static List<String> repeated(List<String> queries) {
        Set<String> seen = new HashSet<>();
        return queries.stream().filter(q -> !seen.add(q)).toList();
    }

    @Test
    void everyNameIsAskedOnceAcrossTheLanes() {
        try (TestWorld w = new TestWorld()) {
            delegation(w, "matrix.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_DEFAULT_PORT);
            assertThat(status(r, "federation.version")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.keys")).isEqualTo(Status.PASS);
            assertThat(r.federation().addresses()).containsExactly("203.0.113.5");
            assertThat(status(r, "client.versions")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(w.dns().queries()).contains("example.com A", "matrix.example.com A",
                    "_matrix-fed._tcp.matrix.example.com SRV", "_matrix._tcp.matrix.example.com SRV");
            assertThat(repeated(w.dns().queries())).as("questions asked more than once").isEmpty();
        }
    }

    @Test
    void theDefaultPortReusesTheAddressesFoundForTheWellKnown() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.1").a("matrix.example.com", "203.0.113.5");
            w.serve("203.0.113.1", 443, "example.com").serve("203.0.113.1", 8448, "example.com")
                    .serve("203.0.113.5", 443, "matrix.example.com");
            w.https().route("example.com", "/.well-known/matrix/client",
                    Response.json("{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}}").withCors());
            w.homeserver("example.com").installClient(w.https(), "matrix.example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.DEFAULT_PORT);
            assertThat(status(r, "federation.version")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(w.dns().queries()).filteredOn(q -> q.equals("example.com A")).hasSize(1);
            assertThat(repeated(w.dns().queries())).as("questions asked more than once").isEmpty();
        }
    }

    @Test
    void theAaaaOfACnameTargetIsNotAskedAfterTheAnswerSaidThereIsNone() {
        try (TestWorld w = new TestWorld()) {
            delegation(w, "fed.example.com:8448");
            w.dns().cname("fed.example.com", "hs.example.net").a("hs.example.net", "203.0.113.9");
            w.serve("203.0.113.9", 8448, "fed.example.com");
            w.homeserver("example.com").installFederation(w.https(), "fed.example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.federation().method()).as(describe(r)).isEqualTo(FederationMethod.WELL_KNOWN_EXPLICIT_PORT);
            assertThat(r.federation().addresses()).containsExactly("203.0.113.9");
            assertThat(status(r, "federation.version")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(w.dns().queries()).contains("fed.example.com A", "fed.example.com AAAA")
                    .doesNotContain("hs.example.net A", "hs.example.net AAAA");
        }
    }
}
