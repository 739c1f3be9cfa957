package dev.signpost.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built application jar ({@code signpost.jar}, system property set by the failsafe configuration) as its
 * own process, the way users run it: stdin closed (no terminal), output captured, a time limit.
 */
public final class JarProcess {

    /** What one run did; {@code millis} is its wall time. */
    public record Result(int exit, String out, String err, long millis) {
        /** Both streams, for assertion messages. */
        public String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private JarProcess() {
    }

    /** The built jar; fails (not skips) when it is missing, since these tests exist to run it. */
    public static Path jar() {
        String property = System.getProperty("signpost.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("The built jar is missing (system property signpost.jar = " + property
                    + "); run these tests with mvn verify, after package.");
        }
        return Path.of(property);
    }

    /** Runs {@code java -jar signpost.jar args…} with {@code home} as HOME (never the real one). */
    public static Result run(Path home, Map<String, String> env, long timeoutSeconds, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "-jar", jar().toString()));
        command.addAll(args);
        Path out = Files.createTempFile("signpost-out", ".txt");
        Path err = Files.createTempFile("signpost-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("HOME", home.toString());
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("signpost " + args + " did not finish within " + timeoutSeconds + " s\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        try {
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
