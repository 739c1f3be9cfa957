package dev.signpost.core.deploy;

import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.PlanComparison;
import dev.signpost.core.text.Texts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * After an upload, checks the live server exactly as Matrix servers and clients would, and compares what they
 * find with the plan: the one step the wizard and the command line run once the files are in place.
 */
public final class LiveVerifier {

    private final Discovery discovery;
    private final Locale locale;
    private final Texts texts;

    public LiveVerifier(Discovery discovery, Locale locale) {
        this.discovery = discovery;
        this.locale = locale;
        this.texts = new Texts("dev.signpost.core.deploy.messages", locale);
    }

    /** Runs a check of the plan's server name (blocking, at most {@code timeout}) and compares it with the plan. */
    public LiveCheckResult verify(DelegationPlan plan, ReportListener listener, Duration timeout,
                                  Cancellation cancellation) {
        CheckRun run = discovery.start(plan.serverName(), listener == null ? ReportListener.NONE : listener);
        try (AutoCloseable ignored = cancellation.onCancel(run::cancel)) {
            return compare(plan, run.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            run.cancel();
            return new LiveCheckResult(null, List.of(), texts.get("live.timeout", timeout.toSeconds()));
        } catch (CancellationException e) {
            return new LiveCheckResult(null, List.of(), texts.get("cancelled"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
            return new LiveCheckResult(null, List.of(), texts.get("cancelled"));
        } catch (ExecutionException e) {
            return new LiveCheckResult(null, List.of(), texts.get("live.failed", String.valueOf(e.getCause())));
        } catch (Exception e) {
            return new LiveCheckResult(null, List.of(), texts.get("live.failed", e.toString()));
        }
    }

    /** Compares a finished report with the plan ({@link PlanComparison}); pure, so it is tested without a network. */
    public LiveCheckResult compare(DelegationPlan plan, Report report) {
        List<String> differences = new ArrayList<>(PlanComparison.differences(plan, report, locale));
        if (report.hasFailure()) {
            differences.add(texts.get("live.failures"));
        }
        return new LiveCheckResult(report, differences, null);
    }
}
