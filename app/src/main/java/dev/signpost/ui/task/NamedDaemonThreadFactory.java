package dev.signpost.ui.task;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Threads named {@code <prefix>-<n>}, daemon so an open check never keeps the JVM alive after the window closes,
 * with an uncaught-exception handler so a programming error is reported instead of vanishing.
 */
public final class NamedDaemonThreadFactory implements ThreadFactory {

    private final String prefix;
    private final BiConsumer<Thread, Throwable> uncaught;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedDaemonThreadFactory(String prefix, BiConsumer<Thread, Throwable> uncaught) {
        this.prefix = prefix;
        this.uncaught = uncaught;
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(uncaught::accept);
        return thread;
    }
}
