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
        Run run = runWizard(Map.of("DISPLAY", ":" + PrivateDisplay.freeNumber()));
        assertThat(run.exit).isEqualTo(2);
        assertThat(run.stderr).contains(SENTENCE).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void onADisplayTheWindowOpensWithoutAnyWarning() throws Exception {
        Assumptions.assumeTrue(PrivateDisplay.available(), PrivateDisplay.MISSING);
        try (PrivateDisplay display = PrivateDisplay.start(home)) {
            Path out = home.resolve("out.txt");
            Path err = home.resolve("err.txt");
            Process app = start(wizardCommand(), environment(Map.of("DISPLAY", display.name())), out, err);
            Await.until(Duration.ofSeconds(60), "the Signpost window to appear",
                    () -> display.showsWindow("Signpost") || !app.isAlive());
            assertThat(app.isAlive()).as("still running with its window open; stderr: %s", read(err)).isTrue();
            assertThat(read(err)).as("console output of a normal start").isEmpty();
            assertThat(read(out)).isEmpty();
        }
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
        // The JVM's user.home comes from the password database, not HOME: without this the class-data archive of
        // the wizard's JVM would land in the real user's cache.
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
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

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private record Run(int exit, String stdout, String stderr) {
    }
}
