package dev.signpost.testkit;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The built jar at a terminal, as a user meets it: run under a pseudo-terminal made by util-linux
 * {@code script -qec CMD /dev/null}, so {@code System.console()} exists and a password prompt turns echo off. The
 * test types what the user would, after the prompt is shown (typed earlier, the terminal would still echo it, as
 * it would for a user who types ahead). Output is stdout and stderr together, as on a terminal, with {@code \r\n}
 * made {@code \n}.
 */
public final class JarAtTerminal implements AutoCloseable {

    static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Process process;
    private final OutputStream keyboard;
    private final StringBuffer screen = new StringBuffer();
    private final Thread reader;

    private JarAtTerminal(Process process) {
        this.process = process;
        this.keyboard = process.getOutputStream();
        InputStream terminal = process.getInputStream();
        reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = terminal.read(buffer)) != -1; ) {
                    screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ended) {
                // The process is gone; what was read is on the screen.
            }
        }, "jar-at-terminal");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code signpost ARGS} at a terminal in {@code workDir}; skips the test when {@code script} is missing. */
    public static JarAtTerminal start(Path workDir, Consumer<Map<String, String>> environment, String... args)
            throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(SCRIPT), SCRIPT + " is not installed (package util-linux): "
                + "the tests that type at a terminal are skipped (CI installs it)");
        String line = ShippedJar.command(workDir, args).stream().map(JarAtTerminal::quoted)
                .collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(List.of(SCRIPT.toString(), "-qec", line, "/dev/null"))
                .directory(workDir.toFile()).redirectErrorStream(true);
        environment.accept(builder.environment());
        return new JarAtTerminal(builder.start());
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Waits until the terminal shows {@code text}; fails with what it shows when it does not. */
    public void awaitShown(String text, Duration limit) {
        Await.holdsWithin(limit, () -> screen().contains(text) || !process.isAlive() && !reader.isAlive());
        if (!screen().contains(text)) {
            throw new AssertionError("the terminal did not show \"" + text + "\" within " + limit + ":\n" + screen());
        }
    }

    /** Types {@code line} and Enter. */
    public void type(String line) {
        try {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the terminal showed so far. */
    public String screen() {
        return screen.toString().replace("\r\n", "\n");
    }

    /** Waits for the run to end: its exit status and everything it showed (as stdout; stderr is empty). */
    public ShippedJar.Run finish(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("signpost did not end within " + limit + "; the terminal shows:\n" + screen());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return new ShippedJar.Run(process.exitValue(), screen(), "");
    }

    @Override
    public void close() throws IOException {
        keyboard.close();
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
