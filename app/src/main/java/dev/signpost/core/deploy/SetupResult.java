package dev.signpost.core.deploy;

import java.util.List;

/**
 * The result of {@link Deployer#install}.
 *
 * @param outcome         how it ended; FAILED also when the previous state was put back
 * @param changes         every file compared with the server
 * @param commands        the commands that will run (dry run) or the ones that ran, in order
 * @param ran             what each command that ran did
 * @param written         remote paths written (and kept)
 * @param backups         backups made in this run
 * @param before          the live check before writing, or null
 * @param after           the live check after the reload, or null
 * @param message         a sentence for the user when something failed or was undone, else null
 * @param remoteUnchanged true when the server's files are as before this run
 * @param sshFailure      why the SSH connection or login failed, or null; front-ends phrase its fix in their own
 *                        words ({@link SshFailure#sentence}) instead of showing {@code message}
 */
public record SetupResult(DeployOutcome outcome, List<FileChange> changes, List<String> commands,
                          List<CommandResult> ran, List<String> written, List<String> backups,
                          LiveCheckResult before, LiveCheckResult after, String message, boolean remoteUnchanged,
                          SshFailure sshFailure) {

    public SetupResult {
        changes = List.copyOf(changes);
        commands = List.copyOf(commands);
        ran = List.copyOf(ran);
        written = List.copyOf(written);
        backups = List.copyOf(backups);
    }

    /** A result without an SSH failure. */
    public SetupResult(DeployOutcome outcome, List<FileChange> changes, List<String> commands,
                       List<CommandResult> ran, List<String> written, List<String> backups,
                       LiveCheckResult before, LiveCheckResult after, String message, boolean remoteUnchanged) {
        this(outcome, changes, commands, ran, written, backups, before, after, message, remoteUnchanged, null);
    }

    /** The same result, naming the SSH failure behind it (null for none). */
    SetupResult withSshFailure(SshFailure failure) {
        return new SetupResult(outcome, changes, commands, ran, written, backups, before, after, message,
                remoteUnchanged, failure);
    }

    /** Whether the setup is in place (or was already, or this was a dry run). */
    public boolean ok() {
        return outcome == DeployOutcome.DEPLOYED || outcome == DeployOutcome.UNCHANGED
                || outcome == DeployOutcome.DRY_RUN;
    }
}
