package dev.signpost.core.discovery;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** What DNS answers cannot make unbounded: the addresses checked per family and the addresses worked on at once. */
class AddressBoundsTest {

    /** {@code v4} A and {@code v6} AAAA records for the name, every one sent to the test server. */
    private static TestWorld world(int v4, int v6) {
        TestWorld w = new TestWorld();
        w.serve("example.com", 443);
        for (int i = 1; i <= v4; i++) {
            w.dns().a("example.com", "203.0.113." + i);
            w.serve("203.0.113." + i, 8448, "example.com");
        }
        for (int i = 1; i <= v6; i++) {
            w.dns().aaaa("example.com", "2001:db8::" + i);
            w.serve("2001:db8::" + i, 8448, "example.com");
        }
        w.homeserver("example.com").installFederation(w.https(), "example.com");
        return w;
    }

    @Test
    void atMostEightAddressesOfEachFamilyAreCheckedAndTheRestAreCounted() {
        try (TestWorld w = world(12, 10)) {
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.dns")).isEqualTo(Status.WARN);
            assertThat(check(r, "federation.dns").summary())
                    .contains("4 more IPv4 and 2 more IPv6 address(es) of example.com were not checked")
                    .contains("203.0.113.8").doesNotContain("203.0.113.9,").doesNotContain("2001:db8::9");
            assertThat(check(r, "federation.dns").fix()).contains("example.com");
            assertThat(r.hops().stream().map(Hop::id).filter(id -> id.startsWith("fed.addr."))).hasSize(16);
            assertThat(status(r, "federation.tls")).isEqualTo(Status.PASS);
            assertThat(w.https().requests("/_matrix/federation/v1/version")).hasSize(16);
            assertThat(r.federation().addresses()).hasSize(16);
        }
    }

    @Test
    void eightAddressesOrFewerAreAllCheckedWithoutANote() {
        try (TestWorld w = world(8, 8)) {
            Report r = EngineTestSupport.check(w, "example.com");
            assertThat(status(r, "federation.dns")).isEqualTo(Status.PASS);
            assertThat(check(r, "federation.dns").summary()).doesNotContain("not checked");
            assertThat(w.https().requests("/_matrix/federation/v1/version")).hasSize(16);
        }
    }

    @Test
    void noMoreThanEightAddressesAreWorkedOnAtOnce() {
        try (TestWorld w = world(8, 8)) {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CountDownLatch never = new CountDownLatch(1);
            // Each version request is held a moment, so that all the addresses allowed at once are inside together.
            w.https().route("example.com", "/_matrix/federation/v1/version", request -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    never.await(400, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
                return Response.json("{\"server\":{\"name\":\"Synapse\",\"version\":\"1.120.0\"}}");
            });
            Report r = EngineTestSupport.engine(w, Duration.ofSeconds(8)).check("example.com");
            assertThat(w.https().requests("/_matrix/federation/v1/version")).hasSize(16);
            assertThat(most.get()).as("version requests at the same time").isBetween(2, BoundedFanOut.PARALLEL);
            assertThat(status(r, "federation.version")).isEqualTo(Status.PASS);
        }
    }
}
