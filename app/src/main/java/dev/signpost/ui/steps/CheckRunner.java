package dev.signpost.ui.steps;

import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.CheckCounts;
import dev.signpost.core.model.Report;
import dev.signpost.core.report.ShownValues;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.task.BatchingReportListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs one live check at a time and mirrors it in observable state: the hops (a hop with a known id replaces the
 * earlier one), the checks, the final report, and a status line. Engine events reach the UI thread in batches.
 * Used by the live-check and verify pages.
 */
public final class CheckRunner {

    /** Time of day of a result, so a page can show how fresh it is. */
    private static final DateTimeFormatter CHECKED_AT =
            DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    private final Supplier<Discovery> discovery;
    private final Executor ui;
    private final Texts texts;

    private final ObservableList<Hop> hops = FXCollections.observableArrayList();
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ObjectProperty<Report> report = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty statusLine = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();

    private CheckRun run;
    /** Events and results of an older run are ignored once a newer one started or it was cancelled. */
    private int generation;

    public CheckRunner(Supplier<Discovery> discovery, Executor ui, Texts texts) {
        this.discovery = discovery;
        this.ui = ui;
        this.texts = texts;
    }

    /** Starts checking {@code domain}, cancelling any check still running. Call on the UI thread. */
    public void start(String domain) {
        cancelQuietly();
        int mine = ++generation;
        hops.clear();
        checks.clear();
        report.set(null);
        error.set(null);
        running.set(true);
        statusLine.set(texts.get("wizard.check.status.running", domain));
        BatchingReportListener listener = new BatchingReportListener(ui, batch -> {
            if (mine == generation) {
                apply(batch);
            }
        });
        try {
            run = discovery.get().start(domain, listener);
        } catch (RuntimeException e) {
            finish(mine, null, e);
            return;
        }
        run.result().whenComplete((result, failure) -> ui.execute(() -> {
            listener.drain();
            finish(mine, result, failure);
        }));
    }

    /** Stops the running check; what was found so far stays visible. */
    public void cancel() {
        if (running.get()) {
            cancelQuietly();
            generation++;
            running.set(false);
            statusLine.set(texts.get("wizard.check.status.cancelled"));
        }
    }

    private void cancelQuietly() {
        if (run != null) {
            run.cancel();
            run = null;
        }
    }

    private void apply(List<Object> batch) {
        for (Object event : batch) {
            if (event instanceof Hop hop) {
                replaceOrAdd(ShownValues.hop(hop));
            } else if (event instanceof Check check) {
                checks.removeIf(existing -> existing.id().equals(check.id()));
                checks.add(ShownValues.check(check));
            }
        }
    }

    private void replaceOrAdd(Hop hop) {
        for (int i = 0; i < hops.size(); i++) {
            if (hops.get(i).id().equals(hop.id())) {
                hops.set(i, hop);
                return;
            }
        }
        hops.add(hop);
    }

    private void finish(int mine, Report result, Throwable failure) {
        if (mine != generation) {
            return;
        }
        run = null;
        running.set(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            statusLine.set(texts.get("wizard.check.status.cancelled"));
        } else if (cause != null || result == null) {
            String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
            error.set(texts.get("wizard.check.error", message));
            statusLine.set(texts.get("wizard.check.status.failed"));
        } else {
            hops.setAll(result.hops().stream().map(ShownValues::hop).toList());
            checks.setAll(result.checks().stream().map(ShownValues::check).toList());
            report.set(result);
            CheckCounts counts = result.counts();
            long passed = counts.passed();
            long skipped = counts.skipped() + counts.notReached();
            statusLine.set(texts.get("wizard.check.status.done." + result.overall().jsonName(),
                    result.serverName(), passed, skipped) + " " + texts.get("wizard.check.status.checkedAt",
                    CHECKED_AT.withLocale(texts.locale()).format(result.checkedAt())));
        }
    }

    public ObservableList<Hop> hops() {
        return hops;
    }

    public ObservableList<Check> checks() {
        return checks;
    }

    public ReadOnlyObjectProperty<Report> reportProperty() {
        return report;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine;
    }

    /** A sentence when the check could not run at all, else null. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}
