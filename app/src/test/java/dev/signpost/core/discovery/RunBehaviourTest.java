package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Await;
import dev.signpost.testkit.HangingServer;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.signpost.core.discovery.EngineTestSupport.assertRequiredChecksPresent;
import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a run behaves for its front-ends: live events, the immutable report, cancel, invalid names. */
class RunBehaviourTest {

    @Test
    void hopsArePublishedRunningThenFinalAndChecksAsTheyComplete() {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            List<Hop> hops = new CopyOnWriteArrayList<>();
            List<Check> checks = new CopyOnWriteArrayList<>();
            Report r = EngineTestSupport.engine(w, EngineTestSupport.TIMEOUT).start("example.com", new ReportListener() {
                @Override
                public void onHop(Hop hop) {
                    hops.add(hop);
                }

                @Override
                public void onCheck(Check check) {
                    checks.add(check);
                }
            }).result().join();
            Map<String, List<Status>> byId = new ConcurrentHashMap<>();
            hops.forEach(h -> byId.computeIfAbsent(h.id(), k -> new CopyOnWriteArrayList<>()).add(h.status()));
            assertThat(byId.get("fed.version.203.0.113.5")).containsExactly(Status.RUNNING, Status.PASS);
            assertThat(byId.get("fed.well-known").get(0)).isEqualTo(Status.RUNNING);
            assertThat(checks.stream().map(Check::id)).contains("federation.tls", "client.cors");
            assertThat(r.hops()).noneMatch(h -> h.status() == Status.RUNNING);
            assertThat(r.hops().stream().map(Hop::id)).doesNotHaveDuplicates();
            assertThat(r.hops(dev.signpost.core.model.Lane.FEDERATION).get(0).id()).isEqualTo("fed.server-name");
            assertThat(r.hops(dev.signpost.core.model.Lane.CLIENT).get(0).id()).isEqualTo("client.start");
            assertThat(r.checks().get(0).id()).isEqualTo("federation.server-name");
            assertThat(r.hop("fed.version.203.0.113.5").orElseThrow().label()).isEqualTo("Synapse 1.120.0");
        }
    }

    @Test
    void anInvalidServerNameGivesAReportNotAnException() throws Exception {
        try (TestWorld w = new TestWorld()) {
            Report r = EngineTestSupport.check(w, "https://example.com");
            assertThat(status(r, "federation.server-name")).isEqualTo(Status.FAIL);
            assertThat(check(r, "federation.server-name").summary()).contains("https://");
            assertRequiredChecksPresent(r);
            assertThat(w.dns().queries()).isEmpty();
        }
    }

    @Test
    void cancelStopsARunPromptly() throws Exception {
        try (TestWorld w = new TestWorld(); HangingServer hanging = HangingServer.plain()) {
            w.dns().a("example.com", "203.0.113.5");
            w.resolve("example.com", 443, "127.0.0.1:" + hanging.port())
                    .resolve("203.0.113.5", 8448, "127.0.0.1:" + hanging.port());
            CheckRun run = EngineTestSupport.engine(w, Duration.ofSeconds(30)).start("example.com", ReportListener.NONE);
            Await.until(Duration.ofSeconds(10), "the check connects to the hanging server", () -> hanging.accepted() > 0);
            run.cancel();
            assertThatThrownBy(() -> run.result().get(2, TimeUnit.SECONDS))
                    .isInstanceOf(CancellationException.class);
            // The result is cancelled synchronously, so the above cannot fail; what shows that the work stopped is
            // the network: every connection the check opened is closed well within its 30 s timeout.
            Await.until(Duration.ofSeconds(2), "every connection closed after cancel (open: "
                    + hanging.accepted() + ")", () -> hanging.hungUp() == hanging.accepted());
            run.cancel();
        }
    }

    @Test
    void theReportIsImmutable() {
        try (TestWorld w = new TestWorld()) {
            Report r = EngineTestSupport.check(w, "example.com");
            assertThatThrownBy(() -> r.checks().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> r.hops().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void sentencesFollowTheLocale() throws Exception {
        try (TestWorld w = new TestWorld()) {
            w.dns().servfail("_matrix-fed._tcp.example.com");
            Report r = DiscoveryEngine.create(w.netOptions(EngineTestSupport.TIMEOUT), java.util.Locale.GERMAN)
                    .check("example.com");
            assertThat(check(r, "federation.srv").summary()).contains("DNS-Fehler");
            assertThat(check(r, "federation.srv").fix()).contains("DNS-Anbieter");
        }
    }
}
