package dev.signpost.core.discovery;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Await;
import dev.signpost.testkit.HangingServer;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.lastRequest;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client lane judged the way clients do it (matrix-js-sdk in a browser, matrix-rust-sdk), and each check saying
 * where the spec, Element Web and Element X reach different outcomes.
 */
class ClientAsClientsDoTest {

    private static final String CLIENT = "/.well-known/matrix/client";
    private static final String VERSIONS = "/_matrix/client/versions";
    private static final String IDENTITY = "/_matrix/identity/v2";
    /**
     * How long a server below holds its answer until a request it depends on has arrived; released at once when it
     * does. Far under the per-request limit of {@link #PATIENT}, so a loaded machine cannot make it run out.
     */
    private static final Duration HOLD = Duration.ofSeconds(6);
    private static final Duration PATIENT = Duration.ofSeconds(10);

    /** example.com's web server on 443 and a homeserver's client API on matrix.example.com:443. */
    private static TestWorld world() {
        TestWorld w = new TestWorld();
        w.serve("example.com", 443).serve("matrix.example.com", 443);
        w.homeserver("example.com").installClient(w.https(), "matrix.example.com");
        return w;
    }

    private static Response file(String baseUrl) {
        return Response.json("{\"m.homeserver\":{\"base_url\":\"" + baseUrl + "\"}}").withCors();
    }

    private static Optional<ImplementationVerdict> verdict(Check check, String implementation) {
        return check.implementations().stream().filter(v -> v.id().equals(implementation)).findFirst();
    }

