package dev.signpost.core.deploy;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import com.jcraft.jsch.SftpProgressMonitor;
import dev.signpost.core.text.Texts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Vector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Uploads files to a web root over SSH/SFTP without risk to what is there, and rolls back.
 *
 * <p>A deployment connects, reads the current files and diffs them; when something differs and the user
 * confirms, every new file is first written to a temporary name in its own directory (mode 0644). Only when all
 * are complete is each old file copied to a timestamped backup beside it and the temporary file renamed over it
 * ({@code posix-rename@openssh.com} when offered, else a rename-aside fallback). A failure before the renames
 * leaves the server exactly as it was; a failure between renames puts the already-replaced files back. So a
 * well-known file is only ever the old one or the new one, never half of either.
 *
 * <p>Methods block; run them on a worker thread. One instance may be used for many runs.
 */
public final class Deployer {

    static final String BACKUP_MARK = ".signpost-backup-";
    static final String TEMP_MARK = ".signpost-tmp-";
    private static final int MODE_FILE = 0644;
    private static final int MODE_DIR = 0755;
    private static final int MAX_READ = 16 * 1024 * 1024;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final SshConnector connector;
    private final Texts texts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A deployer for the given SSH setup, speaking {@code locale}. */
    public Deployer(SshEnvironment environment, Locale locale) {
        this(environment, locale, Clock.systemUTC());
    }

    /** As above, with the clock that names backups (tests use a fixed one). */
    public Deployer(SshEnvironment environment, Locale locale, Clock clock) {
        this.texts = new Texts("dev.signpost.core.deploy.messages", locale);
        this.connector = new SshConnector(environment, texts);
        this.clock = clock;
    }

    /** The texts of this package in the deployer's language (front-ends share its sentences). */
    public Texts texts() {
        return texts;
    }

    /**
     * Starts {@link #deploy} on {@code executor} (a UI's worker pool) and returns at once. Prompts and listener
     * are called on the executor's thread.
     */
    public DeployRun start(DeployRequest request, DeployPrompts prompts, DeployListener listener, Executor executor) {
        Cancellation cancellation = new Cancellation();
        return run(CompletableFuture.supplyAsync(() -> deploy(request, prompts, listener, cancellation), executor),
                cancellation);
    }

    /** Starts {@link #rollback} on {@code executor} and returns at once. */
    public DeployRun startRollback(DeployRequest request, DeployPrompts prompts, DeployListener listener,
                                   Executor executor) {
        Cancellation cancellation = new Cancellation();
        return run(CompletableFuture.supplyAsync(() -> rollback(request, prompts, listener, cancellation), executor),
                cancellation);
    }

    private static DeployRun run(CompletableFuture<DeployResult> future, Cancellation cancellation) {
        return new DeployRun() {
            @Override
            public CompletableFuture<DeployResult> result() {
                return future;
            }

            @Override
            public void cancel() {
                cancellation.cancel();
            }
        };
    }

