package dev.signpost.ui.steps;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the deploy page needs from an SSH uploader: the core's deployer in the app, a fake in view-model tests.
 * For a web server with a configuration (nginx, Apache, Caddy, HAProxy) it installs the whole setup
 * ({@link #install}, the core path of {@code signpost deploy}); for static hosting it uploads the files
 * ({@link #start}). Secrets pass through {@link Prompts} only and are never stored.
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

    /**
     * The web server's setup to install, with the user's overrides of the distribution's defaults.
     *
     * @param plan          the plan whose snippet, include line and files are installed
     * @param distribution  whose package layout to assume, or null to read it from the server
     * @param configPath    the config file serving the server name, or null to search the layout's places
     * @param testCommand   the configuration test, or null for the layout's
     * @param reloadCommand the reload command, or null for the layout's
     * @param sudo          whether the test and reload run through sudo (its password is asked once)
     */
    record Setup(dev.signpost.core.plan.DelegationPlan plan, dev.signpost.core.deploy.ServerLayout.Distribution distribution,
                 String configPath, String testCommand, String reloadCommand, boolean sudo) {
    }

    /** One remote file that would change: its path, whether it is new, and a unified diff from old to new. */
    record Change(String path, boolean created, String diff) {
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

        /**
         * The sudo password for the config test and reload on {@code where} (the core's "sudo on user@host"), or
         * null when the user cancelled; asked once per install. By default the password question.
         */
        default char[] sudoPassword(String where) {
            return password(where, false);
        }

        /** The key's passphrase, or null when the user cancelled. */
        char[] passphrase(String keyName, boolean retry);

        /** Whether to write these changed files. */
        boolean confirmChanges(List<String> changedPaths);

        /**
         * Whether to write these changes and then run these commands, in order (config test, reload). Asked once,
         * before anything is written; by default the question about the paths alone.
         */
        default boolean confirmSetup(List<Change> changes, List<String> commands) {
            return confirmChanges(changes.stream().map(Change::path).toList());
        }
    }

    /**
     * How an upload, install or rollback ended: {@code ok} with a sentence of what was done, or not with a sentence
     * saying why. {@code backupsKept} is true after an upload that replaced files, so they can be rolled back.
     * {@code serverLines} are the server's own words behind a failure (a config test's errors), or empty.
     */
    record Outcome(boolean ok, String message, boolean backupsKept, String serverLines) {

        public Outcome {
            serverLines = serverLines == null ? "" : serverLines;
        }

        public Outcome(boolean ok, String message, boolean backupsKept) {
            this(ok, message, backupsKept, "");
        }

        public Outcome(boolean ok, String message) {
            this(ok, message, false);
        }
    }

    /** An upload under way. */
    interface Running {
        CompletableFuture<Outcome> result();

        void cancel();

        /** A run whose outcome is {@code result} and which {@code cancel} stops. */
        static Running of(CompletableFuture<Outcome> result, Runnable cancel) {
            return new Running() {
                @Override
                public CompletableFuture<Outcome> result() {
                    return result;
                }

                @Override
                public void cancel() {
                    cancel.run();
                }
            };
        }
    }

    /**
     * Starts installing the plan's whole setup without blocking: snippet and include line, files where the config
     * expects them, the config test before the reload, the reload, the live check; the previous state comes back
     * when one of them fails. {@code progress} receives one sentence per stage on the worker's thread.
     */
    Running install(Target target, Setup setup, Prompts prompts, Consumer<String> progress);

    /** Starts uploading without blocking; {@code progress} receives sentences on the upload's thread. */
    Running start(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress);

    /**
     * Starts putting back the newest backup of each of {@code files} (their paths only) without blocking, like
     * {@link #start}.
     */
    Running rollback(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress);
}
