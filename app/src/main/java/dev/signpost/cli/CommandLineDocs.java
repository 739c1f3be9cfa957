package dev.signpost.cli;

import dev.signpost.Version;
import picocli.AutoComplete;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what the packages install beside the program, from the same picocli model the program parses with: the
 * manual page {@code signpost.1} and the bash and zsh completion scripts. Run by the build (app/pom.xml,
 * {@code process-classes}); the argument is the output directory.
 */
public final class CommandLineDocs {

    /** The bash function picocli registers for {@code signpost}. */
    static final String BASH_FUNCTION = "_complete_signpost";

    private CommandLineDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CommandLineDocs OUTPUT_DIR");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        CommandLine cli = ManPage.english();
        Files.writeString(dir.resolve("signpost.1"), ManPage.write(cli, Version.get()), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("signpost.bash"), bash(cli), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("_signpost"), zsh(cli), StandardCharsets.UTF_8);
    }

    /** The bash completion script (installed as {@code /usr/share/bash-completion/completions/signpost}). */
    static String bash(CommandLine cli) {
        // Sourced by bash-completion, never run: without the #! line (lintian's script-not-executable).
        String script = AutoComplete.bash("signpost", cli);
        return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    }

    /**
     * The zsh completion function file ({@code _signpost} in a directory of {@code $fpath}): zsh runs the bash
     * script through its bashcompinit emulation, so both shells complete the same words. Autoloaded, the body runs
     * at the first completion: it registers the bash function and then answers that first request too.
     */
    static String zsh(CommandLine cli) {
        return "#compdef signpost\n"
                + "# signpost's completion: the bash script below, run by zsh's bash-completion emulation.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n"
                + bash(cli)
                + "\n_bash_complete -F " + BASH_FUNCTION + "\n";
    }
}
