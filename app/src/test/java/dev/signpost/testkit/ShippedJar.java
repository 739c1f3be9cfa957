package dev.signpost.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the built {@code signpost.jar} as users do, {@code java -jar signpost.jar …}, in its own process: what the
 * test class path hides (a lost multi-release entry, a missing resource, a shaded service file) shows here.
 */
public final class ShippedJar {

    /** What one run printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {
    }

    private static final String LOG_DIR_PROPERTY = "signpost.log.dir";

    private ShippedJar() {
    }

    /** The jar Maven built, from failsafe's {@code signpost.jar} property. */
    public static Path jar() {
        String property = System.getProperty("signpost.jar");
        if (property == null) {
            throw new IllegalStateException("signpost.jar is not set: run this test with failsafe after package");
        }
        Path jar = Path.of(property);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run `./mvnw -pl app verify`");
        }
        return jar;
    }

    /** Runs the jar with {@code args} in {@code workDir}, with nothing on standard input. */
    public static Run run(Path workDir, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(workDir, timeout, env -> { }, args);
    }

    /** As {@link #run(Path, Duration, String...)}, with the environment adjusted by {@code environment}. */
    public static Run run(Path workDir, Duration timeout, Consumer<Map<String, String>> environment, String... args)
            throws IOException, InterruptedException {
        return run(workDir, timeout, environment, null, args);
    }

    /**
     * As {@link #run(Path, Duration, Consumer, String...)}, with {@code stdin} on standard input (a pipe, not a
     * terminal), or nothing when it is null.
     */
    public static Run run(Path workDir, Duration timeout, Consumer<Map<String, String>> environment, byte[] stdin,
                          String... args) throws IOException, InterruptedException {
        List<String> command = command(workDir, args);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                        : ProcessBuilder.Redirect.PIPE)
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        environment.accept(builder.environment());
        Process process = builder.start();
        if (stdin != null) {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
            }
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("signpost " + String.join(" ", args) + " did not end within " + timeout
                    + "; stderr so far:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** {@code java -jar signpost.jar ARGS} as this test JVM's java runs it, logging into {@code workDir/logs}. */
    static List<String> command(Path workDir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Each run logs into its own directory, which a test may read; never into the user's state directory.
        command.add("-D" + LOG_DIR_PROPERTY + "=" + workDir.resolve("logs"));
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        return command;
    }
}
