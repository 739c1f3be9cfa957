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
     */
    record Target(String host, int port, String user, String webRoot, String afterCommand) {
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

    /** How an upload ended: {@code ok} with a sentence of what was done, or not with a sentence saying why. */
    record Outcome(boolean ok, String message) {
    }

    /** An upload under way. */
    interface Running {
        CompletableFuture<Outcome> result();

        void cancel();
    }

    /** Starts uploading without blocking; {@code progress} receives sentences on the upload's thread. */
    Running start(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress);
}
