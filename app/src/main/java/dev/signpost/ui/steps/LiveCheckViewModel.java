package dev.signpost.ui.steps;

import dev.signpost.core.model.Report;
import dev.signpost.core.plan.PlanComparison;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * The live check: runs the engine on the server name (or the domain typed on the start page), shows the chain and
 * the checks as they arrive and, on the set-up path, how what is live compares with the plan. Next waits until the
 * check finished or was cancelled.
 */
public final class LiveCheckViewModel implements StepModel {

    private final WizardSession session;
    private final CheckRunner runner;
    private final Texts texts;
    private final Consumer<String> rememberDomain;
    private final ObservableList<PlanComparison.Finding> findings = FXCollections.observableArrayList();
    private final BooleanBinding canAdvance;

    /** @param rememberDomain adds a checked domain to the recent list */
    public LiveCheckViewModel(WizardSession session, CheckRunner runner, Texts texts, Consumer<String> rememberDomain) {
        this.session = session;
        this.runner = runner;
        this.texts = texts;
        this.rememberDomain = rememberDomain;
        canAdvance = Bindings.createBooleanBinding(() -> !runner.runningProperty().get(), runner.runningProperty());
        runner.reportProperty().addListener((obs, old, report) -> onReport(report));
    }

    /** The domain this page checks. */
    public String domain() {
        return session.isSetUp() ? session.draft().serverName.get().strip() : session.checkDomainProperty().get();
    }

    /**
     * Every visit checks again: the page says "right now", and between two visits the plan, the DNS or the web
     * server may have changed.
     */
    @Override
    public void enter() {
        if (!runner.runningProperty().get()) {
            start();
        }
    }

    /** Runs (or re-runs) the check. */
    public void start() {
        String domain = domain();
        findings.clear();
        rememberDomain.accept(domain);
        runner.start(domain);
    }

    private void onReport(Report report) {
        findings.clear();
        if (report == null) {
            return;
        }
        session.firstReportProperty().set(report);
        if (session.isSetUp()) {
            findings.setAll(PlanComparison.compare(session.draft().toPlan(), report, texts.locale()));
        }
    }

    @Override
    public void cancel() {
        runner.cancel();
    }

    @Override
    public ObservableBooleanValue busy() {
        return runner.runningProperty();
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return canAdvance;
    }

    public CheckRunner runner() {
        return runner;
    }

    /** Live versus plan, on the set-up path. */
    public ObservableList<PlanComparison.Finding> findings() {
        return findings;
    }

    public boolean isSetUp() {
        return session.isSetUp();
    }

    /** The path chosen on the start page. */
    public javafx.beans.value.ObservableValue<WizardPath> pathProperty() {
        return session.pathProperty();
    }

    /** The advanced network settings this page's check uses, or empty for the system's network. */
    public javafx.beans.value.ObservableStringValue networkNote() {
        return session.networkNoteProperty();
    }
}
