package dev.signpost.ui;

import dev.signpost.core.deploy.Cancellation;
import dev.signpost.core.deploy.DeployListener;
import dev.signpost.core.deploy.DeployOutcome;
import dev.signpost.core.deploy.DeployPrompts;
import dev.signpost.core.deploy.Deployer;
import dev.signpost.core.deploy.FileChange;
import dev.signpost.core.deploy.HostKeyDecision;
import dev.signpost.core.deploy.HostKeyInfo;
import dev.signpost.core.deploy.LiveProbe;
import dev.signpost.core.deploy.LiveVerifier;
import dev.signpost.core.deploy.SetupRequest;
import dev.signpost.core.deploy.SetupResult;
import dev.signpost.core.deploy.SshTarget;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.steps.SshUpload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The wizard's install: the same {@link Deployer#install} as {@code signpost deploy}, on a worker, with the
 * wizard's questions and its wording for the outcome. Cancelling stops the core at its next step; the result
 * then says what state the server is in, so the page waits for it instead of guessing.
 */
final class SetupRun {

    /** How long each live check may take (the command line uses the same bound). */
    static final Duration LIVE_TIMEOUT = Duration.ofSeconds(60);

    private SetupRun() {
    }

    static SshUpload.Running start(Deployer deployer, SshUpload.Target target, SshUpload.Setup setup,
                                   SshUpload.Prompts prompts, DeployListener listener, Executor worker, Texts texts,
                                   Supplier<Discovery> discovery) {
        Cancellation cancellation = new Cancellation();
        SshTarget ssh = new SshTarget(target.host(), target.port(), target.user(), target.identityFile(), null, null);
        SetupRequest request = new SetupRequest(ssh, setup.plan(), setup.distribution(), setup.configPath(),
                setup.testCommand(), setup.reloadCommand(), target.webRoot(),
                setup.sudo() ? SetupRequest.SudoMode.ALWAYS : SetupRequest.SudoMode.NEVER, null,
                0, false);
        LiveProbe probe = discovery == null ? null : c -> new LiveVerifier(discovery.get(), texts.locale())
                .verify(setup.plan(), ReportListener.NONE, LIVE_TIMEOUT, c);
        // The login is over once the files are read: a password asked after that is sudo's.
        java.util.concurrent.atomic.AtomicBoolean loggedIn = new java.util.concurrent.atomic.AtomicBoolean();
        DeployListener stages = new DeployListener() {
            @Override
            public void stage(dev.signpost.core.deploy.DeployStage stage, String detail) {
                if (stage == dev.signpost.core.deploy.DeployStage.READING) {
                    loggedIn.set(true);
                }
                listener.stage(stage, detail);
            }

            @Override
            public void commandOutput(String text) {
                listener.commandOutput(text);
            }
        };
        DeployPrompts questions = questions(CoreServices.prompts(prompts, target, false), prompts, loggedIn);
        CompletableFuture<SshUpload.Outcome> result = CompletableFuture.supplyAsync(
                () -> outcome(deployer.install(request, questions, stages, cancellation, probe), target, texts),
                worker);
        return SshUpload.Running.of(result, cancellation::cancel);
    }

    /** The upload's questions, with the setup's one question: these diffs and these commands, go ahead? */
    private static DeployPrompts questions(DeployPrompts base, SshUpload.Prompts prompts,
                                           java.util.concurrent.atomic.AtomicBoolean loggedIn) {
        return new DeployPrompts() {
            @Override
            public HostKeyDecision unknownHostKey(HostKeyInfo key) {
                return base.unknownHostKey(key);
            }

            @Override
            public char[] passphrase(String keyName, boolean retry) {
                return base.passphrase(keyName, retry);
            }

            @Override
            public char[] password(String userAtHost, boolean retry) {
                return loggedIn.get() ? prompts.sudoPassword(userAtHost) : base.password(userAtHost, retry);
            }

            @Override
            public boolean confirmChanges(List<FileChange> changes) {
                return confirmSetup(changes, List.of());
            }

            @Override
            public boolean confirmCommand(String command) {
                // Nothing to write but the server does not serve the plan yet: test and reload once more.
                return confirmSetup(List.of(), List.of(command));
            }

            @Override
            public boolean confirmSetup(List<FileChange> changes, List<String> commands) {
                return prompts.confirmSetup(changes.stream().filter(FileChange::changed)
                        .map(c -> new SshUpload.Change(c.remotePath(), !c.existed(), c.unifiedDiff())).toList(),
                        commands);
            }
        };
    }

    static SshUpload.Outcome outcome(SetupResult done, SshUpload.Target target, Texts texts) {
        if (done.outcome() == DeployOutcome.UNCHANGED) {
            return new SshUpload.Outcome(true, texts.get("wizard.deploy.setup.unchanged", target.host()));
        }
        if (done.ok()) {
            // Which files were written is in the stages above; the sentence stays short enough to read at once.
            return new SshUpload.Outcome(true, texts.get("wizard.deploy.setup.done", done.written().size(),
                    target.host()));
        }
        if (done.sshFailure() != null) {
            return new SshUpload.Outcome(false, done.sshFailure().sentence(texts, "wizard.deploy.ssh.fix."));
        }
        if (done.outcome() == DeployOutcome.CANCELLED) {
            return new SshUpload.Outcome(false, texts.get("wizard.deploy.setup.cancelled", target.host()));
        }
        String message = done.message() == null ? done.outcome().name() : done.message();
        // The core's sentence, then the server's own lines (indented, after the first line break).
        int cut = message.indexOf('\n');
        return cut < 0 ? new SshUpload.Outcome(false, message)
                : new SshUpload.Outcome(false, message.substring(0, cut).strip(), false,
                message.substring(cut + 1).stripTrailing());
    }
}