    /**
     * Compares and, unless it is a dry run or nothing differs, uploads the request's files. Never throws for
     * SSH or file problems: those are in the result's message.
     */
    public DeployResult deploy(DeployRequest request, DeployPrompts prompts, DeployListener listener,
                               Cancellation cancellation) {
        List<FileChange> changes = List.of();
        try (SshConnection connection = connector.connect(request.target(), prompts, listener, cancellation)) {
            ChannelSftp sftp = openSftp(connection);
            String root = checkWebRoot(sftp, request.webRoot());
            listener.stage(DeployStage.READING, texts.get("stage.reading", connection.description()));
            changes = compare(sftp, root, request.files(), cancellation);
            List<FileChange> changed = changes.stream().filter(FileChange::changed).toList();
            if (changed.isEmpty()) {
                listener.stage(DeployStage.DONE, texts.get("result.unchanged"));
                return new DeployResult(DeployOutcome.UNCHANGED, changes, List.of(), List.of(), null, null, true);
            }
            if (request.dryRun()) {
                listener.stage(DeployStage.DONE, texts.get("result.dryRun", changed.size()));
                return new DeployResult(DeployOutcome.DRY_RUN, changes, List.of(), List.of(), null, null, true);
            }
            throwIfCancelled(cancellation);
            if (!prompts.confirmChanges(changed)) {
                return new DeployResult(DeployOutcome.CANCELLED, changes, List.of(), List.of(), null,
                        texts.get("result.declined"), true);
            }
            throwIfCancelled(cancellation);
            List<String> backups = new ArrayList<>();
            List<String> written = write(sftp, root, request, changed, backups, listener, cancellation);
            prune(sftp, changed, request.keepBackups(), listener);
            CommandResult command = runAfterCommand(connection, request.afterCommand(), prompts, listener,
                    cancellation);
            listener.stage(DeployStage.DONE, texts.get("result.deployed", written.size()));
            String message = command != null && !command.succeeded()
                    ? texts.get("command.failed", command.command(), command.exitStatus()) : null;
            return new DeployResult(DeployOutcome.DEPLOYED, changes, written, backups, command, message, false);
        } catch (DeployException e) {
            DeployOutcome outcome = cancellation.isCancelled() && e.remoteUnchanged()
                    ? DeployOutcome.CANCELLED : DeployOutcome.FAILED;
            return new DeployResult(outcome, changes, List.of(), List.of(), null, e.getMessage(), e.remoteUnchanged())
                    .withSshFailure(e.sshFailure());
        } catch (RuntimeException e) {
            // A library failure we did not foresee: still a sentence, and no claim that nothing changed.
            return new DeployResult(DeployOutcome.FAILED, changes, List.of(), List.of(), null,
                    texts.get("unexpected", e.toString()), false);
        }
    }

    /**
     * Puts back the newest backup of each of the request's files (only paths are used, not contents), each
     * atomically through a temporary copy. The backups themselves are kept, so rolling back twice is harmless.
     * Existing files without a backup are left as they are and named in the message.
     */
    public DeployResult rollback(DeployRequest request, DeployPrompts prompts, DeployListener listener,
                                 Cancellation cancellation) {
        try (SshConnection connection = connector.connect(request.target(), prompts, listener, cancellation)) {
            ChannelSftp sftp = openSftp(connection);
            String root = checkWebRoot(sftp, request.webRoot());
            List<String> restored = new ArrayList<>();
            List<String> used = new ArrayList<>();
            List<String> withoutBackup = new ArrayList<>();
            List<FileChange> changes = new ArrayList<>();
            List<Restore> plan = new ArrayList<>();
            for (DeployFile file : request.files()) {
                String target = root + "/" + file.relativePath();
                Optional<String> backup = newestBackup(sftp, target);
                if (backup.isEmpty()) {
                    // Only worth a word when there is a file that cannot be rolled back.
                    if (read(sftp, target).isPresent()) {
                        withoutBackup.add(target);
                    }
                    continue;
                }
                byte[] old = read(sftp, backup.get()).orElseThrow();
                Optional<byte[]> current = read(sftp, target);
                FileChange change = change(target, current, old);
                changes.add(change);
                if (change.changed()) {
                    plan.add(new Restore(target, backup.get(), old, current.orElse(null), change));
                }
            }
            String note = withoutBackup.isEmpty() ? null : texts.get("rollback.noBackup", String.join(", ", withoutBackup));
            if (plan.isEmpty()) {
                DeployOutcome outcome = changes.isEmpty() ? DeployOutcome.FAILED : DeployOutcome.UNCHANGED;
                return new DeployResult(outcome, changes, List.of(), List.of(), null,
                        changes.isEmpty() ? texts.get("rollback.nothing") : note, true);
            }
            if (request.dryRun()) {
                return new DeployResult(DeployOutcome.DRY_RUN, changes, List.of(), List.of(), null, note, true);
            }
            if (!prompts.confirmChanges(plan.stream().map(Restore::change).toList())) {
                return new DeployResult(DeployOutcome.CANCELLED, changes, List.of(), List.of(), null,
                        texts.get("result.declined"), true);
            }
            List<Staged> staged = new ArrayList<>();
            try {
                for (Restore r : plan) {
                    throwIfCancelled(cancellation);
                    listener.stage(DeployStage.ROLLING_BACK, texts.get("stage.rollingBack", r.target, r.backup));
                    staged.add(new Staged(r.target, upload(sftp, r.target, r.content, listener, cancellation),
                            r.current != null, r.current));
                }
            } catch (DeployException e) {
                removeQuietly(sftp, staged.stream().map(Staged::temp).toList());
                throw e;
            }
            replaceAll(sftp, staged, listener);
            restored.addAll(plan.stream().map(Restore::target).toList());
            used.addAll(plan.stream().map(Restore::backup).toList());
            CommandResult command = runAfterCommand(connection, request.afterCommand(), prompts, listener,
                    cancellation);
            listener.stage(DeployStage.DONE, texts.get("result.rolledBack", restored.size()));
            String message = command != null && !command.succeeded()
                    ? texts.get("command.failed", command.command(), command.exitStatus()) : note;
            return new DeployResult(DeployOutcome.DEPLOYED, changes, restored, used, command, message, false);
        } catch (DeployException e) {
            DeployOutcome outcome = cancellation.isCancelled() && e.remoteUnchanged()
                    ? DeployOutcome.CANCELLED : DeployOutcome.FAILED;
            return new DeployResult(outcome, List.of(), List.of(), List.of(), null, e.getMessage(), e.remoteUnchanged())
                    .withSshFailure(e.sshFailure());
        } catch (RuntimeException e) {
            return new DeployResult(DeployOutcome.FAILED, List.of(), List.of(), List.of(), null,
                    texts.get("unexpected", e.toString()), false);
        }
    }

