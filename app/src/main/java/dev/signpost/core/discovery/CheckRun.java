package dev.signpost.core.discovery;

import dev.signpost.core.model.Report;

import java.util.concurrent.CompletableFuture;

/** A check under way: its eventual report, and a way to stop it. */
public interface CheckRun {

    /**
     * Completes with the final report; never completes exceptionally for network failures (those are in the
     * report's checks). Completes with a {@link java.util.concurrent.CancellationException} after
     * {@link #cancel()}.
     */
    CompletableFuture<Report> result();

    /** Stops all lookups and connections of this run promptly. Safe to call more than once. */
    void cancel();
}
