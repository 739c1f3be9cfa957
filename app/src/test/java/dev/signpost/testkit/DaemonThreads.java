package dev.signpost.testkit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Executors of named daemon threads, so a test that forgets to close a server never keeps the JVM alive. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    static ThreadFactory factory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static ExecutorService cached(String prefix) {
        return Executors.newCachedThreadPool(factory(prefix));
    }

    static ScheduledExecutorService scheduled(String prefix, int threads) {
        return Executors.newScheduledThreadPool(threads, factory(prefix));
    }
}
