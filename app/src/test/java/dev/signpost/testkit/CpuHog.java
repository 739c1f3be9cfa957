package dev.signpost.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another program that keeps the processor busy: a separate JVM whose threads spin without pause, so that a check
 * competes for the cores as it would on a loaded machine (the scheduler shares the cores between processes, which
 * threads inside the test's own JVM would not show). The hog stops when closed, and by itself when the test's JVM
 * goes away (it watches its standard input).
 */
public final class CpuHog implements AutoCloseable {

    /** What the hog prints once every thread spins. */
    private static final String BUSY = "busy";

    private final Process process;

    private CpuHog(Process process) {
        this.process = process;
    }

    /** Starts a hog with {@code threads} busy threads and returns once all of them run. */
    public static CpuHog start(int threads) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            // The hog needs only this class: its own location is the class path (the JVM's own class path is
            // Maven's when run from exec:java).
            String classes = Path.of(CpuHog.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", classes, CpuHog.class.getName(),
                    String.valueOf(threads))).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (!BUSY.equals(line)) {
                process.destroyForcibly();
                throw new IllegalStateException("the CPU hog did not start: " + line);
            }
            return new CpuHog(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The processor time the hog has used so far. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The hog itself: spins {@code args[0]} threads until its standard input closes. */
    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        for (int i = 0; i < threads; i++) {
            Thread spinner = new Thread(CpuHog::spin, "cpu-hog-" + i);
            spinner.setDaemon(true);
            spinner.start();
        }
        System.out.println(BUSY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Waiting for the parent to go away.
        }
    }

    private static volatile long sink;

    private static void spin() {
        long x = 0;
        while (true) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (x == 42) {
                sink = x;
            }
        }
    }
}
