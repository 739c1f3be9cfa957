package dev.signpost.ui;

import dev.signpost.ui.steps.PlannedFile;
import dev.signpost.ui.steps.SshUpload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * An uploader for wizard tests: asks the host-key question like a first connection does, then "uploads" by
 * recording the files. The real SSH path is tested by the deploy package against real sshd servers.
 */
public final class FakeSshUpload implements SshUpload {

    private final Executor worker;
    public final List<Target> targets = new ArrayList<>();
    public final List<String> uploadedPaths = new ArrayList<>();
    public final List<Target> rollbacks = new ArrayList<>();
    public final List<Setup> setups = new ArrayList<>();
    public volatile HostKeyAnswer lastAnswer;
    /** Whether an upload reports replaced files with backups (so the page offers a rollback). */
    public volatile boolean replacesFiles;

    public FakeSshUpload(Executor worker) {
        this.worker = worker;
    }

    @Override
    public Running start(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress) {
        targets.add(target);
        CompletableFuture<Outcome> result = CompletableFuture.supplyAsync(() -> {
            progress.accept("Connecting to " + target.host() + "…");
            lastAnswer = prompts.unknownHostKey(target.host(), "ssh-ed25519",
                    "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
            if (lastAnswer == HostKeyAnswer.REJECT) {
                return new Outcome(false, "Not connected: the host key was not trusted.");
            }
            files.forEach(f -> uploadedPaths.add(target.webRoot() + "/" + f.path()));
            return new Outcome(true, "Uploaded " + files.size() + " files to " + target.host() + ".", replacesFiles);
        }, worker);
        return running(result);
    }

    /** "Installs": asks about the host key and for the go-ahead with one diff and the plan's commands. */
    @Override
    public Running install(Target target, Setup setup, Prompts prompts, Consumer<String> progress) {
        targets.add(target);
        setups.add(setup);
        CompletableFuture<Outcome> result = CompletableFuture.supplyAsync(() -> {
            progress.accept("Connecting to " + target.host() + "…");
            lastAnswer = prompts.unknownHostKey(target.host(), "ssh-ed25519",
                    "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
            if (lastAnswer == HostKeyAnswer.REJECT) {
                return new Outcome(false, "Not connected: the host key was not trusted.");
            }
            if (!prompts.confirmSetup(List.of(new Change("/etc/web/snippet.conf", true,
                    "--- /dev/null\n+++ /etc/web/snippet.conf\n+served\n")), List.of("web -t", "web reload"))) {
                return new Outcome(false, "Install cancelled.");
            }
            progress.accept("Testing the configuration: web -t");
            return new Outcome(true, "Installed on " + target.host() + ".");
        }, worker);
        return running(result);
    }

    @Override
    public Running rollback(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress) {
        rollbacks.add(target);
        return running(CompletableFuture.supplyAsync(
                () -> new Outcome(true, "Rolled back " + files.size() + " files on " + target.host() + "."), worker));
    }

    private static Running running(CompletableFuture<Outcome> result) {
        return new Running() {
            @Override
            public CompletableFuture<Outcome> result() {
                return result;
            }

            @Override
            public void cancel() {
                result.cancel(true);
            }
        };
    }
}
