package dev.signpost.ui.steps;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the deploy page needs from an SSH uploader: the core's deployer in the app, a fake in view-model tests.
 * Secrets pass through {@link Prompts} only and are never stored.
 */
public interface SshUpload {

    /**
     * Where to upload.
     *
     * @param host         host name, address or ssh-config alias
     * @param port         the SSH port, or 0 for the config's or 22
     * @param user         the login name, or null for the config's
     * @param webRoot      the directory serving the server name's HTTPS, e.g. {@code /var/www/html}
     * @param afterCommand a command to run after a successful upload (e.g. reloading nginx), or null
     * @param identityFile the private key to log in with, or null for the config's and the usual ones
     */
    record Target(String host, int port, String user, String webRoot, String afterCommand,
                  java.nio.file.Path identityFile) {

        /** A target without a chosen private key. */
        public Target(String host, int port, String user, String webRoot, String afterCommand) {
            this(host, port, user, webRoot, afterCommand, null);
        }
    }

    /** What the user said about an unknown host key. */
    enum HostKeyAnswer {
        REJECT,
        ACCEPT_ONCE,
        ACCEPT_AND_SAVE
    }

    /** Questions asked during an upload; called on the upload's thread, each blocks until the user answers. */
    interface Prompts {
        HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint);

        /** The password, or null when the user cancelled. */
        char[] password(String userAtHost, boolean retry);

        /** The key's passphrase, or null when the user cancelled. */
        char[] passphrase(String keyName, boolean retry);

        /** Whether to write these changed files. */
        boolean confirmChanges(List<String> changedPaths);
    }

    /**
     * How an upload or rollback ended: {@code ok} with a sentence of what was done, or not with a sentence saying
     * why. {@code backupsKept} is true after an upload that replaced files, so they can be rolled back.
     */
    record Outcome(boolean ok, String message, boolean backupsKept) {

        public Outcome(boolean ok, String message) {
            this(ok, message, false);
        }
    }

    /** An upload under way. */
    interface Running {
        CompletableFuture<Outcome> result();

        void cancel();
    }

    /** Starts uploading without blocking; {@code progress} receives sentences on the upload's thread. */
    Running start(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress);

    /**
     * Starts putting back the newest backup of each of {@code files} (their paths only) without blocking, like
     * {@link #start}.
     */
    Running rollback(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress);
}
