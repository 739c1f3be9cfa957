package dev.signpost.core.deploy;

/** A deployment step failed; the message is a sentence for the user, in their language. */
final class DeployException extends Exception {

    private final boolean remoteUnchanged;

    DeployException(String message, boolean remoteUnchanged) {
        super(message);
        this.remoteUnchanged = remoteUnchanged;
    }

    DeployException(String message, boolean remoteUnchanged, Throwable cause) {
        super(message, cause);
        this.remoteUnchanged = remoteUnchanged;
    }

    boolean remoteUnchanged() {
        return remoteUnchanged;
    }
}
