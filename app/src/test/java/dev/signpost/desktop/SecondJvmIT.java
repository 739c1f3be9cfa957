package dev.signpost.desktop;

import dev.signpost.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar signpost.jar} on a display runs the wizard in a second JVM with the desktop options and a
 * class-data archive (dev.signpost.launch): the archive is written by the first start and mapped by the next, the
 * launcher's signals reach the wizard, and no wizard outlives its launcher.
 */
class SecondJvmIT {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private PrivateDisplay display;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void aDisplay() throws IOException {
        Assumptions.assumeTrue(PrivateDisplay.available(), PrivateDisplay.MISSING);
        display = PrivateDisplay.start(home);
    }

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) {
            List<ProcessHandle> wizards = process.children().toList();
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            wizards.forEach(ProcessHandle::destroyForcibly);
        }
        if (display != null) {
            display.close();
        }
    }

    @Test
    void theFirstStartWritesTheArchiveAndTheNextMapsIt() throws Exception {
        Process first = startWizard(Map.of());
        ProcessHandle wizard = wizardOf(first);
        List<String> firstOptions = arguments(wizard);
        assertThat(firstOptions).as("the wizard JVM's options").contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .anyMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));

        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends after SIGTERM").isTrue();
        assertThat(first.exitValue()).as("the wizard's own status after SIGTERM").isEqualTo(143);
        assertThat(wizard.isAlive()).as("the wizard JVM ended with its launcher").isFalse();
        List<Path> archives = archives();
        assertThat(archives).as("the archive the first start wrote").hasSize(1);
        assertThat(startsLikeAnArchive(archives.get(0))).isTrue();

        Process second = startWizard(Map.of());
        ProcessHandle secondWizard = wizardOf(second);
        assertThat(arguments(secondWizard)).contains("-XX:SharedArchiveFile=" + archives.get(0))
                .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(Files.readString(Path.of("/proc", String.valueOf(secondWizard.pid()), "maps")))
                .as("the archive is mapped into the wizard's JVM").contains(archives.get(0).toString());
        assertThat(read("err-2.txt")).as("console output of a start with the archive").isEmpty();
        assertThat(read("out-2.txt")).isEmpty();
    }

    @Test
    void aWizardDoesNotOutliveALauncherKilledWithSigkill() throws Exception {
        Process launcher = startWizard(Map.of());
        ProcessHandle wizard = wizardOf(launcher);

        launcher.destroyForcibly();

        Await.until(Duration.ofSeconds(60), "the wizard JVM to end after its launcher was killed",
                () -> !wizard.isAlive());
        Await.until(Duration.ofSeconds(20), "the window to close", () -> !display.showsWindow("Signpost"));
    }

    @Test
    void signpostSameJvmKeepsTheWizardInTheStartedJvm() throws Exception {
        Process app = startWizard(Map.of("SIGNPOST_SAME_JVM", "1"));
        Await.until(WINDOW, "the Signpost window to appear", () -> display.showsWindow("Signpost") || !app.isAlive());

        assertThat(app.isAlive()).as("stderr: %s", read("err-1.txt")).isTrue();
        assertThat(app.children().toList()).as("no second JVM").isEmpty();
    }

    private Process startWizard(Map<String, String> extra) throws IOException {
        int n = started.size() + 1;
        String jar = System.getProperty("signpost.jar");
        assertThat(jar).as("system property signpost.jar (set by failsafe)").isNotNull();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-jar", jar)
                .redirectOutput(home.resolve("out-" + n + ".txt").toFile())
                .redirectError(home.resolve("err-" + n + ".txt").toFile());
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("LANG", "C.UTF-8");
        env.put("DISPLAY", display.name());
        env.putAll(extra);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(0, process);
        return process;
    }

    /** The launcher's one child once its window is up. */
    private ProcessHandle wizardOf(Process launcher) {
        Await.until(WINDOW, "the Signpost window to appear",
                () -> display.showsWindow("Signpost") || !launcher.isAlive());
        assertThat(launcher.isAlive()).as("the launcher is still running").isTrue();
        List<ProcessHandle> children = launcher.children().toList();
        assertThat(children).as("the wizard's JVM").hasSize(1);
        return children.get(0);
    }

    private static List<String> arguments(ProcessHandle process) throws IOException {
        // /proc/PID/cmdline: NUL-separated, and complete (ProcessHandle.Info may truncate on some systems).
        String cmdline = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline"),
                StandardCharsets.UTF_8);
        return Arrays.asList(cmdline.split("\0"));
    }

    private List<Path> archives() throws IOException {
        Path dir = home.resolve("cache/signpost/cds");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    private static boolean startsLikeAnArchive(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            // JDK 17's magic number of a dynamic archive, in the machine's byte order.
            return head.length == 4 && ByteBuffer.wrap(head).order(ByteOrder.nativeOrder()).getInt() == 0xf00baba8;
        }
    }

    private String read(String name) throws IOException {
        Path file = home.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
