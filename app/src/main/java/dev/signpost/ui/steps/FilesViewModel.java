package dev.signpost.ui.steps;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The files page: the generated well-known files and configs for the plan, each saved on its own or all at once to
 * a folder. Generation and writing run off the UI thread.
 */
public final class FilesViewModel implements StepModel {

    private final WizardSession session;
    private final FileSource source;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private final ObservableList<PlannedFile> files = FXCollections.observableArrayList();
    private final FileWork work;
    private final BooleanProperty busy;
    private final StringProperty message;
    private final StringProperty error;
    private final BooleanBinding canAdvance;
    private DelegationPlan generatedFor;

    public FilesViewModel(WizardSession session, FileSource source, BackgroundTasks tasks, Texts texts) {
        this.session = session;
        this.source = source;
        this.tasks = tasks;
        this.texts = texts;
        this.work = new FileWork(tasks);
        this.busy = work.busy();
        this.message = work.message();
        this.error = work.error();
        canAdvance = Bindings.createBooleanBinding(() -> !files.isEmpty(), files);
    }

    @Override
    public void enter() {
        DelegationPlan plan = session.draft().toPlan();
        if (!plan.equals(generatedFor)) {
            generate(plan);
        }
    }

    private void generate(DelegationPlan plan) {
        busy.set(true);
        error.set(null);
        message.set(null);
        tasks.create(() -> source.generate(plan))
                .onSuccess(result -> {
                    generatedFor = plan;
                    files.setAll(result);
                })
                .onError(e -> {
                    files.clear();
                    error.set(texts.get("wizard.files.generateFailed", FileWork.messageOf(e)));
                })
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** Notes that a file went to the clipboard. */
    public void copied(PlannedFile file) {
        message.set(texts.get("wizard.files.copied", file.path()));
    }

    /** Saves one file to {@code target}. */
    public void save(PlannedFile file, Path target) {
        run(() -> {
            FileSaver.write(target, file.content());
            return texts.get("wizard.files.saved", target);
        });
    }

    /** Saves every file under {@code folder} at its relative path. */
    public void saveAll(Path folder) {
        List<PlannedFile> snapshot = List.copyOf(files);
        run(() -> texts.get("wizard.files.savedAll", FileSaver.writeAll(folder, snapshot), folder));
    }

    private void run(java.util.concurrent.Callable<String> save) {
        work.run(save, why -> texts.get("wizard.files.saveFailed", why), () -> session.unsavedProperty().set(false));
    }

    public ObservableList<PlannedFile> files() {
        return files;
    }

    /** What the last save did, or null. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Why generation or saving failed, or null. */
    public StringProperty errorProperty() {
        return error;
    }

    @Override
    public ObservableBooleanValue busy() {
        return busy;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return canAdvance;
    }
}
