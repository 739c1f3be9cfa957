package dev.signpost.core.discovery;

import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.JwtServiceStub;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.ModernHomeserver.Transports;
import org.junit.jupiter.api.Test;

import static dev.signpost.core.discovery.AppsWorld.CALLS;
import static dev.signpost.core.discovery.AppsWorld.app;
import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.hop;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** client.rtc: transports, flags, rtc_foci and the LiveKit JWT service, each outcome against stubs. */
class RtcChecksTest {

    private static final String SERVICE = "https://" + CALLS + "/livekit/jwt";

    private static ModernHomeserver calls() {
        return new ModernHomeserver().flags(ModernHomeserver.SLIDING_SYNC, ModernHomeserver.RTC,
                ModernHomeserver.DELAYED_EVENTS).transports(Transports.ROUTED);
    }

    @Test
    void aWorkingCallServicePasses() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls()).foci(SERVICE);
            JwtServiceStub.install(w.world.https(), CALLS, "/livekit/jwt", JwtServiceStub.Mode.ALIVE);
            Report r = w.check();
            assertThat(status(r, "client.rtc")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(check(r, "client.rtc").summary()).contains(SERVICE);
            assertThat(hop(r, RtcJudge.LIVEKIT + 1).status()).isEqualTo(Status.PASS);
            assertThat(hop(r, RtcJudge.LIVEKIT + 1).parentId()).isEqualTo(RtcJudge.FOCI);
            assertThat(app(r, "element-call").status()).isEqualTo(Status.PASS);
            assertThat(w.world.https().requests(JwtServiceStub.SFU_PATH.replace("/sfu", "/livekit/jwt/sfu")))
                    .isNotEmpty();
        }
    }

    @Test
    void aServiceWithoutCorsBlocksBrowsers() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls()).foci(SERVICE);
            JwtServiceStub.install(w.world.https(), CALLS, "/livekit/jwt", JwtServiceStub.Mode.NO_CORS);
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.rtc").summary()).contains("Access-Control-Allow-Origin");
            assertThat(check(r, "client.rtc").fix()).contains(CALLS);
            assertThat(app(r, "element-call").summary()).isEqualTo(
                    "Element Call: works, with a problem — the call service is only partly set up");
        }
    }

    @Test
    void aMissingServiceFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls()).foci(SERVICE);
            JwtServiceStub.install(w.world.https(), CALLS, "/livekit/jwt", JwtServiceStub.Mode.MISSING);
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("does not answer like a LiveKit JWT service");
            assertThat(check(r, "client.rtc").fix()).contains(SERVICE);
            assertThat(app(r, "element-call").summary()).startsWith("Element Call: calls fail");
        }
    }

    @Test
    void anUnreachableServiceFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls()).foci("https://nowhere.example.net");
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("cannot be reached");
        }
    }

    @Test
    void aProxyPageOnTheTransportsEndpointFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls().transports(Transports.HTML));
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("Current Element Call cannot find");
            assertThat(hop(r, RtcJudge.TRANSPORTS).status()).isEqualTo(Status.FAIL);
        }
    }

    @Test
    void onlyTheWellKnownFociIsAWarning() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls().transports(Transports.NONE).flags(ModernHomeserver.SLIDING_SYNC,
                    ModernHomeserver.DELAYED_EVENTS)).foci(SERVICE);
            JwtServiceStub.install(w.world.https(), CALLS, "/livekit/jwt", JwtServiceStub.Mode.ALIVE);
            Report r = w.check();
            assertThat(status(r, "client.rtc")).as(describe(r)).isEqualTo(Status.WARN);
            assertThat(check(r, "client.rtc").fix()).contains("msc4143_enabled");
        }
    }

    @Test
    void aFlagWithoutAnyServiceFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls().transports(Transports.NONE));
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("MISSING_MATRIX_RTC_FOCUS");
            assertThat(check(r, "client.rtc").fix()).contains("https://example.com/.well-known/matrix/client");
        }
    }

    @Test
    void anHttpServiceUrlFails() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls()).foci("http://" + CALLS);
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("not https");
        }
    }

    @Test
    void aMalformedFociIsExplained() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls()).wellKnown(",\"org.matrix.msc4143.rtc_foci\":{\"type\":\"livekit\"}");
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.FAIL);
            assertThat(check(r, "client.rtc").summary()).contains("not a list");
        }
    }

    @Test
    void withoutDelayedEventsCallsWarn() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls().flags(ModernHomeserver.SLIDING_SYNC, ModernHomeserver.RTC)).foci(SERVICE);
            JwtServiceStub.install(w.world.https(), CALLS, "/livekit/jwt", JwtServiceStub.Mode.ALIVE);
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.rtc").summary()).contains("org.matrix.msc4140");
            assertThat(check(r, "client.rtc").fix()).contains("max_event_delay_duration");
        }
    }

    @Test
    void routedTransportsWithoutAWellKnownServicePassAndSayWhatWasNotSeen() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls());
            Report r = w.check();
            assertThat(status(r, "client.rtc")).as(describe(r)).isEqualTo(Status.PASS);
            assertThat(check(r, "client.rtc").summary()).contains("only be read signed in");
        }
    }

    @Test
    void routedTransportsThatAreNotAnnouncedWarn() {
        try (AppsWorld w = new AppsWorld()) {
            w.modern(calls().flags(ModernHomeserver.SLIDING_SYNC, ModernHomeserver.DELAYED_EVENTS));
            Report r = w.check();
            assertThat(status(r, "client.rtc")).isEqualTo(Status.WARN);
            assertThat(check(r, "client.rtc").summary()).contains("does not announce org.matrix.msc4143");
        }
    }
}
