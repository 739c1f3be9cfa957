package dev.signpost.core.deploy;

import dev.signpost.testkit.Await;
import dev.signpost.testkit.JarAtTerminal;
import dev.signpost.testkit.ShippedJar;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sudo password through the built jar, as a user meets it: {@code signpost deploy --sudo always} at a terminal
 * (a pseudo-terminal, {@link JarAtTerminal}) against the loopback VPS with the real nginx, sudo being
 * {@link SudoShim} (the SSH user is not root in the sense that matters: every command needs the password). The
 * password is typed at the prompt; for scripts it comes from standard input with {@code --sudo-password-stdin}.
 * A wrong one changes nothing on the server (files, config, no reload, nothing run through sudo), ends with exit 1
 * and one sentence that says what to do; a right one installs. Neither is ever shown or written anywhere.
 */
class SudoPasswordIT extends LoopbackDeployKit {

    static final String PASSWORD = "Sudo-Pa55word-7391";
    static final String WRONG = "Wrong-Guess-5530";
    static final String PROMPT = "Password for sudo on ";
    static final String REFUSED = "did not accept the password, so nothing was changed: try again with this user's"
            + " own password on the server, or check there with \"sudo -l\" that the user may use sudo.";

    private SudoShim sudo;

    private List<String> sudoArgs() throws Exception {
        use(new LoopbackNginx(prefix(), world.ca(), ""));
        sudo = SudoShim.write(base.resolve("sudo-" + System.nanoTime()), PASSWORD);
        return deployArgs(sshd.port(), "--sudo", "always", "--sudo-program", sudo.program.toString(),
                "--skip-live-check");
    }

    /** Types {@code password} at the prompt of a deploy at a terminal; the prompt must come exactly once. */
    private ShippedJar.Run atTerminal(List<String> args, String password) throws Exception {
        try (JarAtTerminal terminal = JarAtTerminal.start(base.resolve("home"), this::jarEnvironment,
                args.toArray(String[]::new))) {
            terminal.awaitShown(PROMPT, Duration.ofSeconds(120));
            terminal.type(password);
            ShippedJar.Run run = terminal.finish(Duration.ofSeconds(120));
            assertThat(run.stdout().split(PROMPT, -1)).as(run.stdout()).hasSize(2);
            assertThat(run.stdout()).doesNotContain(password);
            return run;
        }
    }

    @Test
    void aWrongPasswordTypedAtTheTerminalChangesNothing() throws Exception {
        List<String> args = sudoArgs();
        Map<String, String> before = siteFiles();
        long reloads = web.reloads();

        ShippedJar.Run run = atTerminal(args, WRONG);

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(1);
        assertThat(run.stdout()).contains("signpost deploy: sudo on " + sshd.user() + "@127.0.0.1:" + sshd.port()
                + " " + REFUSED).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Uploading").doesNotContain("Testing the configuration");
        assertNothingChanged(before, reloads);
        assertNowhere(WRONG);
    }

    @Test
    void theRightPasswordTypedAtTheTerminalInstalls() throws Exception {
        List<String> args = sudoArgs();
        long reloads = web.reloads();

        ShippedJar.Run run = atTerminal(args, PASSWORD);

        assertThat(run.exitCode()).as(run.stdout()).isZero();
        // sudo is tried ("true") before anything is written, then the test and the reload run through it.
        assertThat(run.stdout()).contains("installed; the configuration test and the reload succeeded.");
        assertThat(sudo.ran()).containsExactly("true", web.testCommand(), web.reloadCommand());
        assertThat(web.reloads()).as(web.logs()).isEqualTo(reloads + 1);
        assertServesTheNewFiles();
        assertNowhere(PASSWORD);
    }

    @Test
    void scriptsPipeThePasswordInWithSudoPasswordStdin() throws Exception {
        List<String> args = sudoArgs();
        args.add("--sudo-password-stdin");
        Map<String, String> before = siteFiles();
        long reloads = web.reloads();

        Result wrong = signpost(args, (WRONG + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(wrong.exit()).as(wrong.both()).isEqualTo(1);
        assertThat(wrong.err()).contains(REFUSED).doesNotContain("Exception");
        assertNothingChanged(before, reloads);

        Result right = signpost(args, (PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(right.exit()).as(right.both()).isZero();
        assertThat(sudo.ran()).containsExactly("true", web.testCommand(), web.reloadCommand());
        assertThat(web.reloads()).isEqualTo(reloads + 1);
        assertServesTheNewFiles();
        assertThat(wrong.both() + right.both()).doesNotContain(WRONG).doesNotContain(PASSWORD);
        assertNowhere(WRONG);
        assertNowhere(PASSWORD);

        Result empty = signpost(args, new byte[0]);
        assertThat(empty.exit()).as(empty.both()).isEqualTo(2);
        assertThat(empty.err()).contains("--sudo-password-stdin was given, but standard input held no password");
    }

    @Test
    void withoutATerminalOrStdinTheSudoPasswordIsNotAskedAndNothingChanges() throws Exception {
        List<String> args = sudoArgs();
        Map<String, String> before = siteFiles();
        long reloads = web.reloads();

        Result r = signpost(args);
        assertThat(r.exit()).as(r.both()).isEqualTo(1);
        assertThat(r.err()).contains("wants a password, but stdin is not a terminal")
                .contains("--sudo-password-stdin").contains("Nothing was changed.");
        assertNothingChanged(before, reloads);
    }

    /**
     * nginx swaps its workers a moment after the reload (there was no live check to wait for it); until the old
     * ones have gone, a request may still reach one of them.
     */
    private void assertServesTheNewFiles() {
        Await.until(Duration.ofSeconds(60), "nginx serves the new server file\n" + web.logs(),
                () -> SERVER.equals(fetch(web.port, "/.well-known/matrix/server").bodyText()));
    }

    private void assertNothingChanged(Map<String, String> before, long reloads) throws IOException {
        assertThat(siteFiles()).isEqualTo(before);
        assertThat(web.snippet()).doesNotExist();
        assertThat(web.reloads()).isEqualTo(reloads);
        assertThat(sudo.ran()).isEmpty();
        assertThat(fetch(web.port, "/.well-known/matrix/server").statusCode()).isEqualTo(404);
    }

    /** Every file of the site's configuration and web root (backups and temporary files included). */
    private Map<String, String> siteFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path dir : List.of(web.site.getParent(), web.snippet().getParent(), web.www)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    files.put(web.prefix.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return files;
    }

    /**
     * The secret is in no file of the run: not the jar's logs or captured output, not its HOME, not sshd's or
     * nginx's files (only in the stand-in sudos, which must know it).
     */
    private void assertNowhere(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().equals(sudo.program.getFileName())).toList()) {
                String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(content).as(p.toString()).doesNotContain(new String(needle, StandardCharsets.ISO_8859_1));
            }
        }
    }
}
