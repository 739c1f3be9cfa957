package dev.signpost.core.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops the network work of one run. Blocking socket reads cannot be interrupted, so cancelling closes every
 * socket registered here; the blocked thread then fails at once. Thread-safe.
 */
public final class CancelToken {

    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** Registers a resource to close on cancel; closes it at once when already cancelled. */
    public void register(Closeable resource) {
        open.add(resource);
        if (cancelled) {
            closeQuietly(resource);
        }
    }

    /** Forgets a resource that was closed normally. */
    public void unregister(Closeable resource) {
        open.remove(resource);
    }

    /** Closes every registered resource and refuses new work. Safe to call more than once. */
    public void cancel() {
        cancelled = true;
        for (Closeable resource : open) {
            closeQuietly(resource);
        }
        open.clear();
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    private static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException | RuntimeException ignored) {
            // Closing to abort: a failure to close changes nothing for the caller.
        }
    }
}
