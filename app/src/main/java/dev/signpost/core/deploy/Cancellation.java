package dev.signpost.core.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels a deployment from another thread (a Cancel button, Ctrl-C). Transfers stop at the next chunk and the
 * deployer cleans up what it started; a connection that is still being set up is closed at once.
 */
public final class Cancellation {

    private volatile boolean cancelled;
    private final List<Runnable> hardStops = new ArrayList<>();

    /** Asks the deployment to stop. Safe to call more than once and from any thread. */
    public void cancel() {
        List<Runnable> stops;
        synchronized (this) {
            cancelled = true;
            stops = List.copyOf(hardStops);
            notifyAll();
        }
        stops.forEach(Runnable::run);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Waits until {@code deadline} (a {@link System#nanoTime()} value) unless cancelled first; returns at once on
     * cancel. For pauses between tries of a condition that only the network can answer.
     *
     * @return whether it was cancelled
     */
    boolean awaitUntil(long deadline) throws InterruptedException {
        synchronized (this) {
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    /** Throws the "cancelled, nothing changed" failure when {@link #cancel()} was called. */
    void throwIfCancelled(dev.signpost.core.text.Texts texts) throws DeployException {
        if (cancelled) {
            throw new DeployException(texts.get("cancelled"), true);
        }
    }

    /**
     * Registers an action run on cancel (e.g. closing a connection that is blocked in a handshake); runs it
     * right away if already cancelled. Returns a handle that unregisters it.
     */
    AutoCloseable onCancel(Runnable stop) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                hardStops.add(stop);
            }
        }
        if (runNow) {
            stop.run();
        }
        return () -> {
            synchronized (this) {
                hardStops.remove(stop);
            }
        };
    }
}
