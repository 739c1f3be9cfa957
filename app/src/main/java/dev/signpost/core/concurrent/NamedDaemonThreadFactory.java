package dev.signpost.core.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The one factory for Signpost's threads: named {@code <prefix>-<n>} so a thread dump says what is what, daemon so
 * an open check never keeps the JVM alive after the window closes, with an uncaught-exception handler so a
 * programming error is reported instead of vanishing.
 */
public final class NamedDaemonThreadFactory implements ThreadFactory {

    private final String prefix;
    private final BiConsumer<Thread, Throwable> uncaught;
    private final AtomicInteger counter = new AtomicInteger();

    public NamedDaemonThreadFactory(String prefix, BiConsumer<Thread, Throwable> uncaught) {
        this.prefix = prefix;
        this.uncaught = uncaught;
    }

    /** Threads whose uncaught exceptions go to the support log. */
    public NamedDaemonThreadFactory(String prefix) {
        this(prefix, NamedDaemonThreadFactory::log);
    }

    @Override
    public Thread newThread(Runnable runnable) {
        Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(uncaught::accept);
        return thread;
    }

    private static void log(Thread thread, Throwable error) {
        System.getLogger(NamedDaemonThreadFactory.class.getName())
                .log(System.Logger.Level.ERROR, "unexpected error on " + thread.getName(), error);
    }
}
