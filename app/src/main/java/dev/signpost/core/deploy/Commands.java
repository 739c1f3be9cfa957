package dev.signpost.core.deploy;

import com.jcraft.jsch.JSchException;
import dev.signpost.core.text.Texts;

import java.util.List;

/**
 * The configuration test and reload on the server, through sudo when the request asks for it: {@code sudo -n}
 * when sudo needs no password, else the password asked once (kept in memory for this run only) and given to
 * {@code sudo -S} on standard input. Whether sudo works is found out before anything is written, so a wrong
 * password changes nothing.
 */
final class Commands {

    private final SshConnection connection;
    private final SetupRequest request;
    private final ServerLayout layout;
    private final boolean sudo;
    private final Texts texts;
    private final DeployListener listener;
    private final Cancellation cancellation;
    private boolean needsPassword;

    /** @param connection where to run, or null when only {@link #shown} is used */
    Commands(SshConnection connection, SetupRequest request, ServerLayout layout, boolean sudo, Texts texts,
             DeployListener listener, Cancellation cancellation) {
        this.connection = connection;
        this.request = request;
        this.layout = layout;
        this.sudo = sudo;
        this.texts = texts;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /** The commands as they will run, for the user to see before anything happens. */
    List<String> shown() {
        return layout.commands().stream().map(c -> sudo ? request.sudoProgram() + " " + c : c).toList();
    }

    /**
     * Makes sure sudo will work before anything is written: returns the sudo password (the caller wipes it), or
     * null when none is needed.
     */
    byte[] authorise(DeployPrompts prompts, String userAtHost) throws DeployException {
        if (!sudo || layout.commands().isEmpty()) {
            return null;
        }
        CommandResult free = exec(request.sudoProgram() + " -n true", null, true);
        if (free.succeeded()) {
            return null;
        }
        char[] answer = prompts.sudoPassword(texts.get("sudo.for", userAtHost));
        if (answer == null) {
            throw new DeployException(texts.get("sudo.noPassword", userAtHost), true);
        }
        byte[] secret = Secrets.utf8(answer);
        Secrets.wipe(answer);
        byte[] line = java.util.Arrays.copyOf(secret, secret.length + 1);
        line[secret.length] = '\n';
        Secrets.wipe(secret);
        needsPassword = true;
        CommandResult check = exec(request.sudoProgram() + " -S -p '' true", line, true);
        if (!check.succeeded()) {
            Secrets.wipe(line);
            throw new DeployException(texts.get("sudo.refused", userAtHost), true);
        }
        return line;
    }

    /** Runs {@code command} (through sudo when asked), telling the listener under {@code stageKey}. */
    CommandResult run(String command, byte[] sudoPassword, String stageKey) throws DeployException {
        String shown = sudo ? request.sudoProgram() + " " + command : command;
        listener.stage(DeployStage.RUNNING_COMMAND, texts.get(stageKey, shown));
        if (!sudo) {
            return exec(command, null, false);
        }
        if (needsPassword) {
            CommandResult r = exec(request.sudoProgram() + " -S -p '' " + command, sudoPassword, false);
            return new CommandResult(shown, r.exitStatus(), r.output());
        }
        CommandResult r = exec(request.sudoProgram() + " -n " + command, null, false);
        return new CommandResult(shown, r.exitStatus(), r.output());
    }

    /** @param quiet whether the output stays out of the listener (sudo's own questions and complaints) */
    private CommandResult exec(String command, byte[] input, boolean quiet) throws DeployException {
        try {
            return connection.exec(command, input, cancellation, quiet ? text -> { } : listener::commandOutput);
        } catch (JSchException e) {
            throw new DeployException(texts.get("command.lost", command), false, e);
        }
    }
}
