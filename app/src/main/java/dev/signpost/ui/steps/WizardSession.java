package dev.signpost.ui.steps;

import dev.signpost.core.model.Report;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Everything one run of the wizard knows, shared by the step view models: the path chosen, the plan being typed,
 * the domain being checked and the reports seen. One instance per window; no globals.
 */
public final class WizardSession {

    private final PlanDraft draft = new PlanDraft();
    private final ObjectProperty<WizardPath> path = new SimpleObjectProperty<>(WizardPath.SET_UP);
    private final StringProperty checkDomain = new SimpleStringProperty("");
    private final ObjectProperty<Report> firstReport = new SimpleObjectProperty<>();
    private final ObjectProperty<Report> verifyReport = new SimpleObjectProperty<>();
    private final BooleanProperty unsaved = new SimpleBooleanProperty();
    private final StringProperty networkNote = new SimpleStringProperty("");

    public WizardSession() {
        for (var field : draft.fields()) {
            field.addListener(observable -> unsaved.set(true));
        }
    }

    public PlanDraft draft() {
        return draft;
    }

    public ObjectProperty<WizardPath> pathProperty() {
        return path;
    }

    /** The domain the live check looks at: the server name on the set-up path, the typed domain otherwise. */
    public StringProperty checkDomainProperty() {
        return checkDomain;
    }

    /** The report of the live check (the "before" of the verify page). */
    public ObjectProperty<Report> firstReportProperty() {
        return firstReport;
    }

    /** The report of the verify page (the "after"). */
    public ObjectProperty<Report> verifyReportProperty() {
        return verifyReport;
    }

    /** True when the user typed something not yet saved as files or uploaded. */
    public BooleanProperty unsavedProperty() {
        return unsaved;
    }

    /** What the checks use instead of the system's network (DNS server, CAs, resolve overrides), or empty. */
    public StringProperty networkNoteProperty() {
        return networkNote;
    }

    public boolean isSetUp() {
        return path.get() == WizardPath.SET_UP;
    }
}
