package dev.signpost.core.deploy;

/**
 * Progress of a deployment, for a progress bar or a log. Called on the worker thread; every method has a
 * no-op default. Messages are already in the user's language and never contain secrets.
 */
public interface DeployListener {

    /** A new step began; {@code detail} is a sentence (e.g. which file), never null. */
    default void stage(DeployStage stage, String detail) {
    }

    /** Bytes of {@code remotePath} sent so far, out of {@code total}. */
    default void transferred(String remotePath, long sent, long total) {
    }

    /** A chunk of the after-upload command's output, as it arrives. */
    default void commandOutput(String text) {
    }

    /** A listener that ignores everything. */
    DeployListener NONE = new DeployListener() {
    };
}