    private record Restore(String target, String backup, byte[] content, byte[] current, FileChange change) {
    }

    /** A complete temporary copy, ready to be renamed over {@code target}. */
    private record Staged(String target, String temp, boolean existed, byte[] oldContent) {
    }

    private ChannelSftp openSftp(SshConnection connection) throws DeployException {
        try {
            return connection.sftp();
        } catch (JSchException e) {
            throw new DeployException(texts.get("sftp.unavailable", connection.description(), e.getMessage()), true, e);
        }
    }

    private String checkWebRoot(ChannelSftp sftp, String webRoot) throws DeployException {
        String root = webRoot.length() > 1 && webRoot.endsWith("/") ? webRoot.substring(0, webRoot.length() - 1)
                : webRoot;
        try {
            if (!sftp.stat(root).isDir()) {
                throw new DeployException(texts.get("webroot.notDirectory", root), true);
            }
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                throw new DeployException(texts.get("webroot.missing", root), true, e);
            }
            throw sftpFailure(e, root, true);
        }
        return root.equals("/") ? "" : root;
    }

    private List<FileChange> compare(ChannelSftp sftp, String root, List<DeployFile> files, Cancellation cancellation)
            throws DeployException {
        List<FileChange> changes = new ArrayList<>();
        for (DeployFile file : files) {
            throwIfCancelled(cancellation);
            String target = root + "/" + file.relativePath();
            changes.add(change(target, read(sftp, target), file.content()));
        }
        return changes;
    }

    private FileChange change(String target, Optional<byte[]> current, byte[] next) {
        String oldText = current.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        String diff = UnifiedDiff.diff(current.isPresent() ? target : "/dev/null", target, oldText,
                new String(next, StandardCharsets.UTF_8));
        if (diff.isEmpty() && current.isEmpty()) {
            // A new empty file: still worth a header so the user sees it will be created.
            diff = "--- /dev/null\n+++ " + target + "\n";
        }
        return new FileChange(target, current.isPresent(), current.orElse(new byte[0]), next, diff);
    }

    /** The file's bytes, or empty when it does not exist. */
    private Optional<byte[]> read(ChannelSftp sftp, String path) throws DeployException {
        try {
            SftpATTRS attrs = sftp.stat(path);
            if (attrs.isDir()) {
                throw new DeployException(texts.get("file.isDirectory", path), true);
            }
            if (attrs.getSize() > MAX_READ) {
                throw new DeployException(texts.get("file.tooLarge", path), true);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = sftp.get(path)) {
                in.transferTo(out);
            }
            return Optional.of(out.toByteArray());
        } catch (SftpException e) {
            if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                return Optional.empty();
            }
            throw sftpFailure(e, path, true);
        } catch (IOException e) {
            throw new DeployException(texts.get("sftp.failed", path, e.getMessage()), true, e);
        }
    }

    private List<String> write(ChannelSftp sftp, String root, DeployRequest request, List<FileChange> changed,
                               List<String> backups, DeployListener listener, Cancellation cancellation)
            throws DeployException {
        List<String> createdDirs = new ArrayList<>();
        List<Staged> staged = new ArrayList<>();
        try {
            for (FileChange change : changed) {
                String dir = parent(change.remotePath());
                ensureDirectories(sftp, root, dir, createdDirs);
                removeStaleTemps(sftp, change.remotePath());
            }
            for (FileChange change : changed) {
                throwIfCancelled(cancellation);
                listener.stage(DeployStage.UPLOADING, texts.get("stage.uploading", change.remotePath()));
                staged.add(new Staged(change.remotePath(),
                        upload(sftp, change.remotePath(), change.newContent(), listener, cancellation),
                        change.existed(), change.existed() ? change.oldContent() : null));
            }
            throwIfCancelled(cancellation);
        } catch (DeployException e) {
            boolean clean = removeQuietly(sftp, staged.stream().map(Staged::temp).toList())
                    & removeDirectories(sftp, createdDirs);
            String message = clean ? e.getMessage() : e.getMessage() + " " + texts.get("cleanup.leftover");
            throw new DeployException(message, e.remoteUnchanged(), e);
        }
        String stamp = STAMP.format(clock.instant());
        List<Staged> withBackups = new ArrayList<>();
        for (Staged s : staged) {
            if (s.existed()) {
                try {
                    String backup = uniqueBackupName(sftp, s.target(), stamp);
                    listener.stage(DeployStage.REPLACING, texts.get("stage.backingUp", s.target(), backup));
                    putExactly(sftp, backup, backup, s.oldContent(), null, cancellation);
                    backups.add(backup);
                } catch (DeployException e) {
                    removeQuietly(sftp, backups);
                    removeQuietly(sftp, staged.stream().map(Staged::temp).toList());
                    removeDirectories(sftp, createdDirs);
                    throw e;
                }
            }
            withBackups.add(s);
        }
        try {
            replaceAll(sftp, withBackups, listener);
        } catch (DeployException e) {
            if (e.remoteUnchanged()) {
                removeQuietly(sftp, backups);
                backups.clear();
            }
            throw e;
        }
        return staged.stream().map(Staged::target).toList();
    }

    /**
     * Renames each staged file over its target. If one fails, the ones already replaced get their old content
     * back (or are removed when they did not exist), so the set stays consistent.
     */
    private void replaceAll(ChannelSftp sftp, List<Staged> staged, DeployListener listener) throws DeployException {
        List<Staged> done = new ArrayList<>();
        for (Staged s : staged) {
            try {
                listener.stage(DeployStage.REPLACING, texts.get("stage.replacing", s.target()));
                replace(sftp, s.temp(), s.target(), s.existed(), listener);
                done.add(s);
            } catch (SftpException | RuntimeException e) {
                boolean restored = true;
                for (Staged d : done) {
                    try {
                        if (d.existed()) {
                            String temp = upload(sftp, d.target(), d.oldContent(), DeployListener.NONE,
                                    new Cancellation());
                            replace(sftp, temp, d.target(), true, DeployListener.NONE);
                        } else {
                            sftp.rm(d.target());
                        }
                    } catch (SftpException | DeployException | RuntimeException again) {
                        restored = false;
                    }
                }
                removeQuietly(sftp, staged.stream().filter(x -> !done.contains(x)).map(Staged::temp).toList());
                DeployException failure = e instanceof SftpException se ? sftpFailure(se, s.target(), restored)
                        : new DeployException(texts.get("sftp.failed", s.target(), e.getMessage()), restored, e);
                throw restored ? failure
                        : new DeployException(failure.getMessage() + " " + texts.get("replace.partial"), false, e);
            }
        }
    }

    /** Renames {@code temp} over {@code target} atomically where the server allows it. */
    private void replace(ChannelSftp sftp, String temp, String target, boolean targetExists, DeployListener listener)
            throws SftpException {
        boolean posix = sftp.getExtension("posix-rename@openssh.com") != null;
        if (posix || !targetExists) {
            try {
                sftp.rename(temp, target);
                return;
            } catch (SftpException e) {
                if (!targetExists || e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED) {
                    throw e;
                }
                // Fall through: the server's rename may refuse an existing target.
            }
        }
        // Plain SFTP v3 rename does not overwrite: move the old file aside, put the new one in, then drop the old.
        listener.stage(DeployStage.REPLACING, texts.get("stage.replacingAside", target));
        String aside = tempName(target);
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

    /** Writes {@code content} to a fresh temporary name beside {@code target}; returns that name. */
    private String upload(ChannelSftp sftp, String target, byte[] content, DeployListener listener,
                          Cancellation cancellation) throws DeployException {
        String temp = tempName(target);
        try {
            putExactly(sftp, temp, target, content, (sent, total) -> listener.transferred(target, sent, total), cancellation);
        } catch (DeployException e) {
            if (!removeQuietly(sftp, List.of(temp))) {
                throw new DeployException(e.getMessage() + " " + texts.get("cleanup.leftover"), e.remoteUnchanged(), e);
            }
            throw e;
        }
        return temp;
    }

    private interface Progress {
        void sent(long sent, long total);
    }

    /** Writes {@code path}; failures name {@code shown}, the file the user knows (not the temporary name). */
    private void putExactly(ChannelSftp sftp, String path, String shown, byte[] content, Progress progress,
                            Cancellation cancellation) throws DeployException {
        long total = content.length;
        SftpProgressMonitor monitor = new SftpProgressMonitor() {
            private long sent;

            @Override
            public void init(int op, String src, String dest, long max) {
            }

            @Override
            public boolean count(long count) {
                sent += count;
                if (progress != null) {
                    progress.sent(sent, total);
                }
                return !cancellation.isCancelled();
            }

            @Override
            public void end() {
            }
        };
        try {
            sftp.put(new ByteArrayInputStream(content), path, monitor, ChannelSftp.OVERWRITE);
            throwIfCancelled(cancellation);
            sftp.chmod(MODE_FILE, path);
            long size = sftp.stat(path).getSize();
            if (size != total) {
                throw new DeployException(texts.get("file.incomplete", shown, size, total), true);
            }
        } catch (SftpException e) {
            throwIfCancelled(cancellation);
            throw sftpFailure(e, shown, true);
        } catch (RuntimeException e) {
            throwIfCancelled(cancellation);
            throw new DeployException(texts.get("sftp.failed", shown, e.getMessage()), true, e);
        }
    }

    private void ensureDirectories(ChannelSftp sftp, String root, String dir, List<String> created)
            throws DeployException {
        String rel = dir.substring(root.length());
        String path = root;
        for (String part : rel.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path = path + "/" + part;
            try {
                if (!sftp.stat(path).isDir()) {
                    throw new DeployException(texts.get("file.notDirectory", path), true);
                }
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    throw sftpFailure(e, path, true);
                }
                try {
                    sftp.mkdir(path);
                    created.add(path);
                    sftp.chmod(MODE_DIR, path);
                } catch (SftpException m) {
                    throw sftpFailure(m, path, true);
                }
            }
        }
    }

    private void removeStaleTemps(ChannelSftp sftp, String target) {
        String prefix = "." + name(target) + TEMP_MARK;
        for (String entry : list(sftp, parent(target))) {
            if (entry.startsWith(prefix)) {
                removeQuietly(sftp, List.of(parent(target) + "/" + entry));
            }
        }
    }

    private String uniqueBackupName(ChannelSftp sftp, String target, String stamp) {
        List<String> existing = list(sftp, parent(target));
        String base = name(target) + BACKUP_MARK + stamp;
        String candidate = base;
        for (int n = 2; existing.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return parent(target) + "/" + candidate;
    }

    /** Backups of {@code target}, newest first. */
    List<String> backupsOf(ChannelSftp sftp, String target) {
        String prefix = name(target) + BACKUP_MARK;
        return list(sftp, parent(target)).stream()
                .filter(n -> n.startsWith(prefix))
                .sorted(Comparator.comparing((String n) -> backupKey(n.substring(prefix.length()))).reversed())
                .map(n -> parent(target) + "/" + n)
                .toList();
    }

    /** Sorts {@code 20261122T013000Z-10} after {@code 20261122T013000Z-9}. */
    private static String backupKey(String suffix) {
        int dash = suffix.indexOf('-');
        String stamp = dash < 0 ? suffix : suffix.substring(0, dash);
        String counter = dash < 0 ? "1" : suffix.substring(dash + 1);
        return stamp + "#" + "0".repeat(Math.max(0, 6 - counter.length())) + counter;
    }

    private Optional<String> newestBackup(ChannelSftp sftp, String target) {
        return backupsOf(sftp, target).stream().findFirst();
    }

    private void prune(ChannelSftp sftp, List<FileChange> changed, int keep, DeployListener listener) {
        for (FileChange change : changed) {
            List<String> all = backupsOf(sftp, change.remotePath());
            if (all.size() > keep) {
                listener.stage(DeployStage.CLEANING_UP, texts.get("stage.pruning", change.remotePath(), keep));
                removeQuietly(sftp, all.subList(keep, all.size()));
            }
        }
    }

    private CommandResult runAfterCommand(SshConnection connection, String command, DeployPrompts prompts,
                                          DeployListener listener, Cancellation cancellation) {
        if (command == null || cancellation.isCancelled()) {
            return null;
        }
        listener.stage(DeployStage.RUNNING_COMMAND, texts.get("stage.command", command));
        if (!prompts.confirmCommand(command)) {
            return null;
        }
        try {
            return connection.exec(command, cancellation, listener::commandOutput);
        } catch (JSchException e) {
            return new CommandResult(command, -1, e.getMessage());
        }
    }

    private List<String> list(ChannelSftp sftp, String dir) {
        List<String> names = new ArrayList<>();
        try {
            Vector<ChannelSftp.LsEntry> entries = sftp.ls(dir);
            for (ChannelSftp.LsEntry e : entries) {
                names.add(e.getFilename());
            }
        } catch (SftpException | RuntimeException ignored) {
            // An unreadable directory has nothing we can clean up or restore from.
        }
        return names;
    }

    /** Removes directories this run created, deepest first; true when all are gone. */
    private static boolean removeDirectories(ChannelSftp sftp, List<String> created) {
        boolean all = true;
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                sftp.rmdir(created.get(i));
            } catch (SftpException | RuntimeException e) {
                all = false;
            }
        }
        return all;
    }

    /** Removes files, ignoring failures; true when all are gone. */
    private static boolean removeQuietly(ChannelSftp sftp, List<String> paths) {
        boolean all = true;
        for (String p : paths) {
            try {
                sftp.rm(p);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    all = false;
                }
            } catch (RuntimeException e) {
                all = false;
            }
        }
        return all;
    }

    private String tempName(String target) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return parent(target) + "/." + name(target) + TEMP_MARK + HexFormat.of().formatHex(bytes);
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash == 0 ? "" : ".") : path.substring(0, slash);
    }

    static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void throwIfCancelled(Cancellation cancellation) throws DeployException {
        if (cancellation.isCancelled()) {
            throw new DeployException(texts.get("cancelled"), true);
        }
    }

    /** A sentence naming the path and the cause, with the server's own words when it gave any. */
    private DeployException sftpFailure(SftpException e, String path, boolean remoteUnchanged) {
        String server = e.getMessage() == null ? "" : e.getMessage();
        String key;
        switch (e.id) {
            case ChannelSftp.SSH_FX_PERMISSION_DENIED -> key = "sftp.permissionDenied";
            case ChannelSftp.SSH_FX_NO_SUCH_FILE -> key = "sftp.noSuchFile";
            case ChannelSftp.SSH_FX_NO_CONNECTION, ChannelSftp.SSH_FX_CONNECTION_LOST -> key = "sftp.connectionLost";
            default -> {
                String lower = server.toLowerCase(Locale.ROOT);
                if (lower.contains("no space") || lower.contains("quota")) {
                    key = "sftp.diskFull";
                } else if (lower.contains("permission") || lower.contains("not permitted")
                        || lower.contains("read-only")) {
                    key = "sftp.permissionDenied";
                } else if (lower.contains("closed") || lower.contains("inputstream") || lower.contains("pipe")
                        || lower.contains("session is down") || lower.contains("connection")) {
                    key = "sftp.connectionLost";
                } else {
                    key = "sftp.failed";
                }
            }
        }
        return new DeployException(texts.get(key, path, server), remoteUnchanged, e);
    }
}
