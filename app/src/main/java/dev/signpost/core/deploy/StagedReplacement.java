package dev.signpost.core.deploy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.SftpException;
import dev.signpost.core.text.Texts;

import java.util.ArrayList;
import java.util.List;

/**
 * Replaces a set of remote files so that each is only ever the old one or the new one: every new file is first
 * written whole to a temporary name beside its target; only when all are complete is each old file kept as a
 * backup and the temporary file renamed over it ({@code posix-rename@openssh.com} when offered, else a
 * rename-aside fallback). A failure before the renames leaves the server as it was; a failure between renames
 * puts the already-replaced files back. When the connection is lost during the renames nobody can know which
 * were done, and the failure says exactly that.
 */
final class StagedReplacement {

    /**
     * One file to replace.
     *
     * @param root          the directory under which missing parent directories may be created
     * @param target        the absolute remote path
     * @param existed       whether a file was there
     * @param oldContent    its bytes (empty when it did not exist)
     * @param oldMode       its permission bits (ignored when it did not exist)
     * @param newContent    the bytes to put there
     * @param newMode       their permission bits (0644 for what Signpost generates)
     * @param hiddenBackups whether its backups get hidden names (configuration directories)
     */
    record Item(String root, String target, boolean existed, byte[] oldContent, int oldMode, byte[] newContent,
                int newMode, boolean hiddenBackups) {
    }

    /** A complete temporary copy, ready to be renamed over its item's target. */
    record Staged(Item item, String temp) {
    }

    private final RemoteFiles files;
    private final Texts texts;

    StagedReplacement(RemoteFiles files) {
        this.files = files;
        this.texts = files.texts();
    }

    BackupStore backups(Item item) {
        return new BackupStore(files, item.hiddenBackups());
    }

    /**
     * Stages, backs up and replaces every item; returns the targets written and adds the backups made to
     * {@code backups}.
     */
    List<String> apply(List<Item> items, String stamp, List<String> backups, DeployListener listener,
                       Cancellation cancellation) throws DeployException {
        List<String> createdDirs = new ArrayList<>();
        List<Staged> staged = new ArrayList<>();
        try {
            for (Item item : items) {
                files.ensureDirectories(item.root(), RemoteFiles.parent(item.target()), createdDirs);
                files.removeStaleTemps(item.target());
            }
            for (Item item : items) {
                cancellation.throwIfCancelled(texts);
                listener.stage(DeployStage.UPLOADING, texts.get("stage.uploading", item.target()));
                staged.add(new Staged(item, files.upload(item.target(), item.newContent(), item.newMode(),
                        listener, cancellation)));
            }
            cancellation.throwIfCancelled(texts);
        } catch (DeployException e) {
            boolean clean = files.removeQuietly(temps(staged)) & files.removeDirectories(createdDirs);
            String message = clean ? e.getMessage() : e.getMessage() + " " + texts.get("cleanup.leftover");
            throw new DeployException(message, e.remoteUnchanged(), e);
        }
        List<String> made = new ArrayList<>();
        for (Staged s : staged) {
            if (s.item().existed()) {
                try {
                    made.add(backups(s.item()).keep(s.item().target(), s.item().oldContent(), s.item().oldMode(),
                            stamp, listener, cancellation));
                } catch (DeployException e) {
                    files.removeQuietly(made);
                    files.removeQuietly(temps(staged));
                    files.removeDirectories(createdDirs);
                    throw e;
                }
            }
        }
        try {
            replaceAll(staged, listener);
        } catch (DeployException e) {
            if (e.remoteUnchanged()) {
                files.removeQuietly(made);
            } else {
                backups.addAll(made);
            }
            throw e;
        }
        backups.addAll(made);
        return staged.stream().map(s -> s.item().target()).toList();
    }

    /** Writes each item's new content to a temporary name; on failure removes what it wrote. */
    List<Staged> stage(List<Item> items, DeployListener listener, Cancellation cancellation) throws DeployException {
        List<Staged> staged = new ArrayList<>();
        try {
            for (Item item : items) {
                cancellation.throwIfCancelled(texts);
                staged.add(new Staged(item, files.upload(item.target(), item.newContent(), item.newMode(),
                        listener, cancellation)));
            }
        } catch (DeployException e) {
            files.removeQuietly(temps(staged));
            throw e;
        }
        return staged;
    }

    private static List<String> temps(List<Staged> staged) {
        return staged.stream().map(Staged::temp).toList();
    }

    /**
     * Renames each staged file over its target. If one fails, the ones already replaced get their old content
     * back (or are removed when they did not exist), so the set stays consistent.
     */
    void replaceAll(List<Staged> staged, DeployListener listener) throws DeployException {
        List<Staged> done = new ArrayList<>();
        for (Staged s : staged) {
            String target = s.item().target();
            try {
                listener.stage(DeployStage.REPLACING, texts.get("stage.replacing", target));
                replace(s.temp(), target, s.item().existed(), listener);
                done.add(s);
            } catch (SftpException | RuntimeException e) {
                if (files.connectionLost()) {
                    // The rename may or may not have happened before the connection went: only the next
                    // connection can tell, so say that instead of guessing.
                    throw new DeployException(texts.get("replace.unknown", target), false, e);
                }
                boolean restored = putBack(done.stream().map(Staged::item).toList());
                files.removeQuietly(staged.stream().filter(x -> !done.contains(x)).map(Staged::temp).toList());
                DeployException failure = e instanceof SftpException se ? files.failure(se, target, restored)
                        : files.connectionLostOr(target, e, restored);
                throw restored ? failure
                        : new DeployException(failure.getMessage() + " " + texts.get("replace.partial"), false, e);
            }
        }
    }

    /**
     * Puts each item's old content back (with its old mode), or removes the file when there was none; true when
     * every one is back.
     */
    boolean putBack(List<Item> done) {
        boolean restored = true;
        for (Item d : done) {
            try {
                if (d.existed()) {
                    String temp = files.upload(d.target(), d.oldContent(), d.oldMode(), DeployListener.NONE,
                            new Cancellation());
                    replace(temp, d.target(), true, DeployListener.NONE);
                } else {
                    files.channel().rm(d.target());
                }
            } catch (SftpException | DeployException | RuntimeException again) {
                restored = false;
            }
        }
        return restored;
    }

    /** Renames {@code temp} over {@code target} atomically where the server allows it. */
    private void replace(String temp, String target, boolean targetExists, DeployListener listener)
            throws SftpException {
        ChannelSftp sftp = files.channel();
        boolean posix = sftp.getExtension("posix-rename@openssh.com") != null;
        if (posix || !targetExists) {
            try {
                sftp.rename(temp, target);
                return;
            } catch (SftpException e) {
                if (!targetExists || e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED || files.connectionLost()) {
                    throw e;
                }
                // Fall through: the server's rename may refuse an existing target.
            }
        }
        // Plain SFTP v3 rename does not overwrite: move the old file aside, put the new one in, then drop the old.
        listener.stage(DeployStage.REPLACING, texts.get("stage.replacingAside", target));
        String aside = files.tempName(target);
        sftp.rename(target, aside);
        try {
            sftp.rename(temp, target);
        } catch (SftpException e) {
            sftp.rename(aside, target);
            throw e;
        }
        try {
            sftp.rm(aside);
        } catch (SftpException ignored) {
            // A leftover hidden copy of the old file is removed with stale temps next time.
        }
    }
}
