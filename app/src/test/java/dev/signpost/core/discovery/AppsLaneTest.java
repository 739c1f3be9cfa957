package dev.signpost.core.discovery;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.ModernHomeserver.Auth;
import dev.signpost.testkit.ModernHomeserver.Media;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import static dev.signpost.core.discovery.AppsWorld.app;
import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.hop;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Sliding sync, sign-in, media and the per-app summary against homeservers that vary per test. */
class AppsLaneTest {

    @Test
    void aCurrentHomeserverWithoutSignInServiceOrCallsWorksForEveryApp() {
        try (AppsWorld w = new AppsWorld()) {
            Report r = w.check();
            assertThat(status(r, "client.sliding-sync")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "client.auth")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(check(r, "client.auth").summary()).contains("handled by the homeserver itself");
            assertThat(status(r, "client.rtc")).isEqualTo(Status.SKIP);
            assertThat(check(r, "client.rtc").summary()).contains("No call service is set up");
            assertThat(status(r, "client.media")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(status(r, "federation.media")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(check(r, "federation.media").summary()).contains("M_MISSING_TOKEN");
            assertThat(r.hasFailure()).as(describe(r)).isFalse();
            assertThat(r.apps()).extracting(a -> a.id() + "=" + a.status()).containsExactly("element-web=PASS",
                    "element-x=PASS", "element-call=SKIP", "federation=PASS");
            assertThat(app(r, "element-call").summary()).isEqualTo("Element Call: no call service is set up");
            assertThat(app(r, "element-x").checkIds()).contains("client.sliding-sync", "client.auth");
            assertThat(r.hops(Lane.APPS)).extracting(Hop::id).contains(AppsLane.ROOT, AppsLane.FLAGS,
                    AuthJudge.STABLE, AuthJudge.UNSTABLE, RtcJudge.TRANSPORTS, AppsLane.CLIENT_MEDIA,
                    AppsLane.FEDERATION_MEDIA);
            assertThat(w.world.https().requests(ModernHomeserver.AUTH_STABLE_PATH))
                    .allMatch(q -> q.header("Authorization") == null);
        }
    }

    @Test
    void withoutSlidingSyncElementXCannotConnect() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().flags());
            Report r = w.check();
            assertThat(status(r, "client.sliding-sync")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.sliding-sync").summary()).contains("Element X cannot use this homeserver");
            assertThat(check(r, "client.sliding-sync").fix()).contains(AppsWorld.HS);
            assertThat(app(r, "element-x").status()).isEqualTo(Status.FAIL);
            assertThat(app(r, "element-x").summary()).isEqualTo("Element X: cannot connect — sliding sync is off");
            assertThat(app(r, "element-web").status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void theRetiredSlidingSyncProxyKeyIsAWarning() {
        try (AppsWorld w = new AppsWorld()) {
            w.wellKnown(",\"org.matrix.msc3575.proxy\":{\"url\":\"https://slidingsync.example.com\"}");
            Report r = w.check();
            assertThat(status(r, "client.sliding-sync")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.sliding-sync").summary()).contains("retired sliding-sync proxy")
                    .contains("https://slidingsync.example.com");
            assertThat(check(r, "client.sliding-sync").fix()).contains("https://example.com/.well-known/matrix/client");
            assertThat(app(r, "element-x").status()).isEqualTo(Status.WARN);
        }
    }

    @Test
    void validMetadataNamesTheSignInService() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.VALID).issuer("https://account.example.com/"));
            Report r = w.check();
            assertThat(status(r, "client.auth")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(check(r, "client.auth").summary()).contains("https://account.example.com/");
            assertThat(hop(r, AuthJudge.ISSUER).label()).isEqualTo("https://account.example.com/");
            assertThat(hop(r, AuthJudge.ISSUER).status()).isEqualTo(Status.PASS);
        }
    }

    @Test
    void plainHttpMetadataMakesElementXRefuseSignIn() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.HTTP_URLS));
            Report r = w.check();
            assertThat(status(r, "client.auth")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.auth").summary()).contains("Element X refuses to sign in")
                    .contains("http://[::]:8080/");
            assertThat(check(r, "client.auth").fix()).contains("http://[::]:8080/").contains("public_base");
            assertThat(app(r, "element-x").summary()).startsWith("Element X: cannot connect — sign-in");
        }
    }

    @Test
    void metadataMissingRequiredFieldsFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.INVALID));
            Report r = w.check();
            assertThat(status(r, "client.auth")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.auth").summary()).contains("token_endpoint").contains("S256");
        }
    }

    @Test
    void aProxyPageOnTheMetadataPathsLeavesAppsUndecided() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.HTML));
            Report r = w.check();
            assertThat(status(r, "client.auth")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.auth").summary()).contains("cannot tell how to sign in").contains("404");
            assertThat(check(r, "client.auth").fix()).contains("M_UNRECOGNIZED").contains(AppsWorld.HS);
            assertThat(app(r, "element-web").status()).isEqualTo(Status.FAIL);
            assertThat(app(r, "element-x").status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void aServerErrorOnTheMetadataPathsFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.world.https().route(AppsWorld.HS, ModernHomeserver.AUTH_STABLE_PATH, Response.status(502));
            w.world.https().route(AppsWorld.HS, ModernHomeserver.AUTH_UNSTABLE_PATH, Response.status(502));
            Report r = w.check();
            assertThat(status(r, "client.auth")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.auth").summary()).contains("502");
        }
    }

    @Test
    void theUnstablePathClientsUseOnSynapseMustAnswerToo() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.STABLE_ONLY));
            Report r = w.check();
            assertThat(status(r, "client.auth")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.auth").summary()).contains("org.matrix.msc2965");
        }
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.STABLE_ONLY).versions("v1.14", "v1.15"));
            Report r = w.check();
            assertThat(status(r, "client.auth")).as(describe(r)).isEqualTo(Status.WARN);
        }
    }

    @Test
    void aWellKnownIssuerThatDiffersFromTheMetadataIsAWarning() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().auth(Auth.VALID).issuer("https://auth.example.com/"));
            w.wellKnown(",\"org.matrix.msc2965.authentication\":{\"issuer\":\"https://old-auth.example.com/\"}");
            Report r = w.check();
            assertThat(status(r, "client.auth")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.auth").summary()).contains("https://old-auth.example.com/");
            assertThat(check(r, "client.auth").fix()).contains("https://example.com/.well-known/matrix/client")
                    .contains("https://auth.example.com/");
        }
    }

    @Test
    void aWellKnownIssuerWithoutMetadataFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.wellKnown(",\"org.matrix.msc2965.authentication\":{\"issuer\":\"https://auth.example.com/\"}");
            Report r = w.check();
            assertThat(status(r, "client.auth")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.auth").summary()).contains("https://auth.example.com/");
        }
    }

    @Test
    void aProxyRoutingOnlyLegacyMediaBreaksImages() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().media(Media.HTML));
            Report r = w.check();
            assertThat(status(r, "client.media")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.media").summary()).contains("/_matrix/client/v1/media/config")
                    .contains("not the homeserver");
            assertThat(check(r, "client.media").fix()).contains(AppsWorld.HS).contains("/_matrix/client/v1/media");
            assertThat(app(r, "element-web").summary()).isEqualTo(
                    "Element Web: cannot connect — images and files do not load");
        }
    }

    @Test
    void aHomeserverWithoutAuthenticatedMediaIsAWarning() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(new ModernHomeserver().media(Media.OLD));
            Report r = w.check();
            assertThat(status(r, "client.media")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.media").summary()).contains("authenticated media");
        }
    }

    @Test
    void federationMediaBehindAProxyPageFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.world.https().route(AppsWorld.HS, ModernHomeserver.FEDERATION_MEDIA_PATH,
                    ModernHomeserver.htmlNotFound());
            Report r = w.check();
            assertThat(status(r, "federation.media")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.media").fix()).contains("/_matrix/federation/v1/media");
            assertThat(app(r, "federation").status()).isEqualTo(Status.FAIL);
            assertThat(app(r, "federation").summary()).contains("media cannot be fetched over federation");
        }
    }

    @Test
    void aProxyAnsweringHtmlForEveryUnknownPathFailsEachModernCheck() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443).serve(AppsWorld.HS, 443);
            w.https().fallback(ModernHomeserver.proxyHtml404());
            w.https().route("example.com", "/.well-known/matrix/client", Response.json(
                    "{\"m.homeserver\":{\"base_url\":\"https://" + AppsWorld.HS + "\"}}").withCors());
            w.https().route(AppsWorld.HS, "/_matrix/client/versions",
                    Response.json(new ModernHomeserver().flags(ModernHomeserver.RTC).versionsJson()).withCors());
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "client.auth")).as(describe(r)).isEqualTo(Status.FAIL);
            assertThat(status(r, "client.media")).isEqualTo(Status.FAIL);
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("rtc/transports");
            assertThat(status(r, "client.sliding-sync")).isEqualTo(Status.WARN);
        }
    }

    @Test
    void withoutAHomeserverUrlEveryModernCheckIsSkippedWithAReason() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            Report r = EngineTestSupport.check(w, "example.com");
            for (String id : AppsLane.CHECK_IDS) {
                assertThat(check(r, id).status()).as(id).isEqualTo(Status.SKIP);
                assertThat(check(r, id).summary()).as(id).startsWith("Not checked");
            }
            assertThat(r.apps()).hasSize(4);
        }
    }
}
