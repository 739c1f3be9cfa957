package dev.signpost.core.deploy;

import java.util.List;

/**
 * The result of {@link Deployer#deploy} or {@link Deployer#rollback}.
 *
 * @param outcome         how it ended
 * @param changes         every requested file compared with the server (empty when the connection failed)
 * @param written         remote paths written (deploy) or restored (rollback)
 * @param backups         remote paths of the backups made in this run
 * @param command         what the after-upload command did, or null when none ran
 * @param message         a sentence for the user when something failed or was skipped, else null
 * @param remoteUnchanged true when the server's files are exactly as before this run
 * @param sshFailure      why the SSH connection or login failed, or null; front-ends phrase its fix in their own
 *                        words ({@link SshFailure#sentence}) instead of showing {@code message}
 */
public record DeployResult(DeployOutcome outcome, List<FileChange> changes, List<String> written, List<String> backups,
                           CommandResult command, String message, boolean remoteUnchanged, SshFailure sshFailure) {

    public DeployResult {
        changes = List.copyOf(changes);
        written = List.copyOf(written);
        backups = List.copyOf(backups);
    }

    /** A result without an SSH failure. */
    public DeployResult(DeployOutcome outcome, List<FileChange> changes, List<String> written, List<String> backups,
                        CommandResult command, String message, boolean remoteUnchanged) {
        this(outcome, changes, written, backups, command, message, remoteUnchanged, null);
    }

    /** The same result, naming the SSH failure behind it (null for none). */
    DeployResult withSshFailure(SshFailure failure) {
        return new DeployResult(outcome, changes, written, backups, command, message, remoteUnchanged, failure);
    }

    /** Whether the run did what was asked (including "nothing to do" and a dry run). */
    public boolean ok() {
        return outcome != DeployOutcome.FAILED && outcome != DeployOutcome.CANCELLED
                && (command == null || command.succeeded());
    }
}
