package dev.signpost.ui.steps;

import dev.signpost.ui.task.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * A page's file work (saving generated files, exporting a report) on a worker: the page is busy meanwhile, the last
 * error is cleared when it starts, and it ends in one sentence: what was done, or why it failed. Shared by the files
 * and done pages.
 */
final class FileWork {

    private final BackgroundTasks tasks;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty();
    private final StringProperty error = new SimpleStringProperty();

    FileWork(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    /**
     * Runs {@code work}, whose result is the sentence saying what it did; {@code failed} turns the failure's own
     * words into the sentence shown instead; {@code afterSuccess} runs on the UI thread after a success.
     */
    void run(Callable<String> work, Function<String, String> failed, Runnable afterSuccess) {
        busy.set(true);
        error.set(null);
        tasks.create(work)
                .onSuccess(done -> {
                    message.set(done);
                    afterSuccess.run();
                })
                .onError(e -> error.set(failed.apply(messageOf(e))))
                .andFinally(() -> busy.set(false))
                .start();
    }

    /** A failure's own words, or its kind when it has none. */
    static String messageOf(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    BooleanProperty busy() {
        return busy;
    }

    StringProperty message() {
        return message;
    }

    StringProperty error() {
        return error;
    }
}
