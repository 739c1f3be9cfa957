package dev.signpost.cli;

import dev.signpost.core.deploy.DeployPrompts;
import dev.signpost.core.deploy.FileChange;
import dev.signpost.core.deploy.HostKeyDecision;
import dev.signpost.core.deploy.HostKeyInfo;
import dev.signpost.core.text.Texts;

import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Answers the deployer's questions on the terminal, or from the options when there is none. The sudo password
 * comes from standard input when {@code --sudo-password-stdin} gave one, else from the terminal.
 */
final class TerminalPrompts implements DeployPrompts {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Texts texts;
    private final Console console;
    private final boolean acceptNew;
    private final boolean yes;
    private final char[] givenSudoPassword;

    /** @param givenSudoPassword the sudo password read from standard input, or null to ask at the terminal */
    TerminalPrompts(PrintWriter out, PrintWriter err, Texts texts, Console console, boolean acceptNew, boolean yes,
                    char[] givenSudoPassword) {
        this.out = out;
        this.err = err;
        this.texts = texts;
        this.console = console;
        this.acceptNew = acceptNew;
        this.yes = yes;
        this.givenSudoPassword = givenSudoPassword;
    }

    @Override
    public HostKeyDecision unknownHostKey(HostKeyInfo key) {
        err.println(texts.get(key.onlyCertificateAuthority() ? "hostkey.certifiedOnly" : "hostkey.unknown",
                key.host(), key.keyType(), key.fingerprint()));
        if (acceptNew) {
            err.println(texts.get("hostkey.saved", key.knownHosts()));
            return HostKeyDecision.ACCEPT_AND_SAVE;
        }
        // The failure sentence that follows says how to compare the key and accept it.
        return HostKeyDecision.REJECT;
    }

    @Override
    public char[] passphrase(String keyName, boolean retry) {
        if (console == null) {
            err.println(texts.get("noTerminal.passphrase", keyName));
            return null;
        }
        return console.readPassword("%s", texts.get(retry ? "passphrase.retry" : "passphrase", keyName));
    }

    @Override
    public char[] password(String userAtHost, boolean retry) {
        if (console == null) {
            err.println(texts.get("noTerminal.password", userAtHost));
            return null;
        }
        return console.readPassword("%s", texts.get(retry ? "password.retry" : "password", userAtHost));
    }

    /** A fresh copy each time: the deployer wipes what it is given; the caller wipes the original. */
    @Override
    public char[] sudoPassword(String what) {
        if (givenSudoPassword != null) {
            return givenSudoPassword.clone();
        }
        if (console == null) {
            err.println(texts.get("noTerminal.sudo", what));
            return null;
        }
        return console.readPassword("%s", texts.get("password", what));
    }

    @Override
    public boolean confirmChanges(List<FileChange> changes) {
        changes.forEach(c -> out.print(c.unifiedDiff()));
        out.flush();
        return confirm(texts.get("confirm.write", changes.size()));
    }

    @Override
    public boolean confirmCommand(String command) {
        out.println(texts.get("command.show", command));
        out.flush();
        return confirm(texts.get("confirm.command"));
    }

    @Override
    public boolean confirmSetup(List<FileChange> changes, List<String> commands) {
        changes.forEach(c -> out.print(c.unifiedDiff()));
        if (!commands.isEmpty()) {
            out.println(texts.get("commands.show"));
            commands.forEach(c -> out.println("  " + c));
        }
        out.flush();
        return confirm(texts.get("confirm.write", changes.size()));
    }

    private boolean confirm(String question) {
        if (yes) {
            return true;
        }
        if (console == null) {
            err.println(texts.get("noTerminal.confirm"));
            return false;
        }
        String answer = console.readLine("%s ", question);
        return answer != null && texts.get("yesAnswers").contains("|" + answer.strip().toLowerCase(Locale.ROOT) + "|");
    }
}

