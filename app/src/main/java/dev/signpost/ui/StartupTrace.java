package dev.signpost.ui;

/**
 * Start-up marks for profiling the way to the first window: with {@code -Dsignpost.startupTrace=true} each mark
 * prints to stderr its milliseconds since {@code main} and the wall-clock time in epoch milliseconds (which
 * {@code measure-jar-startup.sh} compares with its own clock); otherwise a mark costs one field read.
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("signpost.startupTrace");
    private static final long FIRST = System.currentTimeMillis();

    private StartupTrace() {
    }

    /** Notes that start-up reached {@code what}. */
    public static void mark(String what) {
        if (ON) {
            long now = System.currentTimeMillis();
            System.err.printf("startup %5d ms  epoch %d  %-24s %s%n", now - FIRST, now,
                    Thread.currentThread().getName(), what);
        }
    }
}
