package dev.signpost.core.deploy;

/** How a deployment or rollback ended. */
public enum DeployOutcome {
    /** Files were written (or, for a rollback, restored). */
    DEPLOYED,
    /** The server already had exactly these files; nothing was written. */
    UNCHANGED,
    /** A dry run: compared only. */
    DRY_RUN,
    /** The user declined the changes, or cancelled; nothing was left half-done. */
    CANCELLED,
    /** Something failed; {@link DeployResult#message()} says what. */
    FAILED
}
