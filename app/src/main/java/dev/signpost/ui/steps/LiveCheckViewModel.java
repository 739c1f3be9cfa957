package dev.signpost.ui.steps;

import dev.signpost.core.model.Report;
import dev.signpost.core.plan.PlanComparison;
import dev.signpost.core.text.Texts;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * The live check: runs the engine on the server name (or the domain typed on the start page), shows the chain and
 * the checks as they arrive and, on the set-up path, how what is live compares with the plan. Next waits until the
 * check finished or was cancelled.
 */
public final class LiveCheckViewModel extends CheckStepModel {

    private final Texts texts;
    private final Consumer<String> rememberDomain;
    private final ObservableList<PlanComparison.Finding> findings = FXCollections.observableArrayList();

    /** @param rememberDomain adds a checked domain to the recent list */
    public LiveCheckViewModel(WizardSession session, CheckRunner runner, Texts texts, Consumer<String> rememberDomain) {
        super(session, runner);
        this.texts = texts;
        this.rememberDomain = rememberDomain;
    }

    /** Runs (or re-runs) the check. */
    @Override
    public void start() {
        String domain = domain();
        findings.clear();
        rememberDomain.accept(domain);
        runner().start(domain);
    }

    @Override
    void onReport(Report report) {
        findings.clear();
        if (report == null) {
            return;
        }
        session().firstReportProperty().set(report);
        if (session().isSetUp()) {
            findings.setAll(PlanComparison.compare(session().draft().toPlan(), report, texts.locale()));
        }
    }

    /** Live versus plan, on the set-up path. */
    public ObservableList<PlanComparison.Finding> findings() {
        return findings;
    }

    public boolean isSetUp() {
        return session().isSetUp();
    }

    /** The path chosen on the start page. */
    public javafx.beans.value.ObservableValue<WizardPath> pathProperty() {
        return session().pathProperty();
    }
}
