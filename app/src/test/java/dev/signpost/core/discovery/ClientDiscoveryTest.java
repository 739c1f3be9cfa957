package dev.signpost.core.discovery;

import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
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

/** The client lane: every state of the spec's client discovery, CORS and Content-Type, identity, support. */
class ClientDiscoveryTest {

    private static final String CLIENT = "/.well-known/matrix/client";
    private static final String GOOD = "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}";

    /** example.com's web server on 443 and a homeserver's client API on matrix.example.com:443. */
    private static TestWorld world() {
        TestWorld w = new TestWorld();
        w.serve("example.com", 443).serve("matrix.example.com", 443);
        w.homeserver("example.com").installClient(w.https(), "matrix.example.com");
        return w;
    }

    @Test
    void aWorkingClientFileWithoutCorsMarksItsHopForBrowsers() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.json(GOOD));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.cors")).isEqualTo(Status.FAIL);
            assertThat(hop(r, "client.well-known").status()).isEqualTo(Status.WARN);
            assertThat(hop(r, "client.well-known").detail()).contains("Access-Control-Allow-Origin");
        }
    }

    @Test
    void successWithCorsAndJson() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.json(GOOD).withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(r.client().baseUrl()).isEqualTo("https://matrix.example.com");
            assertThat(status(r, "client.well-known")).isEqualTo(Status.PASS);
            assertThat(hop(r, "client.well-known").status()).isEqualTo(Status.PASS);
            assertThat(status(r, "client.cors")).isEqualTo(Status.PASS);
            assertThat(status(r, "client.content-type")).isEqualTo(Status.PASS);
            assertThat(status(r, "client.versions")).isEqualTo(Status.PASS);
            assertThat(hop(r, "client.versions").detail()).contains("v1.12");
            assertThat(lastRequest(w, "/_matrix/client/versions").host()).isEqualTo("matrix.example.com");
            assertThat(lastRequest(w, "/_matrix/client/versions").sni()).isEqualTo("matrix.example.com");
            assertRequiredChecksPresent(r);
        }
    }

    @Test
    void notFoundIsIgnore() {
        try (TestWorld w = world()) {
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.IGNORE);
            assertThat(r.client().httpStatus()).isEqualTo(404);
            assertThat(status(r, "client.well-known")).isEqualTo(Status.WARN);
            assertThat(status(r, "client.cors")).isEqualTo(Status.SKIP);
            assertThat(status(r, "client.versions")).isEqualTo(Status.SKIP);
        }
    }

    @Test
    void invalidJsonIsFailPrompt() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.json("{not json").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_PROMPT);
            assertThat(status(r, "client.well-known")).isEqualTo(Status.FAIL);
            assertThat(status(r, "client.versions")).isEqualTo(Status.SKIP);
        }
    }

    @Test
    void aServerErrorIsFailPrompt() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.json(500, "{}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_PROMPT);
            assertThat(check(r, "client.well-known").summary()).contains("500");
        }
    }

    @Test
    void anHtmlPageIsFailPromptAndNamed() {
        try (TestWorld w = world()) {
            w.https().catchAllHtml();
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_PROMPT);
            assertThat(check(r, "client.well-known").summary()).contains("HTML");
            assertThat(status(r, "client.content-type")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.content-type").summary()).contains("text/html");
        }
    }

    @Test
    void aBaseUrlWithoutMatrixBehindItIsFailError() {
        try (TestWorld w = world()) {
            w.serve("wrong.example.com", 443);
            w.https().route("example.com", CLIENT,
                    Response.json("{\"m.homeserver\":{\"base_url\":\"https://wrong.example.com/\"}}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_ERROR);
            assertThat(status(r, "client.versions")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.versions").summary()).contains("404");
            assertThat(status(r, "client.well-known")).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void aBaseUrlWithoutSchemeIsFailError() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT,
                    Response.json("{\"m.homeserver\":{\"base_url\":\"matrix.example.com\"}}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_ERROR);
            // Only Element X's fallback on the server name itself is asked, never a guess at the broken base_url.
            assertThat(w.https().requests("/_matrix/client/versions"))
                    .allSatisfy(q -> assertThat(q.host()).isEqualTo("example.com"));
        }
    }

    @Test
    void aMissingBaseUrlIsFailPrompt() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{}}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_PROMPT);
        }
    }

    @Test
    void aBrokenIdentityServerIsFailError() {
        try (TestWorld w = world()) {
            w.serve("id.example.com", 443);
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"},\"m.identity_server\":{\"base_url\":\"https://id.example.com\"}}")
                    .withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_ERROR);
            assertThat(status(r, "client.identity")).isEqualTo(Status.FAIL);
            assertThat(r.client().identityServerUrl()).isEqualTo("https://id.example.com");
        }
    }

    @Test
    void aWorkingIdentityServerPasses() {
        try (TestWorld w = world()) {
            w.serve("id.example.com", 443);
            w.homeserver("example.com").installClient(w.https(), "id.example.com");
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"},\"m.identity_server\":{\"base_url\":\"https://id.example.com\"}}")
                    .withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.identity")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void corsMissingFailsAndTextPlainWarnsAsSeparateChecks() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.text(GOOD));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.cors")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.cors").fix()).contains("Access-Control-Allow-Origin: *");
            assertThat(status(r, "client.content-type")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.content-type").summary()).contains("text/plain");
        }
    }

    @Test
    void aRedirectWithoutCorsWarns() {
        try (TestWorld w = world()) {
            w.serve("www.example.com", 443);
            w.https().route("example.com", CLIENT, Response.redirect(301, "https://www.example.com" + CLIENT));
            w.https().route("www.example.com", CLIENT, Response.json(GOOD).withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.cors")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.cors").summary()).contains("redirect");
        }
    }

    @Test
    void aSupportFileIsValidated() {
        try (TestWorld w = world()) {
            w.https().route("example.com", "/.well-known/matrix/support", Response.json(
                    "{\"contacts\":[{\"matrix_id\":\"@admin:example.com\",\"role\":\"m.role.admin\"}]}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.support")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(hop(r, "client.support").status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void noSupportFileIsSkipped() {
        try (TestWorld w = world()) {
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.support")).isEqualTo(Status.SKIP);
        }
    }
}
