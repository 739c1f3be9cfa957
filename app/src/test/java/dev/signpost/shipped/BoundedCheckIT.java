package dev.signpost.shipped;

import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportJson;
import dev.signpost.testkit.BoundsWorlds;
import dev.signpost.testkit.CpuHog;
import dev.signpost.testkit.ShippedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.signpost.testkit.BoundsWorlds.NAME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar stays within its bounds against worlds that try them: thousands of addresses that never answer
 * end within twice the timeout, hundreds of addresses with huge answers give a small report, and a well-known
 * that never answers ends in time while four busy threads of another program compete for the cores. (Memory is
 * measured by the bounds benchmark, not asserted here: see docs/benchmark.md.)
 */
class BoundedCheckIT {

    private static final int TIMEOUT_SECONDS = 3;
    private static final Duration LIMIT = Duration.ofSeconds(2L * TIMEOUT_SECONDS);
    private static final long MAX_REPORT_BYTES = 2L * 1024 * 1024;

    /** One run of the jar: how it ended, its report, and its wall time. */
    private record Timed(ShippedJar.Run run, Report report, long reportBytes, Duration wall) {
    }

    private static Timed check(Path dir, BoundsWorlds world) throws Exception {
        return check(dir, world, TIMEOUT_SECONDS);
    }

    private static Timed check(Path dir, BoundsWorlds world, int timeoutSeconds) throws Exception {
        Path output = Files.createTempFile(dir, "report", ".json");
        long started = System.nanoTime();
        ShippedJar.Run run = ShippedJar.run(dir, Duration.ofSeconds(120), env -> env.put("LC_ALL", "C.UTF-8"),
                world.args("check", NAME, "--timeout", String.valueOf(timeoutSeconds), "--json", "--output",
                        output.toString()));
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        String json = Files.readString(output, StandardCharsets.UTF_8);
        return new Timed(run, ReportJson.read(json), Files.size(output), wall);
    }

    /** How long the JVM takes to start the jar and run its shortest command, now. */
    private static Duration jvmStart(Path dir) throws Exception {
        List<Duration> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            ShippedJar.Run run = ShippedJar.run(dir, Duration.ofSeconds(60), "--version");
            runs.add(Duration.ofNanos(System.nanoTime() - started));
            assertThat(run.exitCode()).isZero();
        }
        return runs.stream().sorted().toList().get(1);
    }

    private static String summary(Report report, String id) {
        return report.check(id).orElseThrow(() -> new AssertionError("no check " + id)).summary();
    }

    @Test
    void fourThousandHangingAddressesEndWithinTwiceTheTimeout(@TempDir Path dir) throws Exception {
        try (BoundsWorlds world = BoundsWorlds.hangingAddresses(4000)) {
            Duration start = jvmStart(dir);
            Timed t = check(dir, world);
            assertThat(t.run().exitCode()).as(t.run().stderr()).isEqualTo(1);
            assertThat(t.report().elapsed()).as("the run's own clock").isLessThanOrEqualTo(LIMIT);
            assertThat(t.wall()).as("wall time, JVM start %s", start).isLessThan(LIMIT.plus(start)
                    .plusMillis(500));
            assertThat(summary(t.report(), "federation.dns")).contains("3992 more IPv4")
                    .contains("at most 8 addresses of each family");
            assertThat(t.report().hops().stream().filter(h -> h.id().startsWith("fed.addr.")).count())
                    .as("addresses checked").isEqualTo(8);
            assertThat(t.reportBytes()).isLessThan(MAX_REPORT_BYTES);
        }
    }

    @Test
    void twoHundredAddressesWithHugeAnswersGiveAReportUnderTwoMegabytes(@TempDir Path dir) throws Exception {
        try (BoundsWorlds world = BoundsWorlds.largeAnswers(200, 60 * 1024, 500 * 1024)) {
            // A patient timeout, so that every answer arrives in full and is judged (and kept as evidence).
            Timed t = check(dir, world, 10);
            assertThat(t.run().exitCode()).as(t.run().stderr()).isEqualTo(1);
            assertThat(summary(t.report(), "federation.dns")).contains("192 more IPv4");
            assertThat(t.report().federation().connections()).as("addresses fetched").hasSize(8);
            assertThat(summary(t.report(), "federation.keys")).as("the keys were read and judged")
                    .doesNotContain("no answer").doesNotContain("overall limit");
            assertThat(t.reportBytes()).isLessThan(MAX_REPORT_BYTES);
        }
    }

    @Test
    void aWellKnownThatNeverAnswersEndsInTimeWhileAnotherProgramHogsTheCores(@TempDir Path dir)
            throws Exception {
        try (BoundsWorlds world = BoundsWorlds.silentWellKnown(); CpuHog hog = CpuHog.start(4)) {
            Duration start = jvmStart(dir);
            List<Duration> walls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Timed t = check(dir, world);
                assertThat(t.run().exitCode()).as(t.run().stderr()).isEqualTo(1);
                assertThat(t.report().elapsed()).as("the run's own clock under load").isLessThanOrEqualTo(LIMIT);
                assertThat(summary(t.report(), "federation.well-known")).isNotBlank();
                walls.add(t.wall());
            }
            Duration median = walls.stream().sorted().toList().get(1);
            assertThat(median).as("median wall time under load of %s, JVM start %s", walls, start)
                    .isLessThan(LIMIT.plus(start).plusSeconds(1));
            assertThat(hog.isAlive()).isTrue();
        }
    }
}
