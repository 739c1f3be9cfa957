package dev.signpost.ui;

import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A {@link Discovery} for view-model tests that replays a fixed report: every hop and check is published, then the
 * run completes. With {@code hold} set, the run stays open until {@link #release()} so Cancel can be tested.
 */
public final class ReplayDiscovery implements Discovery {

    private final Function<String, Report> reports;
    private final boolean hold;
    private CompletableFuture<Report> pending;
    private Report pendingReport;
    private int starts;

    public ReplayDiscovery(Function<String, Report> reports, boolean hold) {
        this.reports = reports;
        this.hold = hold;
    }

    /** Replays the engine's stored report of {@code world}, whatever name is asked for. */
    public static ReplayDiscovery of(FixtureWorld world, boolean hold) {
        return new ReplayDiscovery(name -> EngineFixtures.report(world), hold);
    }

    @Override
    public CheckRun start(String serverName, ReportListener listener) {
        starts++;
        Report report = reports.apply(serverName);
        for (Hop hop : report.hops()) {
            listener.onHop(hop);
        }
        for (Check check : report.checks()) {
            listener.onCheck(check);
        }
        CompletableFuture<Report> future = new CompletableFuture<>();
        if (hold) {
            pending = future;
            pendingReport = report;
        } else {
            future.complete(report);
        }
        return new CheckRun() {
            @Override
            public CompletableFuture<Report> result() {
                return future;
            }

            @Override
            public void cancel() {
                future.cancel(true);
            }
        };
    }

    /** Completes a held run. */
    public void release() {
        pending.complete(pendingReport);
    }

    public int starts() {
        return starts;
    }
}
