package dev.signpost.core.deploy;

import java.util.List;

/**
 * The questions a deployment may need to ask the user. Called on the deployment's worker thread; an
 * implementation may block until the user answers (a UI hands the question to its own thread and waits).
 *
 * <p>Secrets are passed as {@code char[]}: the deployer copies what it needs and wipes the array the
 * implementation returned, so an implementation must return a fresh array each time.
 */
public interface DeployPrompts {

    /**
     * known_hosts does not know this server's key. Show the key type and fingerprint; trust it only when the
     * user accepts. Never called for a changed key: that is always refused.
     */
    HostKeyDecision unknownHostKey(HostKeyInfo key);

    /**
     * The passphrase of an encrypted private key, or null to skip that key.
     *
     * @param keyName the key file's path
     * @param retry   true when the previous answer was wrong
     */
    char[] passphrase(String keyName, boolean retry);

    /**
     * The login password, or null to give up. Asked only after key authentication failed.
     *
     * @param userAtHost e.g. {@code deploy@example.org}
     * @param retry      true when the previous answer was wrong
     */
    char[] password(String userAtHost, boolean retry);

    /**
     * The sudo password for the configuration test and reload, or null to give up; asked once, before anything is
     * written. By default the login password's question with {@code what} in place of the user.
     *
     * @param what e.g. {@code sudo on deploy@example.org}
     */
    default char[] sudoPassword(String what) {
        return password(what, false);
    }

    /** Shows the differences and asks whether to write them; only called when something would change. */
    boolean confirmChanges(List<FileChange> changes);

    /** Shows the after-upload command and asks whether to run it now. */
    boolean confirmCommand(String command);

    /**
     * Shows the differences and the commands that will run after writing them (configuration test, reload),
     * and asks whether to go ahead. By default the two questions above, in that order.
     */
    default boolean confirmSetup(List<FileChange> changes, List<String> commands) {
        return confirmChanges(changes) && (commands.isEmpty() || confirmCommand(String.join(" && ", commands)));
    }

    /** Prompts that answer no to everything: unknown keys refused, no secrets, nothing confirmed. */
    static DeployPrompts refuseAll() {
        return new DeployPrompts() {
            @Override
            public HostKeyDecision unknownHostKey(HostKeyInfo key) {
                return HostKeyDecision.REJECT;
            }

            @Override
            public char[] passphrase(String keyName, boolean retry) {
                return null;
            }

            @Override
            public char[] password(String userAtHost, boolean retry) {
                return null;
            }

            @Override
            public boolean confirmChanges(List<FileChange> changes) {
                return false;
            }

            @Override
            public boolean confirmCommand(String command) {
                return false;
            }
        };
    }
}