    private static AppVerdict app(Report r, String id) {
        return r.apps().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anIdentityServerAnsweringAnHtmlPageFails() {
        try (TestWorld w = world()) {
            w.serve("id.example.com", 443);
            w.https().route("id.example.com", "/_matrix/identity/v2", Response.html("<html>welcome</html>"));
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"},\"m.identity_server\":{\"base_url\":\"https://id.example.com\"}}")
                    .withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.identity")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.identity").summary()).contains("HTML");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_ERROR);
            // The fix names what is broken: the identity server, not the homeserver's base_url.
            assertThat(check(r, "client.well-known").fix()).contains("m.identity_server")
                    .doesNotContain("/_matrix/client/versions");
            // Element Web only warns; Element X does not use the identity server.
            assertThat(verdict(check(r, "client.identity"), "element-web")).get()
                    .extracting(ImplementationVerdict::status).isEqualTo(Status.WARN);
            assertThat(verdict(check(r, "client.well-known"), "element-x")).get()
                    .extracting(ImplementationVerdict::status).isEqualTo(Status.PASS);
            assertThat(verdict(check(r, "client.well-known"), "spec")).get()
                    .extracting(ImplementationVerdict::status).isEqualTo(Status.FAIL);
            assertThat(app(r, "element-x").status()).isNotEqualTo(Status.FAIL);
        }
    }

    @Test
    void onlyTheIdentityServerBrokenStillAsksTheHomeserverAndReportsTheIdentityCheck() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"},\"m.identity_server\":{}}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.versions")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "client.identity")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.identity").summary()).contains("m.identity_server");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_PROMPT);
            assertThat(w.https().requests(VERSIONS)).isNotEmpty();
        }
    }

    @Test
    void aLargeButValidClientFileIsRead() {
        try (TestWorld w = world()) {
            String padding = " ".repeat(80_000);
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"}," + padding + "\"org.example.note\":\"x\"}").withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.well-known")).isEqualTo(Status.PASS);
        }
    }

    @Test
    void aBaseUrlWithQueryAndFragmentIsUsedAsClientsRebuildIt() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, file("https://matrix.example.com/?x=1#top"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.versions")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(lastRequest(w, VERSIONS).target()).isEqualTo(VERSIONS);
            assertThat(check(r, "client.well-known").summary()).contains("https://matrix.example.com");
            assertThat(status(r, "client.well-known")).isEqualTo(Status.WARN);
        }
    }

    @Test
    void aBaseUrlWithSurroundingSpacesIsTrimmedLikeBrowsersDo() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, file("  https://matrix.example.com/ "));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.versions")).isEqualTo(Status.PASS);
            assertThat(check(r, "client.well-known").summary()).contains("spaces").doesNotContain("refuse");
        }
    }

    @Test
    void fifteenRedirectsAreFollowedAsBrowsersDo() {
        try (TestWorld w = world()) {
            for (int i = 0; i < 15; i++) {
                String next = i == 14 ? CLIENT : "/hop" + (i + 1);
                w.https().route("example.com", i == 0 ? CLIENT : "/hop" + i,
                        Response.redirect(302, "https://example.com" + (i == 14 ? "/final" : next)).withCors());
            }
            w.https().route("example.com", "/final", file("https://matrix.example.com"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
        }
    }

    @Test
    void behindARejectedCertificateCorsAndContentTypeAreNotReached() {
        try (TestWorld w = new TestWorld()) {
            // The default certificate is for 127.0.0.1, not example.com.
            w.resolve("example.com", 443, w.https().hostPort());
            w.https().route("example.com", CLIENT, file("https://matrix.example.com"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.well-known")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.well-known").summary()).contains("certificate");
            for (String id : new String[] {"client.cors", "client.content-type"}) {
                assertThat(status(r, id)).as(id).isEqualTo(Status.SKIP);
                assertThat(check(r, id).isNotReached()).as(id).isTrue();
            }
        }
    }

    @Test
    void aReadTimeoutNamesThePerRequestLimitInAProperSentence() {
        try (TestWorld w = new TestWorld();
             HangingServer hanging = HangingServer.afterTls(w.ca().leaf("example.com"))) {
            w.resolve("example.com", 443, "127.0.0.1:" + hanging.port());
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(1)).check("example.com");
            String summary = check(r, "client.well-known").summary();
            assertThat(summary).as(describe(r)).contains("within 1 s while waiting for the response")
                    .doesNotContain("overall limit");
        }
    }

    @Test
    void aHandshakeTimeoutSaysDuringTheHandshake() {
        try (TestWorld w = new TestWorld();
             HangingServer hanging = HangingServer.plain()) {
            w.resolve("example.com", 443, "127.0.0.1:" + hanging.port());
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(1)).check("example.com");
            assertThat(check(r, "client.well-known").summary()).as(describe(r))
                    .contains("within 1 s during the TLS handshake").doesNotContain("while the");
        }
    }

    @Test
    void anR0OnlyHomeserverPassesTheSpecButElementWebRefusesIt() {
        try (TestWorld w = world()) {
            w.https().route("matrix.example.com", VERSIONS, Response.json("{\"versions\":[\"r0.6.1\"]}").withCors());
            w.https().route("example.com", CLIENT, file("https://matrix.example.com"));
            Report r = EngineTestSupport.check(w, "example.com");
            Check versions = check(r, "client.versions");
            assertThat(versions.status()).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(verdict(versions, "element-web")).get().satisfies(v -> {
                assertThat(v.status()).isEqualTo(Status.FAIL);
                assertThat(v.summary()).contains("v1.1").contains("v1.13");
            });
            assertThat(app(r, "element-web").status()).isEqualTo(Status.FAIL);
            assertThat(app(r, "element-web").summary()).contains("versions");
        }
    }

    @Test
    void versionsWithoutCorsBreakElementWebOnly() {
        try (TestWorld w = world()) {
            w.https().route("matrix.example.com", VERSIONS,
                    Response.json("{\"versions\":[\"v1.12\"],\"unstable_features\":"
                            + "{\"org.matrix.simplified_msc3575\":true}}"));
            w.https().route("example.com", CLIENT, file("https://matrix.example.com"));
            Report r = EngineTestSupport.check(w, "example.com");
            Check versions = check(r, "client.versions");
            assertThat(versions.status()).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(verdict(versions, "element-web")).get().extracting(ImplementationVerdict::status)
                    .isEqualTo(Status.FAIL);
            assertThat(verdict(versions, "element-x")).isEmpty();
            assertThat(app(r, "element-web").status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void agreeingImplementationsAddNothing() {
        try (TestWorld w = world()) {
            w.https().route("example.com", CLIENT, file("https://matrix.example.com"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.checks()).as(describe(r)).allSatisfy(c -> assertThat(c.implementations()).as(c.id())
                    .isEmpty());
        }
    }

    @Test
    void aByteOrderMarkIsReadByTheBrowserOnly() {
        try (TestWorld w = world()) {
            byte[] json = "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[json.length + 3];
            body[0] = (byte) 0xef;
            body[1] = (byte) 0xbb;
            body[2] = (byte) 0xbf;
            System.arraycopy(json, 0, body, 3, json.length);
            w.https().route("example.com", CLIENT, Response.json("{}").withBody(body).withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            Check wk = check(r, "client.well-known");
            assertThat(wk.status()).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(wk.summary()).contains("browsers skip it");
            assertThat(verdict(wk, "element-web")).get().extracting(ImplementationVerdict::status)
                    .isEqualTo(Status.PASS);
        }
    }

    @Test
    void elementXFindsTheHomeserverOnTheServerNameWhenThereIsNoClientFile() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            w.homeserver("example.com").installClient(w.https(), "example.com");
            Report r = EngineTestSupport.check(w, "example.com");
            Check wk = check(r, "client.well-known");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.IGNORE);
            assertThat(verdict(wk, "element-x")).get().satisfies(v -> {
                assertThat(v.status()).isEqualTo(Status.WARN);
                assertThat(v.summary()).contains("https://example.com/_matrix/client/versions");
            });
        }
    }

    @Test
    void aNotFoundWithoutCorsIsADiscoveryErrorInTheBrowser() {
        try (TestWorld w = world()) {
            Report r = EngineTestSupport.check(w, "example.com");
            Check wk = check(r, "client.well-known");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.IGNORE);
            assertThat(verdict(wk, "element-web")).get().extracting(ImplementationVerdict::status)
                    .isEqualTo(Status.FAIL);
        }
    }

    @Test
    void aServerNameWithAPortIsReadOnThatPortByElementWeb() {
        try (TestWorld w = world()) {
            // The spec reads example.com:443, which has the file; js-sdk reads example.com:8448, which has none.
            w.serve("example.com", 8448);
            w.https().route("example.com", CLIENT, request -> "example.com".equals(request.host())
                    ? file("https://matrix.example.com") : Response.status(404).withCors());
            Report r = EngineTestSupport.check(w, "example.com:8448");
            Check wk = check(r, "client.well-known");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(verdict(wk, "element-web")).get().satisfies(v -> {
                assertThat(v.status()).isEqualTo(Status.FAIL);
                assertThat(v.summary()).contains("https://example.com:8448/.well-known/matrix/client");
            });
            assertThat(app(r, "element-web").status()).isEqualTo(Status.FAIL);
        }
    }

    /**
     * The identity server depends on the client file alone, so it is asked beside {@code /versions}, not after it
     * (three sequential round trips more). Here the homeserver answers {@code /versions} only once the identity
     * server has been asked, and refuses otherwise: a check asking one after the other fails the homeserver.
     */
    @Test
    void theIdentityServerIsAskedBesideTheHomeserverNotAfterIt() {
        try (TestWorld w = world()) {
            w.serve("id.example.com", 443);
            w.https().route("id.example.com", IDENTITY, TestHomeserver.identityResponder());
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"},\"m.identity_server\":{\"base_url\":\"https://id.example.com\"}}")
                    .withCors());
            w.https().route("matrix.example.com", VERSIONS, request -> Await.holdsWithin(HOLD,
                    () -> !w.https().requests(IDENTITY).isEmpty())
                    ? TestHomeserver.clientVersionsResponder().respond(request)
                    : Response.status(503).withCors());
            Report r = EngineTestSupport.engine(w, PATIENT).check("example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.SUCCESS);
            assertThat(status(r, "client.versions")).isEqualTo(Status.PASS);
            assertThat(status(r, "client.identity")).isEqualTo(Status.PASS);
            assertThat(check(r, "client.identity").summary()).contains("https://id.example.com");
        }
    }

    /** A homeserver that does not answer leaves the identity server unjudged, as before: the spec stops there. */
    @Test
    void aFailingHomeserverStillLeavesTheIdentityServerUnjudged() {
        try (TestWorld w = world()) {
            w.serve("id.example.com", 443);
            w.https().route("id.example.com", IDENTITY, TestHomeserver.identityResponder());
            w.https().route("example.com", CLIENT, Response.json("{\"m.homeserver\":{\"base_url\":"
                    + "\"https://matrix.example.com\"},\"m.identity_server\":{\"base_url\":\"https://id.example.com\"}}")
                    .withCors());
            w.https().route("matrix.example.com", VERSIONS, Response.status(503).withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.FAIL_ERROR);
            assertThat(status(r, "client.versions")).isEqualTo(Status.FAIL);
            assertThat(r.check("client.identity")).isEmpty();
            assertThat(r.hop("client.identity")).isEmpty();
        }
    }

    /**
     * For a server name with a port the federation lane reads no well-known and ends early, so Element X's
     * fallback is asked when the client lane starts, not after the client file failed. Here the web server answers
     * the client file (404, without CORS, so that Element Web disagrees and the verdicts are listed) only once the
     * fallback has been asked, and fails otherwise.
     */
    @Test
    void elementXsFallbackForAServerNameWithAPortIsAskedBesideTheClientFile() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443).serve("example.com", 8448);
            w.homeserver("example.com:8448").installFederation(w.https(), "example.com");
            w.https().route("example.com", VERSIONS, TestHomeserver.clientVersionsResponder());
            w.https().route("example.com", CLIENT, request -> !"example.com".equals(request.host())
                    ? Response.status(404).withCors()
                    : Await.holdsWithin(HOLD, () -> w.https().requests(VERSIONS).stream()
                            .anyMatch(v -> "example.com".equals(v.host())))
                    ? Response.status(404) : Response.status(500));
            Report r = EngineTestSupport.engine(w, PATIENT).check("example.com:8448");
            Check wk = check(r, "client.well-known");
            assertThat(r.client().state()).as(describe(r)).isEqualTo(ClientState.IGNORE);
            assertThat(verdict(wk, "element-x")).get().satisfies(v -> {
                assertThat(v.status()).isEqualTo(Status.WARN);
                assertThat(v.summary()).contains("https://example.com/_matrix/client/versions");
            });
        }
    }
}
