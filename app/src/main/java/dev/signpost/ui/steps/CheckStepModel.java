package dev.signpost.ui.steps;

import dev.signpost.core.model.Report;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * A page that runs the live check (the check page and the verify page): it checks again on every visit, since
 * between two visits the plan, the DNS or the web server may have changed, and Next waits until the check finished
 * or was cancelled.
 */
public abstract class CheckStepModel implements StepModel {

    private final WizardSession session;
    private final CheckRunner runner;
    private final BooleanBinding canAdvance;

    CheckStepModel(WizardSession session, CheckRunner runner) {
        this.session = session;
        this.runner = runner;
        canAdvance = Bindings.createBooleanBinding(() -> !runner.runningProperty().get(), runner.runningProperty());
        runner.reportProperty().addListener((obs, old, report) -> onReport(report));
    }

    /** The domain checked: the planned server name on the set-up path, else the one typed on the start page. */
    public String domain() {
        return session.isSetUp() ? session.draft().serverName.get().strip() : session.checkDomainProperty().get();
    }

    /** Runs (or re-runs) the check. */
    public abstract void start();

    /** A check finished ({@code report}), or a new one started ({@code null}). */
    abstract void onReport(Report report);

    @Override
    public void enter() {
        if (!runner.runningProperty().get()) {
            start();
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

    /** The advanced network settings this page's check uses, or empty for the system's network. */
    public ObservableStringValue networkNote() {
        return session.networkNoteProperty();
    }

    WizardSession session() {
        return session;
    }
}
