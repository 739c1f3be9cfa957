package dev.signpost.core.deploy;

import java.util.List;
import java.util.Objects;

/**
 * One deployment: which server, which web root, which files, and what else to do.
 *
 * @param target       the SSH server
 * @param webRoot      the directory the web server serves the server name's HTTPS from, e.g. {@code /var/www/html};
 *                     it must exist; directories below it are created as needed
 * @param files        the files to place, relative to {@code webRoot}
 * @param afterCommand a shell command to run on the server after a successful upload (e.g. reloading the web
 *                     server), or null; it is shown and confirmed through {@link DeployPrompts} before it runs
 * @param keepBackups  how many timestamped backups to keep beside each file (at least 1)
 * @param dryRun       compare only: connect, read and diff, never write
 */
public record DeployRequest(SshTarget target, String webRoot, List<DeployFile> files, String afterCommand,
                            int keepBackups, boolean dryRun) {

    /** Backups kept beside each file when nothing else is asked for. */
    public static final int DEFAULT_KEEP_BACKUPS = 5;

    public DeployRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(webRoot, "webRoot");
        files = List.copyOf(files);
        if (files.stream().map(DeployFile::relativePath).distinct().count() != files.size()) {
            throw new IllegalArgumentException("the same path twice");
        }
        afterCommand = afterCommand == null || afterCommand.isBlank() ? null : afterCommand.strip();
        keepBackups = keepBackups <= 0 ? DEFAULT_KEEP_BACKUPS : keepBackups;
    }

    /** A request with no after-command, the default number of backups, and writing enabled. */
    public static DeployRequest of(SshTarget target, String webRoot, List<DeployFile> files) {
        return new DeployRequest(target, webRoot, files, null, DEFAULT_KEEP_BACKUPS, false);
    }
}
