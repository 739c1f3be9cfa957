package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The deploy page's one SSH run at a time (install, upload or rollback) mirrored in observable state: the progress
 * sentence, one line per stage, the outcome, and whether there is something to roll back. Results from a run that was
 * replaced or stopped are ignored.
 */
final class SshRunState {

    private final Texts texts;
    private final Executor ui;
    private final BooleanProperty uploading = new SimpleBooleanProperty();
    private final BooleanProperty uploaded = new SimpleBooleanProperty();
    private final BooleanProperty canRollBack = new SimpleBooleanProperty();
    private final StringProperty progress = new SimpleStringProperty("");
    private final StringProperty uploadError = new SimpleStringProperty();
    private final StringProperty serverLines = new SimpleStringProperty("");
    private final ObservableList<String> stages = FXCollections.observableArrayList();
    private SshUpload.Running running;
    private boolean installing;
    private boolean rollingBack;
    private boolean stopping;

    SshRunState(Texts texts, Executor ui) {
        this.texts = texts;
        this.ui = ui;
    }

    /**
     * Starts a run against {@code host}: an install (which may have to put the old state back when stopped), an
     * upload, or a rollback of the last upload.
     */
    void start(String host, boolean install, boolean rollback, Function<Consumer<String>, SshUpload.Running> how) {
        installing = install;
        rollingBack = rollback;
        if (!rollback) {
            uploaded.set(false);
            canRollBack.set(false);
        }
        uploading.set(true);
        stopping = false;
        uploadError.set(null);
        serverLines.set("");
        stages.clear();
        progress.set(texts.get("wizard.deploy.ssh.connecting", host));
        Consumer<String> onProgress = sentence -> ui.execute(() -> {
            if (!uploading.get()) {
                return;
            }
            // While stopping, the stages still show what the core does (putting files back), under "Stopping".
            if (!stopping) {
                progress.set(sentence);
            }
            if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(sentence)) {
                stages.add(sentence);
            }
        });
        SshUpload.Running run = how.apply(onProgress);
        running = run;
        run.result().whenComplete((outcome, failure) -> ui.execute(() -> finish(run, outcome, failure)));
    }

    private String cancelledSentence() {
        return texts.get(rollingBack ? "wizard.deploy.rollback.cancelled" : "wizard.deploy.ssh.cancelled");
    }

    private void finish(SshUpload.Running run, SshUpload.Outcome outcome, Throwable failure) {
        if (run != running) {
            return;
        }
        running = null;
        uploading.set(false);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof CancellationException) {
            progress.set(cancelledSentence());
        } else if (cause != null) {
            progress.set("");
            uploadError.set(FileWork.messageOf(cause));
        } else if (outcome.ok() && rollingBack) {
            progress.set(outcome.message());
            // The uploaded files are gone from the server again, so there is nothing left to roll back or verify.
            canRollBack.set(false);
            uploaded.set(false);
        } else if (outcome.ok()) {
            progress.set(outcome.message());
            uploaded.set(true);
            canRollBack.set(outcome.backupsKept());
        } else {
            progress.set("");
            uploadError.set(outcome.message());
            serverLines.set(outcome.serverLines());
        }
    }

    /**
     * Stops the run. An upload stops at its next chunk and leaves nothing half-written, so the page is free at once;
     * an install may have to put the previous configuration back, so the page waits for its result, which says in
     * what state the server is.
     */
    void cancel() {
        SshUpload.Running run = running;
        if (run == null) {
            return;
        }
        run.cancel();
        if (installing) {
            stopping = true;
            progress.set(texts.get("wizard.deploy.setup.stopping"));
            return;
        }
        running = null;
        uploading.set(false);
        progress.set(cancelledSentence());
    }

    BooleanProperty uploading() {
        return uploading;
    }

    BooleanProperty uploaded() {
        return uploaded;
    }

    BooleanProperty canRollBack() {
        return canRollBack;
    }

    StringProperty progress() {
        return progress;
    }

    StringProperty uploadError() {
        return uploadError;
    }

    StringProperty serverLines() {
        return serverLines;
    }

    ObservableList<String> stages() {
        return stages;
    }
}
