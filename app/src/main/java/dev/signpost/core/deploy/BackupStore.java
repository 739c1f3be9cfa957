package dev.signpost.core.deploy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Timestamped backups beside the files they keep: {@code server.signpost-backup-20261122T013000Z} (and
 * {@code -2}, {@code -3} … within one second). Configuration files get hidden names
 * ({@code .default.signpost-backup-…}) so that a wildcard include such as nginx's {@code sites-enabled/*}
 * never loads a backup as a second site. A backup is written to a fresh temporary name and renamed into place,
 * with the old file's mode, so nothing at the backup's name is ever followed or overwritten.
 */
final class BackupStore {

    static final String BACKUP_MARK = ".signpost-backup-";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RemoteFiles files;
    private final boolean hidden;

    /** @param hidden whether backup names start with a dot (configuration directories) */
    BackupStore(RemoteFiles files, boolean hidden) {
        this.files = files;
        this.hidden = hidden;
    }

    static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    private String prefix(String target) {
        return (hidden ? "." : "") + RemoteFiles.name(target) + BACKUP_MARK;
    }

    /** Writes {@code content} (the old file) as a new backup of {@code target} with {@code mode}; returns its path. */
    String keep(String target, byte[] content, int mode, String stamp, DeployListener listener,
                Cancellation cancellation) throws DeployException {
        String backup = uniqueName(target, stamp);
        listener.stage(DeployStage.REPLACING, files.texts().get("stage.backingUp", target, backup));
        String temp = files.upload(backup, content, mode, DeployListener.NONE, cancellation);
        try {
            if (files.lstat(backup).isPresent()) {
                throw new DeployException(files.texts().get("backup.taken", backup), true);
            }
            files.channel().rename(temp, backup);
            return backup;
        } catch (com.jcraft.jsch.SftpException e) {
            files.removeQuietly(List.of(temp));
            throw files.failure(e, backup, true);
        } catch (DeployException e) {
            files.removeQuietly(List.of(temp));
            throw e;
        }
    }

    private String uniqueName(String target, String stamp) {
        List<String> existing = files.list(RemoteFiles.parent(target));
        String base = prefix(target) + stamp;
        String candidate = base;
        for (int n = 2; existing.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return RemoteFiles.parent(target) + "/" + candidate;
    }

    /** Backups of {@code target}, newest first. */
    List<String> backupsOf(String target) {
        String prefix = prefix(target);
        return files.list(RemoteFiles.parent(target)).stream()
                .filter(n -> n.startsWith(prefix))
                .sorted(Comparator.comparing((String n) -> sortKey(n.substring(prefix.length()))).reversed())
                .map(n -> RemoteFiles.parent(target) + "/" + n)
                .toList();
    }

    Optional<String> newest(String target) {
        return backupsOf(target).stream().findFirst();
    }

    /** Sorts {@code 20261122T013000Z-10} after {@code 20261122T013000Z-9}. */
    private static String sortKey(String suffix) {
        int dash = suffix.indexOf('-');
        String stamp = dash < 0 ? suffix : suffix.substring(0, dash);
        String counter = dash < 0 ? "1" : suffix.substring(dash + 1);
        return stamp + "#" + "0".repeat(Math.max(0, 6 - counter.length())) + counter;
    }

    /** Removes all but the {@code keep} newest backups of each target. */
    void prune(List<String> targets, int keep, DeployListener listener) {
        for (String target : targets) {
            List<String> all = backupsOf(target);
            if (all.size() > keep) {
                listener.stage(DeployStage.CLEANING_UP, files.texts().get("stage.pruning", target, keep));
                files.removeQuietly(all.subList(keep, all.size()));
            }
        }
    }
}
