package dev.signpost.ui.task;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.ReportListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Receives engine events on the engine's threads and hands them to the UI thread in batches: however many events
 * arrive while one hand-over is pending, they travel together in one {@code Platform.runLater}, so a burst of
 * hops never floods the UI thread. The one hand-over of the live path: the check pages' runner and the chain
 * diagram both use it.
 */
public final class BatchingReportListener implements ReportListener {

    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor ui;
    private final Consumer<List<Object>> onBatch;

    /**
     * @param ui      the UI thread's executor
     * @param onBatch receives {@link Hop} and {@link Check} events in arrival order, on the UI thread
     */
    public BatchingReportListener(Executor ui, Consumer<List<Object>> onBatch) {
        this.ui = ui;
        this.onBatch = onBatch;
    }

    @Override
    public void onHop(Hop hop) {
        enqueue(hop);
    }

    @Override
    public void onCheck(Check check) {
        enqueue(check);
    }

    private void enqueue(Object event) {
        pending.add(event);
        if (scheduled.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    /** Delivers what is pending now; also called on the UI thread before the final report is shown. */
    public void drain() {
        scheduled.set(false);
        List<Object> batch = new ArrayList<>();
        Object event;
        while ((event = pending.poll()) != null) {
            batch.add(event);
        }
        if (!batch.isEmpty()) {
            onBatch.accept(batch);
        }
    }
}
