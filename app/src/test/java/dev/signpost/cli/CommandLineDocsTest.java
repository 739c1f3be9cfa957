package dev.signpost.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The manual page and the completion scripts the packages install, made by the build's own generator and tried
 * with the real tools: groff with every warning on, man, bash and zsh.
 */
class CommandLineDocsTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        CommandLineDocs.main(new String[] {dir.toString()});
    }

    @Test
    void manPageRendersWithoutAWarning() throws Exception {
        assumeTrue(onPath("groff"), "groff is not installed (CI installs groff-base)");
        Result groff = run(List.of("groff", "-ww", "-man", "-Tutf8", "-z", dir.resolve("signpost.1").toString()));

        assertThat(groff.status()).isZero();
        assertThat(groff.err()).as("groff warnings").isEmpty();
    }

    @Test
    void manShowsEveryCommandAndOption() throws Exception {
        assumeTrue(onPath("man"), "man is not installed (CI installs man-db)");
        Result man = run(List.of("env", "MANWIDTH=200", "LC_ALL=C.UTF-8", "man", "--warnings", "-l",
                dir.resolve("signpost.1").toString()));

        assertThat(man.status()).isZero();
        assertThat(man.err()).as("man/groff warnings").isEmpty();
        String page = man.out();
        assertThat(page).contains("signpost - set up and debug Matrix homeserver delegation");
        CommandLine cli = ManPage.english();
        for (CommandLine command : cli.getSubcommands().values()) {
            assertThat(page).contains("signpost " + command.getCommandName());
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (!option.hidden()) {
                    assertThat(page).as("option of " + command.getCommandName()).contains(option.longestName());
                }
            }
        }
        assertThat(page).contains("Backups to keep beside each file (default: 5)");
    }

    @Test
    void bashCompletesCommandsAndOptions() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        assertThat(Files.readString(dir.resolve("signpost.bash"))).as("sourced, not run: no #! line")
                .doesNotStartWith("#!");
        assertThat(bash("signpost ch")).containsExactly("check");
        assertThat(bash("signpost d")).containsExactlyInAnyOrder("deploy", "diff");
        assertThat(bash("signpost check --d")).containsExactly("--dns");
        assertThat(bash("signpost deploy --acc")).containsExactly("--accept-new-host-key");
    }

    @Test
    void zshCompletesThroughItsBashEmulation() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed (CI installs it)");
        assertThat(Files.readString(dir.resolve("_signpost"))).startsWith("#compdef signpost\n");
        assertThat(run(List.of("zsh", "-n", dir.resolve("_signpost").toString())).status()).as("zsh syntax").isZero();

        // Loaded as zsh loads it, the file registers the bash function for signpost with zsh's completion system.
        Result registered = run(List.of("zsh", "-f", "-c", "autoload -U +X compinit && compinit -u\n"
                + "source " + dir.resolve("_signpost") + " 2>/dev/null\n"
                + "print -r -- \"${_comps[signpost]}\""));
        assertThat(registered.out().strip()).startsWith("_bash_complete -F " + CommandLineDocs.BASH_FUNCTION);

        // The function's words for "signpost ch"; zsh's compadd then keeps those that match what was typed.
        Result offered = run(List.of("zsh", "-f", "-c", "autoload -U +X compinit && compinit -u\n"
                + "source " + dir.resolve("_signpost") + " 2>/dev/null\n"
                + "COMP_LINE='signpost ch'; COMP_WORDS=(signpost ch); COMP_CWORD=1; COMP_POINT=${#COMP_LINE}\n"
                + CommandLineDocs.BASH_FUNCTION + "\n"
                + "print -l -- \"${COMPREPLY[@]}\""));
        assertThat(offered.out().lines().filter(word -> word.startsWith("ch"))).containsExactly("check");
    }

    /** What bash offers after {@code line} (the cursor at its end), by the installed completion function. */
    private static List<String> bash(String line) throws Exception {
        String script = "source " + dir.resolve("signpost.bash") + "\n"
                + "COMP_LINE='" + line + "'; read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
                + (line.endsWith(" ") ? "COMP_WORDS+=('')\n" : "")
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}\n"
                + CommandLineDocs.BASH_FUNCTION + "\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Result bash = run(List.of("bash", "--norc", "--noprofile", "-c", script));
        assertThat(bash.status()).as(bash.err()).isZero();
        return bash.out().lines().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(List<String> command) throws Exception {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dirName, program))) {
                return true;
            }
        }
        return false;
    }
}
