package dev.signpost.ui;

import dev.signpost.core.concurrent.NamedDaemonThreadFactory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * For the serial collector, what G1's periodic collection does: when the heap has grown by garbage and no collection
 * ran for {@link #QUIET_MILLIS}, the user is reading, not working, and one full collection gives the free heap back
 * (the collector shrinks the heap to {@code MaxHeapFreeRatio}). A wizard that sat idle after a check otherwise keeps
 * the check's peak heap until the next allocation burst.
 */
final class IdleCollection {

    /** How long no collection must have run: as G1's {@code G1PeriodicGCInterval} in {@link MemoryTuning}. */
    static final long QUIET_MILLIS = 10_000;

    /** How often the readings are taken. */
    static final long TICK_MILLIS = 2_000;

    /** Less garbage than this is not worth a full collection's pause. */
    static final long GARBAGE_BYTES = 8L << 20;

    private long collectionsSeen = -1;
    private long quietSince;
    private long usedAfterOwnCollection;

    /** Starts the readings on a daemon thread of their own. */
    static void start() {
        IdleCollection idle = new IdleCollection();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                new NamedDaemonThreadFactory("signpost-idle-collection"));
        timer.scheduleWithFixedDelay(idle::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (shouldCollect(System.currentTimeMillis(), collections(), heapUsed())) {
            System.gc();
            collected(System.currentTimeMillis(), collections(), heapUsed());
        }
    }

    /**
     * At {@code now}: true when the collection count has not changed for {@link #QUIET_MILLIS} and the heap in use
     * grew by {@link #GARBAGE_BYTES} since the last own collection.
     */
    boolean shouldCollect(long now, long collections, long used) {
        if (collections != collectionsSeen) {
            collectionsSeen = collections;
            quietSince = now;
            return false;
        }
        return now - quietSince >= QUIET_MILLIS && used - usedAfterOwnCollection >= GARBAGE_BYTES;
    }

    /** Notes the readings right after an own collection. */
    void collected(long now, long collections, long used) {
        collectionsSeen = collections;
        quietSince = now;
        usedAfterOwnCollection = used;
    }

    private static long collections() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
