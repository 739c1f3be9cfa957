package dev.signpost.ui.steps;

import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.Status;
import dev.signpost.ui.ReplayDiscovery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.signpost.ui.steps.StepsTestSupport.EN;
import static org.assertj.core.api.Assertions.assertThat;

class CheckRunnerTest {

    @Test
    void showsTheFinalReport() {
        CheckRunner runner = new CheckRunner(() -> ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false), Runnable::run, EN);
        Report stored = EngineFixtures.report(FixtureWorld.NO_DELEGATION);
        runner.start("example.com");
        assertThat(runner.runningProperty().get()).isFalse();
        assertThat(runner.reportProperty().get()).isSameAs(stored);
        assertThat(runner.hops()).extracting(Hop::id)
                .containsExactlyElementsOf(stored.hops().stream().map(Hop::id).toList());
        assertThat(runner.checks()).filteredOn(c -> c.status() == Status.FAIL).extracting(c -> c.id())
                .containsExactly("federation.dns");
        assertThat(runner.statusLineProperty().get()).startsWith("example.com: something fails");
    }

    @Test
    void aHopWithAKnownIdReplacesTheRunningOne() {
        List<ReportListener> listeners = new ArrayList<>();
        CompletableFuture<Report> result = new CompletableFuture<>();
        Discovery discovery = (name, listener) -> {
            listeners.add(listener);
            return run(result);
        };
        CheckRunner runner = new CheckRunner(() -> discovery, Runnable::run, EN);
        runner.start("example.com");
        assertThat(runner.runningProperty().get()).isTrue();
        listeners.get(0).onHop(hop("fed.well-known", Status.RUNNING));
        listeners.get(0).onHop(hop("fed.srv", Status.RUNNING));
        listeners.get(0).onHop(hop("fed.well-known", Status.FAIL));
        assertThat(runner.hops()).extracting(Hop::id).containsExactly("fed.well-known", "fed.srv");
        assertThat(runner.hops().get(0).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void eventsArriveInBatchesOnTheUiExecutor() {
        List<Runnable> uiQueue = new ArrayList<>();
        List<ReportListener> listeners = new ArrayList<>();
        Discovery discovery = (name, listener) -> {
            listeners.add(listener);
            return run(new CompletableFuture<>());
        };
        CheckRunner runner = new CheckRunner(() -> discovery, uiQueue::add, EN);
        runner.start("example.com");
        for (int i = 0; i < 50; i++) {
            listeners.get(0).onHop(hop("fed.addr." + i, Status.PASS));
        }
        assertThat(uiQueue).as("one hand-over for the whole burst").hasSize(1);
        assertThat(runner.hops()).isEmpty();
        uiQueue.remove(0).run();
        assertThat(runner.hops()).hasSize(50);
    }

    @Test
    void cancelStopsTheRunAndIgnoresItsLateEvents() {
        ReplayDiscovery discovery = ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, true);
        CheckRunner runner = new CheckRunner(() -> discovery, Runnable::run, EN);
        runner.start("example.com");
        assertThat(runner.runningProperty().get()).isTrue();
        runner.cancel();
        assertThat(runner.runningProperty().get()).isFalse();
        assertThat(runner.statusLineProperty().get()).startsWith("Check cancelled");
        assertThat(runner.reportProperty().get()).isNull();
    }

    @Test
    void anEngineFailureBecomesASentence() {
        Discovery broken = (name, listener) -> run(CompletableFuture.failedFuture(new IllegalStateException("resolver gone")));
        CheckRunner runner = new CheckRunner(() -> broken, Runnable::run, EN);
        runner.start("example.com");
        assertThat(runner.errorProperty().get()).isEqualTo("resolver gone");
        assertThat(runner.statusLineProperty().get()).isEqualTo("The check could not run.");
        assertThat(runner.runningProperty().get()).isFalse();
    }

    private static CheckRun run(CompletableFuture<Report> result) {
        return new CheckRun() {
            @Override
            public CompletableFuture<Report> result() {
                return result;
            }

            @Override
            public void cancel() {
                result.cancel(true);
            }
        };
    }

    private static Hop hop(String id, Status status) {
        return new Hop(id, Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, null, id, status, null, true, null, List.of(),
                Duration.ZERO);
    }
}
