package dev.signpost.desktop;

import dev.signpost.testkit.Await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A private Xvfb display for tests that start the built jar's window, and what is on it. */
final class PrivateDisplay implements AutoCloseable {

    private final int number;
    private final Process xvfb;

    private PrivateDisplay(int number, Process xvfb) {
        this.number = number;
        this.xvfb = xvfb;
    }

    /** Whether this machine has Xvfb and xwininfo; tests skip with this reason when not. */
    static boolean available() {
        return onPath("Xvfb") && onPath("xwininfo");
    }

    static final String MISSING = "Xvfb and xwininfo are not installed: cannot open a display to start the window on";

    static PrivateDisplay start(Path logDir) throws IOException {
        int number = freeNumber();
        Process xvfb = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectOutput(logDir.resolve("xvfb.log").toFile()).redirectError(logDir.resolve("xvfb.err").toFile())
                .start();
        Await.until(Duration.ofSeconds(20), "Xvfb to accept connections",
                () -> Files.exists(Path.of("/tmp/.X11-unix/X" + number)));
        return new PrivateDisplay(number, xvfb);
    }

    /** {@code :N}, for {@code DISPLAY}. */
    String name() {
        return ":" + number;
    }

    /** xwininfo's tree of every window: titles appear quoted. */
    String windowTree() {
        try {
            Process process = new ProcessBuilder("xwininfo", "-root", "-tree", "-display", name())
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

    boolean showsWindow(String title) {
        return windowTree().contains("\"" + title + "\"");
    }

    /** A display number nobody uses, for a display that exists or one that cannot be opened. */
    static int freeNumber() {
        for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 400; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
