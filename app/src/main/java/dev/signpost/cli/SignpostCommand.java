package dev.signpost.cli;

import dev.signpost.EnvironmentLocale;
import dev.signpost.Version;
import dev.signpost.core.text.Texts;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Locale;

/** The {@code signpost} command and its subcommands; each subcommand is a thin front-end over the core. */
@Command(
        name = "signpost",
        mixinStandardHelpOptions = true,
        versionProvider = SignpostCommand.VersionProvider.class,
        // Every description and heading, English and German, chosen by the default locale; subcommands inherit it.
        resourceBundle = SignpostCommand.HELP_BUNDLE,
        subcommands = {CheckCommand.class, GenerateCommand.class, DeployCommand.class, DiffCommand.class,
                CommandLine.HelpCommand.class})
public final class SignpostCommand {

    private static final System.Logger LOG = System.getLogger(SignpostCommand.class.getName());

    /** The bundle of the help text: {@code dev/signpost/cli/help*.properties}. */
    public static final String HELP_BUNDLE = "dev.signpost.cli.help";

    /** Exit status for bad usage or invalid input, as documented in the README. */
    public static final int EXIT_USAGE = 2;

    /** Runs the command line and returns the exit status. */
    public static int run(String... args) {
        Charset charset = EnvironmentLocale.outputCharset(System.getenv());
        return run(new PrintWriter(new OutputStreamWriter(System.out, charset), true),
                new PrintWriter(new OutputStreamWriter(System.err, charset), true), args);
    }

    /** Runs the command line with the given streams (tests capture them) and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        LOG.log(System.Logger.Level.INFO, "signpost {0} (version {1})", String.join(" ", args), Version.get());
        CommandLine cli = new CommandLine(new SignpostCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // A bug must not show users a stack trace; say what happened in one line. The stack goes to the log.
            LOG.log(System.Logger.Level.ERROR, "unexpected error in signpost " + String.join(" ", args), ex);
            commandLine.getErr().println(new Texts("dev.signpost.cli.messages", Locale.getDefault())
                    .get("error.unexpected", ex));
            return 1;
        });
        int status = cli.execute(args);
        LOG.log(System.Logger.Level.INFO, "exit status {0}", status);
        return status;
    }

    /** Reads the version the build wrote. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"signpost " + Version.get()};
        }
    }
}
