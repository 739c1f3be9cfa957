package dev.signpost.desktop;

import dev.signpost.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar signpost.jar} without arguments, as a user starts it: without a display it answers in one sentence
 * with exit status 2; on a display (a private Xvfb) its window opens with nothing printed on the console.
 */
class DesktopStartIT {

    private static final String SENTENCE = "Signpost’s window needs a graphical session; on a server use "
            + "`signpost check …`, see `signpost --help`.";

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutADisplayItSaysSoInOneSentenceAndExitsWithTwo() throws Exception {
        Run run = runWizard(Map.of());
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr.strip()).isEqualTo(SENTENCE);
        assertThat(run.stdout).isEmpty();
    }

    @Test
    void aDisplayThatCannotBeOpenedGetsTheSameSentence() throws Exception {
        Run run = runWizard(Map.of("DISPLAY", ":" + freeDisplayNumber()));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).contains(SENTENCE).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void onADisplayTheWindowOpensWithoutAnyWarning() throws Exception {
        Assumptions.assumeTrue(onPath("Xvfb") && onPath("xwininfo"),
                "Xvfb and xwininfo are not installed: cannot open a display to start the window on");
        int display = freeDisplayNumber();
        Process xvfb = start(List.of("Xvfb", ":" + display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"),
                Map.of(), home.resolve("xvfb.log"), home.resolve("xvfb.err"));
        Await.until(Duration.ofSeconds(20), "Xvfb to accept connections",
                () -> Files.exists(Path.of("/tmp/.X11-unix/X" + display)));
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process app = start(wizardCommand(), environment(Map.of("DISPLAY", ":" + display)), out, err);
        Await.until(Duration.ofSeconds(60), "the Signpost window to appear",
                () -> windowTitles(display).contains("\"Signpost\"") || !app.isAlive());
        assertThat(app.isAlive()).as("still running with its window open; stderr: %s", read(err)).isTrue();
        assertThat(read(err)).as("console output of a normal start").isEmpty();
        assertThat(read(out)).isEmpty();
    }

    private Run runWizard(Map<String, String> extraEnv) throws Exception {
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Process process = start(wizardCommand(), environment(extraEnv), out, err);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the wizard's start gives up on its own").isTrue();
        return new Run(process.exitValue(), read(out), read(err));
    }

    private List<String> wizardCommand() {
        String jar = System.getProperty("signpost.jar");
        assertThat(jar).as("system property signpost.jar (set by failsafe)").isNotNull();
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-jar", jar);
    }

    /** A clean desktop-less environment: no DISPLAY, no WAYLAND_DISPLAY, settings in a private folder. */
    private Map<String, String> environment(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        return env;
    }

    private Process start(List<String> command, Map<String, String> env, Path out, Path err) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(0, process);
        return process;
    }

    private static String windowTitles(int display) {
        try {
            Process process = new ProcessBuilder("xwininfo", "-root", "-tree", "-display", ":" + display)
                    .redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freeDisplayNumber() {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private record Run(int exit, String stdout, String stderr) {
    }
}
