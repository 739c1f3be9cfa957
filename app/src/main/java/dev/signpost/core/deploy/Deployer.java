package dev.signpost.core.deploy;

import com.jcraft.jsch.JSchException;
import dev.signpost.core.text.Texts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Uploads files to a web root over SSH/SFTP without risk to what is there, and rolls back.
 *
 * <p>A deployment connects, reads the current files ({@link RemoteFiles}: links and other non-regular files are
 * refused) and diffs them; when something differs and the user confirms, a {@link StagedReplacement} puts the new
 * files in place whole, keeping the old ones in a {@link BackupStore}; a {@link Rollback} puts backups back.
 *
 * <p>Methods block; run them on a worker thread. One instance may be used for many runs.
 */
public final class Deployer {

    static final String BACKUP_MARK = BackupStore.BACKUP_MARK;
    static final String TEMP_MARK = RemoteFiles.TEMP_MARK;

    private final SshConnector connector;
    private final Texts texts;
    private final Clock clock;

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

    /**
     * Installs the plan's whole setup for its web server and proves it (see {@link SetupInstaller}); the previous
     * state comes back when the config test, the reload or the live check ({@code probe}, may be null) fails.
     * Never throws for SSH or file problems.
     */
    public SetupResult install(SetupRequest request, DeployPrompts prompts, DeployListener listener,
                               Cancellation cancellation, LiveProbe probe) {
        return new SetupInstaller(connector, texts, clock, texts.locale()).install(request, prompts, listener,
                cancellation, probe);
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
            RemoteFiles files = new RemoteFiles(connection.sftp(texts), texts);
            String root = files.checkWebRoot(request.webRoot());
            listener.stage(DeployStage.READING, texts.get("stage.reading", connection.description()));
            List<StagedReplacement.Item> items = new ArrayList<>();
            changes = compare(files, root, request.files(), items, cancellation);
            List<FileChange> changed = changes.stream().filter(FileChange::changed).toList();
            if (changed.isEmpty()) {
                listener.stage(DeployStage.DONE, texts.get("result.unchanged"));
                return new DeployResult(DeployOutcome.UNCHANGED, changes, List.of(), List.of(), null, null, true);
            }
            if (request.dryRun()) {
                listener.stage(DeployStage.DONE, texts.get("result.dryRun", changed.size()));
                return new DeployResult(DeployOutcome.DRY_RUN, changes, List.of(), List.of(), null, null, true);
            }
            cancellation.throwIfCancelled(texts);
            if (!prompts.confirmChanges(changed)) {
                return new DeployResult(DeployOutcome.CANCELLED, changes, List.of(), List.of(), null,
                        texts.get("result.declined"), true);
            }
            cancellation.throwIfCancelled(texts);
            List<String> backups = new ArrayList<>();
            List<String> written = new StagedReplacement(files).apply(items, BackupStore.stamp(clock.instant()),
                    backups, listener, cancellation);
            new BackupStore(files, false).prune(written, request.keepBackups(), listener);
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
     * Puts back the newest backup of each of the request's files (see {@link Rollback}). Never throws for SSH or
     * file problems.
     */
    public DeployResult rollback(DeployRequest request, DeployPrompts prompts, DeployListener listener,
                                 Cancellation cancellation) {
        try (SshConnection connection = connector.connect(request.target(), prompts, listener, cancellation)) {
            RemoteFiles files = new RemoteFiles(connection.sftp(texts), texts);
            String root = files.checkWebRoot(request.webRoot());
            Rollback rollback = new Rollback(files);
            Rollback.Plan plan = rollback.plan(root, request.files().stream()
                    .map(f -> root + "/" + f.relativePath()).toList(), false);
            List<FileChange> changes = plan.changes();
            String note = plan.withoutBackup().isEmpty() ? null
                    : texts.get("rollback.noBackup", String.join(", ", plan.withoutBackup()));
            if (plan.restores().isEmpty()) {
                DeployOutcome outcome = changes.isEmpty() ? DeployOutcome.FAILED : DeployOutcome.UNCHANGED;
                return new DeployResult(outcome, changes, List.of(), List.of(), null,
                        changes.isEmpty() ? texts.get("rollback.nothing") : note, true);
            }
            if (request.dryRun()) {
                return new DeployResult(DeployOutcome.DRY_RUN, changes, List.of(), List.of(), null, note, true);
            }
            List<FileChange> restoring = changes.stream().filter(FileChange::changed).toList();
            if (!prompts.confirmChanges(restoring)) {
                return new DeployResult(DeployOutcome.CANCELLED, changes, List.of(), List.of(), null,
                        texts.get("result.declined"), true);
            }
            List<String> restored = rollback.restore(plan, listener, cancellation);
            CommandResult command = runAfterCommand(connection, request.afterCommand(), prompts, listener,
                    cancellation);
            listener.stage(DeployStage.DONE, texts.get("result.rolledBack", restored.size()));
            String message = command != null && !command.succeeded()
                    ? texts.get("command.failed", command.command(), command.exitStatus()) : note;
            return new DeployResult(DeployOutcome.DEPLOYED, changes, restored, plan.sources(), command, message,
                    false);
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

    private List<FileChange> compare(RemoteFiles files, String root, List<DeployFile> wanted,
                                     List<StagedReplacement.Item> items, Cancellation cancellation)
            throws DeployException {
        List<FileChange> changes = new ArrayList<>();
        for (DeployFile file : wanted) {
            cancellation.throwIfCancelled(texts);
            String target = root + "/" + file.relativePath();
            Optional<RemoteFiles.Current> current = files.read(target);
            FileChange change = FileChange.between(target, current.map(RemoteFiles.Current::content), file.content());
            changes.add(change);
            if (change.changed()) {
                items.add(new StagedReplacement.Item(root, target, current.isPresent(), change.oldContent(),
                        current.map(RemoteFiles.Current::mode).orElse(RemoteFiles.MODE_FILE), file.content(),
                        RemoteFiles.MODE_FILE, false));
            }
        }
        return changes;
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
}
