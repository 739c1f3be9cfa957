package dev.signpost.installer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A finished external command: exit status and what it printed. */
record Run(int exitStatus, String out, String err) {

    static Run of(Duration timeout, String... command) {
        return of(timeout, env -> { }, command);
    }

    /** Runs a command to completion, with the environment adjusted; fails the test if it outlives the timeout. */
    static Run of(Duration timeout, Consumer<Map<String, String>> environment, String... command) {
        try {
            Path out = Files.createTempFile("installer-test", ".out");
            Path err = Files.createTempFile("installer-test", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(List.of(command))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                environment.accept(builder.environment());
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
                }
                return new Run(process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
