package dev.signpost.core.deploy;

import dev.signpost.core.text.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts back the newest backup of each file (only paths are used, not contents), all through one
 * {@link StagedReplacement}. The backups themselves are kept, so rolling back twice is harmless. Existing files
 * without a backup are left as they are and named in the message.
 */
final class Rollback {

    private final RemoteFiles files;
    private final Texts texts;

    Rollback(RemoteFiles files) {
        this.files = files;
        this.texts = files.texts();
    }

    /** What a rollback would restore. */
    record Plan(List<FileChange> changes, List<StagedReplacement.Item> restores, List<String> sources,
                List<String> withoutBackup) {
    }

    /** Reads the current files and their newest backups; writes nothing. */
    Plan plan(String root, List<String> targets, boolean hiddenBackups) throws DeployException {
        List<FileChange> changes = new ArrayList<>();
        List<StagedReplacement.Item> restores = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> withoutBackup = new ArrayList<>();
        for (String target : targets) {
            Optional<String> backup = new BackupStore(files, hiddenBackups).newest(target);
            if (backup.isEmpty()) {
                // Only worth a word when there is a file that cannot be rolled back.
                if (files.read(target).isPresent()) {
                    withoutBackup.add(target);
                }
                continue;
            }
            RemoteFiles.Current old = files.read(backup.get()).orElseThrow(
                    () -> new DeployException(texts.get("sftp.noSuchFile", backup.get(), "-"), true));
            Optional<RemoteFiles.Current> current = files.read(target);
            FileChange change = FileChange.between(target, current.map(RemoteFiles.Current::content), old.content());
            changes.add(change);
            if (change.changed()) {
                restores.add(new StagedReplacement.Item(root, target, current.isPresent(),
                        current.map(RemoteFiles.Current::content).orElse(new byte[0]),
                        current.map(RemoteFiles.Current::mode).orElse(RemoteFiles.MODE_FILE), old.content(),
                        old.mode(), hiddenBackups));
                sources.add(backup.get());
            }
        }
        return new Plan(changes, restores, sources, withoutBackup);
    }

    /** Restores the planned files; returns the targets restored. */
    List<String> restore(Plan plan, DeployListener listener, Cancellation cancellation) throws DeployException {
        StagedReplacement replacement = new StagedReplacement(files);
        for (int i = 0; i < plan.restores().size(); i++) {
            listener.stage(DeployStage.ROLLING_BACK, texts.get("stage.rollingBack", plan.restores().get(i).target(),
                    plan.sources().get(i)));
        }
        List<StagedReplacement.Staged> staged = replacement.stage(plan.restores(), listener, cancellation);
        replacement.replaceAll(staged, listener);
        return plan.restores().stream().map(StagedReplacement.Item::target).toList();
    }
}
