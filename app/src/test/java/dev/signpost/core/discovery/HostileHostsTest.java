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
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Hosts a server hands over that no client could use get a verdict with the reason, never a broken step. */
class HostileHostsTest {

    private static final String SERVER = "/.well-known/matrix/server";
    private static final String CLIENT = "/.well-known/matrix/client";

    private static void assertNoFault(Report r) {
        assertThat(r.check(DiscoveryEngine.FAULT_CHECK)).as(describe(r)).isEmpty();
        assertRequiredChecksPresent(r);
        assertThat(r.hasFailure()).isTrue();
    }

    @Test
    void aWellKnownRedirectToAZoneScopedAddressFailsTheWellKnownWithTheReason() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            w.https().route("example.com", SERVER, Response.redirect(302, "https://[fe80::1%25eth0]/.well-known/matrix/server"));
            w.https().route("example.com", CLIENT, Response.redirect(302, "https://[fe80::1%eth0]:8443/x"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertNoFault(r);
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known").summary()).contains("zone");
            assertThat(r.client().state()).isEqualTo(ClientState.FAIL_PROMPT);
            assertThat(check(r, "client.well-known").summary()).as(describe(r)).contains("zone");
        }
    }

    @Test
    void anMServerEndingInDigitsIsAWellKnownFailure() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            w.https().route("example.com", SERVER, Response.json("{\"m.server\":\"example.123\"}"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertNoFault(r);
            assertThat(status(r, "federation.well-known")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.well-known").summary()).contains("digits");
        }
    }

    @Test
    void aBaseUrlWithAnUnusableHostIsFailError() {
        for (String base : new String[] {"https://[fe80::1%25eth0]", "https://matrix.example.123",
                "https://-matrix.example.com", "https://203.0.113.300"}) {
            try (TestWorld w = new TestWorld()) {
                w.serve("example.com", 443);
                w.https().route("example.com", CLIENT,
                        Response.json("{\"m.homeserver\":{\"base_url\":\"" + base + "\"}}").withCors());
                Report r = EngineTestSupport.check(w, "example.com");
                assertNoFault(r);
                assertThat(r.client().state()).as(base + "\n" + describe(r)).isEqualTo(ClientState.FAIL_ERROR);
                assertThat(check(r, "client.well-known").summary()).as(base).contains(base)
                        .containsAnyOf("cannot be used", "no valid host name");
            }
        }
    }

    @Test
    void aRedirectToANumericHostIsARedirectFailure() {
        try (TestWorld w = new TestWorld()) {
            w.serve("example.com", 443);
            w.https().route("example.com", SERVER, Response.redirect(301, "https://example.123/x"));
            Report r = EngineTestSupport.check(w, "example.com");
            assertNoFault(r);
            assertThat(check(r, "federation.well-known").summary()).contains("redirect");
        }
    }
}
