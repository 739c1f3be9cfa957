package dev.signpost.ui.steps;

import dev.signpost.core.model.CheckCounts;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The done page: what was set up, how it checks out now, and the report to keep. */
public final class DoneViewModel implements StepModel {

    private final WizardSession session;
    private final StringProperty closing = new javafx.beans.property.SimpleStringProperty("");
    private final List<ReportFormat> formats;
    private final Texts texts;
    private final Consumer<DelegationPlan> rememberPlan;
    private final ObservableList<String> summary = FXCollections.observableArrayList();
    private final StringProperty headline = new SimpleStringProperty("");
    private final FileWork work;
    private final StringProperty message;
    private final StringProperty error;
    private final BooleanProperty busy;

    /**
     * @param formats      the report formats this build can export
     * @param rememberPlan stores the finished plan in the settings
     */
    public DoneViewModel(WizardSession session, List<ReportFormat> formats, BackgroundTasks tasks, Texts texts,
                         Consumer<DelegationPlan> rememberPlan) {
        this.session = session;
        this.formats = List.copyOf(formats);
        this.texts = texts;
        this.work = new FileWork(tasks);
        this.message = work.message();
        this.error = work.error();
        this.busy = work.busy();
        this.rememberPlan = rememberPlan;
    }

    /** The report the page speaks about: the verify run if there was one, else the live check. */
    public Report finalReport() {
        Report after = session.isSetUp() ? session.verifyReportProperty().get() : null;
        return after != null ? after : session.firstReportProperty().get();
    }

    @Override
    public void enter() {
        Report report = finalReport();
        Status overall = report == null ? Status.SKIP : report.overall();
        summary.clear();
        if (session.isSetUp()) {
            DelegationPlan plan = session.draft().toPlan();
            rememberPlan.accept(plan);
            session.unsavedProperty().set(false);
            summary.add(texts.get("wizard.done.summary.serverName", plan.serverName()));
            if (plan.federationMode() == FederationMode.DIRECT) {
                summary.add(texts.get("wizard.done.summary.direct"));
            } else {
                summary.add(texts.get("wizard.done.summary.federation." + plan.federationMode().name(),
                        plan.federationAuthority()));
            }
            summary.add(texts.get("wizard.done.summary.baseUrl", plan.clientBaseUrl()));
            headline.set(texts.get("wizard.done.headline.setUp." + overall.jsonName(), plan.serverName()));
            closing.set(texts.get("wizard.done.closing"));
        } else {
            String domain = session.checkDomainProperty().get();
            headline.set(texts.get("wizard.done.headline.check." + overall.jsonName(), domain));
            // Only a typed plan is remembered; a checked domain goes to the recent list.
            closing.set(texts.get("wizard.done.closing.check"));
        }
        if (!session.networkNoteProperty().get().isEmpty()) {
            summary.add(session.networkNoteProperty().get());
        }
        if (report != null) {
            CheckCounts counts = report.counts();
            summary.add(texts.get("wizard.done.summary.checks", counts.total(), counts.failed(), counts.warned()));
        }
    }

    /** Writes the final report in {@code format} to {@code target}. */
    public void export(ReportFormat format, Path target) {
        Report report = finalReport();
        if (report == null) {
            error.set(texts.get("wizard.done.export.noReport"));
            return;
        }
        work.run(() -> {
            FileSaver.write(target, format.renderer().render(report));
            return texts.get("wizard.done.export.saved", target);
        }, why -> texts.get("wizard.done.export.failed", why), () -> { });
    }

    public List<ReportFormat> formats() {
        return formats;
    }

    public ObservableList<String> summary() {
        return summary;
    }

    /** The last line of the page: what is remembered and how to close. */
    public javafx.beans.property.ReadOnlyStringProperty closingProperty() {
        return closing;
    }

    /**
     * Where a report is saved unless the user picks another folder: the Documents folder when there is one, else the
     * home folder; never the working directory the app happened to be started in.
     */
    public static java.nio.file.Path defaultExportFolder(String userHome) {
        java.nio.file.Path home = java.nio.file.Path.of(userHome);
        java.nio.file.Path documents = home.resolve("Documents");
        return java.nio.file.Files.isDirectory(documents) ? documents : home;
    }

    /** {@code signpost-<domain>.<ext>}, so reports of several domains do not overwrite each other. */
    public String suggestedFileName(ReportFormat format) {
        Report report = finalReport();
        String name = report == null ? "report" : report.asciiServerName().replaceAll("[^A-Za-z0-9.-]", "_");
        return "signpost-" + name + "." + format.extension();
    }

    public StringProperty headlineProperty() {
        return headline;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty errorProperty() {
        return error;
    }

    @Override
    public ObservableBooleanValue busy() {
        return busy;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return Bindings.createBooleanBinding(() -> false);
    }
}
