package dev.signpost.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waiting on a condition instead of sleeping for a guessed time: returns as soon as the condition holds, and says
 * what did not happen when it never does. Checks every few milliseconds, for conditions nothing can signal (a port
 * opening in another process, a file appearing, a server thread counting a connection).
 */
public final class Await {

    private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

    private Await() {
    }

    /** Waits until {@code condition} holds; fails with {@code what} when it does not within {@code limit}. */
    public static void until(Duration limit, String what, BooleanSupplier condition) {
        if (!holdsWithin(limit, condition)) {
            throw new AssertionError("not within " + limit + ": " + what);
        }
    }

    /** Waits until {@code condition} holds or {@code limit} passes; true when it held. */
    public static boolean holdsWithin(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                throw new AssertionError("interrupted while waiting");
            }
        }
        return true;
    }
}
