package dev.signpost.ui.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands its outcome back to the UI thread, fluently:
 * {@code tasks.create(() -> load()).onSuccess(show).onError(explain).andFinally(done).start()}.
 *
 * <p>Two executors are injected: {@code worker} runs the work (one pool of named daemon threads in the app),
 * {@code ui} runs the callbacks ({@code Platform::runLater} in the app). Tests pass {@link Runnable#run} for
 * both, so tasks run on the calling thread and view models are tested without the toolkit.
 */
public final class BackgroundTasks {

    private static final System.Logger LOG = System.getLogger(BackgroundTasks.class.getName());

    private final Executor worker;
    private final Executor ui;

    public BackgroundTasks(Executor worker, Executor ui) {
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Work and callbacks on the calling thread, for tests. */
    public static BackgroundTasks sameThread() {
        return new BackgroundTasks(Runnable::run, Runnable::run);
    }

    /** The executor callbacks run on (the UI thread in the app). */
    public Executor ui() {
        return ui;
    }

    /** The executor work runs on. */
    public Executor worker() {
        return worker;
    }

    /** Describes a task; nothing runs until {@link Builder#start()}. */
    public <T> Builder<T> create(Callable<T> work) {
        return new Builder<>(work);
    }

    /** A task being described. */
    public final class Builder<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = value -> { };
        private Consumer<Throwable> onError = error -> { };
        private Runnable onCancelled = () -> { };
        private Runnable andFinally = () -> { };

        private Builder(Callable<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        public Builder<T> onSuccess(Consumer<? super T> callback) {
            this.onSuccess = Objects.requireNonNull(callback);
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> callback) {
            this.onError = Objects.requireNonNull(callback);
            return this;
        }

        public Builder<T> onCancelled(Runnable callback) {
            this.onCancelled = Objects.requireNonNull(callback);
            return this;
        }

        public Builder<T> andFinally(Runnable callback) {
            this.andFinally = Objects.requireNonNull(callback);
            return this;
        }

        /** Submits the work; the returned future cancels it (interrupting the worker). */
        public Future<T> start() {
            FutureTask<T> task = new FutureTask<>(work) {
                @Override
                protected void done() {
                    ui.execute(this::deliver);
                }

                private void deliver() {
                    try {
                        if (isCancelled()) {
                            onCancelled.run();
                        } else {
                            onSuccess.accept(get());
                        }
                    } catch (CancellationException e) {
                        onCancelled.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        onCancelled.run();
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        LOG.log(System.Logger.Level.WARNING, "background task failed", cause);
                        onError.accept(cause);
                    } finally {
                        andFinally.run();
                    }
                }
            };
            worker.execute(task);
            return task;
        }
    }
}
