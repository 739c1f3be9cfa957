package dev.signpost.core.deploy;

import java.util.concurrent.CompletableFuture;

/** A deployment or rollback under way on an executor: its eventual result, and a way to stop it. */
public interface DeployRun {

    /** Completes with the result; never completes exceptionally for SSH or file problems (those are in it). */
    CompletableFuture<DeployResult> result();

    /** Stops the run promptly and cleans up what it started. Safe to call more than once, from any thread. */
    void cancel();
}
