package dev.signpost.core.deploy;

/**
 * A deployment step failed; the message is a sentence for the user, in their language. SSH failures also carry
 * their {@link SshFailure}, so each front-end can say what to do in its own words.
 */
final class DeployException extends Exception {

    private final boolean remoteUnchanged;
    private final transient SshFailure sshFailure;

    DeployException(String message, boolean remoteUnchanged) {
        this(message, remoteUnchanged, null, null);
    }

    DeployException(String message, boolean remoteUnchanged, Throwable cause) {
        this(message, remoteUnchanged, cause, null);
    }

    DeployException(String message, boolean remoteUnchanged, Throwable cause, SshFailure sshFailure) {
        super(message, cause);
        this.remoteUnchanged = remoteUnchanged;
        this.sshFailure = sshFailure;
    }

    boolean remoteUnchanged() {
        return remoteUnchanged;
    }

    /** Why the SSH connection failed, or null when this is not an SSH connection failure. */
    SshFailure sshFailure() {
        return sshFailure;
    }
}
