package dev.signpost.bench;

import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportJson;
import dev.signpost.testkit.BoundsWorlds;
import dev.signpost.testkit.CpuHog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what the built jar costs against worlds that try its bounds, run as users run it
 * ({@code java -jar signpost.jar check …}) in its own process: peak resident memory (from {@code /usr/bin/time}),
 * the size of the JSON report, and wall times, the last under a CPU hog of four busy threads in another process.
 * Not a unit test; run it after {@code package} with
 *
 * <pre>./mvnw -B -o -q -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.signpost.bench.BoundsBenchmark -Dsignpost.jar=app/target/signpost.jar</pre>
 *
 * <p>System property {@code bench.repetitions} (default 5): runs per scenario; medians are printed. Exit status 1
 * when a run gave no report, 0 otherwise: whether a target was met is printed, not enforced.
 */
public final class BoundsBenchmark {

    /** The timeout of the deadline scenarios; the memory scenario gives every answer time to arrive in full. */
    private static final int TIMEOUT_SECONDS = 3;
    private static final int PATIENT_TIMEOUT_SECONDS = 10;
    private static final Pattern MAX_RSS = Pattern.compile("maxrss_kb=(\\d+)");

    private record Measured(int exit, long rssKb, long reportBytes, Duration wall, Duration own) {
    }

    private BoundsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(System.getProperty("signpost.jar", "app/target/signpost.jar")).toAbsolutePath();
        int repetitions = Integer.getInteger("bench.repetitions", 5);
        Path dir = Files.createTempDirectory("signpost-bounds");
        boolean ok = true;
        System.out.println("| scenario | runs | peak RSS (median) | JSON report (median) | wall time (median) "
                + "| run's own clock (median) | target |");
        System.out.println("|---|---|---|---|---|---|---|");
        ok &= scenario("200 addresses, 60 KB heads, 500 KB bodies", "< 300 MB RSS, < 2 MB report (--timeout 10)",
                jar, dir, repetitions, () -> BoundsWorlds.largeAnswers(200, 60 * 1024, 500 * 1024), null,
                PATIENT_TIMEOUT_SECONDS);
        ok &= scenario("4,000 hanging addresses", "ends within 2 × 3 s (+ JVM start)", jar, dir, repetitions,
                () -> BoundsWorlds.hangingAddresses(4000), null, TIMEOUT_SECONDS);
        try (CpuHog hog = CpuHog.start(4)) {
            List<Duration> starts = new ArrayList<>();
            for (int i = 0; i < repetitions; i++) {
                starts.add(run(jar, dir, List.of("--version"), null).wall());
            }
            Duration start = median(starts);
            ok &= scenario("well-known that never answers, 4 busy threads", "ends within 2 × 3 s + JVM start ("
                    + millis(start) + " under the hog)", jar, dir, repetitions, BoundsWorlds::silentWellKnown, hog,
                    TIMEOUT_SECONDS);
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean scenario(String name, String target, Path jar, Path dir, int repetitions,
                                    Supplier<BoundsWorlds> worlds, CpuHog hog, int timeoutSeconds)
            throws Exception {
        List<Measured> runs = new ArrayList<>();
        try (BoundsWorlds world = worlds.get()) {
            for (int i = 0; i < repetitions; i++) {
                Path output = dir.resolve("report-" + i + ".json");
                Files.deleteIfExists(output);
                List<String> args = List.of(world.args("check", BoundsWorlds.NAME, "--timeout",
                        String.valueOf(timeoutSeconds), "--json", "--output", output.toString()));
                Measured m = run(jar, dir, args, output);
                if (m == null) {
                    System.out.println("| " + name + " | run " + (i + 1) + " gave no report | | | | | |");
                    return false;
                }
                runs.add(m);
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", name, runs.size(),
                runs.get(0).rssKb() < 0 ? "n/a" : medianLong(runs.stream().map(Measured::rssKb).toList()) / 1024
                        + " MB", kb(medianLong(runs.stream().map(Measured::reportBytes).toList())),
                millis(median(runs.stream().map(Measured::wall).toList())),
                millis(median(runs.stream().map(Measured::own).toList())), target);
        System.out.println("<!-- " + name + ": " + runs + " -->");
        return true;
    }

    /** Runs the jar under /usr/bin/time when it exists; null when a report was asked for and none came. */
    private static Measured run(Path jar, Path dir, List<String> args, Path output) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            command.addAll(List.of("/usr/bin/time", "-f", "maxrss_kb=%M"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()));
        command.addAll(args);
        Path err = dir.resolve("stderr.txt");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return null;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        Matcher rss = MAX_RSS.matcher(Files.readString(err, StandardCharsets.UTF_8));
        long rssKb = timed && rss.find() ? Long.parseLong(rss.group(1)) : -1;
        if (output == null) {
            return new Measured(process.exitValue(), rssKb, 0, wall, wall);
        }
        if (!Files.exists(output)) {
            return null;
        }
        Report report;
        try {
            report = ReportJson.read(Files.readString(output, StandardCharsets.UTF_8));
        } catch (Exception e) {
            return null;
        }
        return new Measured(process.exitValue(), rssKb, Files.size(output), wall, report.elapsed());
    }

    private static Duration median(List<Duration> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long medianLong(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    private static String kb(long bytes) {
        return bytes / 1024 + " KB";
    }
}
