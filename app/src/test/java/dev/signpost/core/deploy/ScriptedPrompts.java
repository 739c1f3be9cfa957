package dev.signpost.core.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers a deployment's questions from a script and records what was asked. */
class ScriptedPrompts implements DeployPrompts {

    HostKeyDecision hostKeyDecision = HostKeyDecision.REJECT;
    final Deque<String> passphrases = new ArrayDeque<>();
    final Deque<String> passwords = new ArrayDeque<>();
    boolean confirmChanges = true;
    boolean confirmCommand = true;

    final List<HostKeyInfo> hostKeysShown = new ArrayList<>();
    final List<String> passphraseRequests = new ArrayList<>();
    final List<String> passwordRequests = new ArrayList<>();
    final List<List<FileChange>> changesShown = new ArrayList<>();
    final List<String> commandsShown = new ArrayList<>();
    /** The arrays handed out, to check they were wiped. */
    final List<char[]> secretsHandedOut = new ArrayList<>();

    ScriptedPrompts accept(HostKeyDecision decision) {
        this.hostKeyDecision = decision;
        return this;
    }

    @Override
    public HostKeyDecision unknownHostKey(HostKeyInfo key) {
        hostKeysShown.add(key);
        return hostKeyDecision;
    }

    @Override
    public char[] passphrase(String keyName, boolean retry) {
        passphraseRequests.add(keyName + (retry ? " (retry)" : ""));
        return handOut(passphrases.poll());
    }

    @Override
    public char[] password(String userAtHost, boolean retry) {
        passwordRequests.add(userAtHost + (retry ? " (retry)" : ""));
        return handOut(passwords.poll());
    }

    private char[] handOut(String secret) {
        if (secret == null) {
            return null;
        }
        char[] chars = secret.toCharArray();
        secretsHandedOut.add(chars);
        return chars;
    }

    @Override
    public boolean confirmChanges(List<FileChange> changes) {
        changesShown.add(changes);
        return confirmChanges;
    }

    @Override
    public boolean confirmCommand(String command) {
        commandsShown.add(command);
        return confirmCommand;
    }
}
