package dev.signpost.core.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Works through a list with a small fixed number of parallel workers instead of one task per item: per-address
 * work holds sockets, buffers and a thread each, so "every address at once" grows with what DNS answered. Each
 * worker takes the next item when it is done with one; results keep the order of the items.
 */
final class BoundedFanOut {

    /** Items worked on at once: enough for the usual one to four addresses per family to run side by side. */
    static final int PARALLEL = 8;

    private BoundedFanOut() {
    }

    /**
     * Applies {@code work} to every item, at most {@link #PARALLEL} at a time, and waits for all. A step that
     * throws fails the whole call (the run context has already recorded the fault).
     */
    static <T, R> List<R> map(RunContext ctx, List<T> items, Function<T, R> work) {
        Object[] results = new Object[items.size()];
        AtomicInteger next = new AtomicInteger();
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int w = 0; w < Math.min(PARALLEL, items.size()); w++) {
            workers.add(ctx.async(() -> {
                for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                    results[i] = work.apply(items.get(i));
                }
                return null;
            }));
        }
        workers.forEach(CompletableFuture::join);
        @SuppressWarnings("unchecked")
        List<R> ordered = (List<R>) Arrays.asList(results);
        return ordered;
    }
}
