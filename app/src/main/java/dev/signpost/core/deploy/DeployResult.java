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
 */
public record DeployResult(DeployOutcome outcome, List<FileChange> changes, List<String> written, List<String> backups,
                           CommandResult command, String message, boolean remoteUnchanged) {

    public DeployResult {
        changes = List.copyOf(changes);
        written = List.copyOf(written);
        backups = List.copyOf(backups);
    }

    /** Whether the run did what was asked (including "nothing to do" and a dry run). */
    public boolean ok() {
        return outcome != DeployOutcome.FAILED && outcome != DeployOutcome.CANCELLED
                && (command == null || command.succeeded());
    }
}
