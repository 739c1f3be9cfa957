package dev.signpost.ui;

import java.lang.management.ManagementFactory;

/**
 * Start-up marks for profiling the way to the first window: with {@code -Dsignpost.startupTrace=true} each mark
 * prints its milliseconds since the JVM started to stderr; otherwise a mark costs one field read. The numbers in
 * the README's start-up table were found with these marks.
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("signpost.startupTrace");

    private StartupTrace() {
    }

    /** Notes that start-up reached {@code what}. */
    public static void mark(String what) {
        if (ON) {
            // The management classes load only when tracing, so the trace does not slow what it measures.
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            System.err.printf("startup %5d ms  %-12s %s%n", uptime, Thread.currentThread().getName(), what);
        }
    }
}
