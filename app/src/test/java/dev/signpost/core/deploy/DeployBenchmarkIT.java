package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measured figures of docs/deploy.md, not a test of speed (nothing here fails on time): the wall time of
 * {@code java -jar signpost.jar deploy} on the loopback VPS, first run (install, config test, reload, live check
 * before and after) and second run (nothing to change), five fresh servers each, as medians. Run on request, like
 * the screenshot makers (failsafe leaves it out otherwise):
 * <pre>
 * ./mvnw -B -o -pl app verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DeployBenchmarkIT
 * </pre>
 * Prints one {@code [measure]} line per server and writes them to {@code target/deploy-timings.txt} with the
 * machine's processors and load.
 */
class DeployBenchmarkIT extends LoopbackDeployKit {

    static final int RUNS = 5;

    private LoopbackWebServer server(String kind, Path prefix, TestCa ca) throws Exception {
        return switch (kind) {
            case "nginx" -> new LoopbackNginx(prefix, ca, "");
            case "apache" -> new LoopbackApache(prefix, ca, true);
            case "caddy" -> new LoopbackCaddy(prefix, ca, false);
            case "haproxy" -> new LoopbackHaproxy(prefix, ca, false);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nginx", "apache", "caddy", "haproxy"})
    void deployWallTimes(String kind) throws Exception {
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            use(server(kind, prefix(), world.ca()));
            List<String> args = deployArgs(sshd.port());
            args.addAll(world.args());
            Result install = signpost(args);
            assertThat(install.exit()).as(install.both()).isZero();
            assertThat(install.out()).contains("Live check: example.org now serves what was planned.");
            Result again = signpost(args);
            assertThat(again.exit()).as(again.both()).isZero();
            assertThat(again.out()).contains("Nothing was written.");
            first.add(install.millis());
            second.add(again.millis());
            web.close();
            web = null;
        }
        String line = "[measure] deploy --web-server " + kind + ", median of " + RUNS + ": first " + median(first)
                + " ms " + first + ", second " + median(second) + " ms " + second + "; "
                + Runtime.getRuntime().availableProcessors() + " processors, load average before " + loadBefore
                + ", after " + Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.println(line);
        Path out = Path.of("target", "deploy-timings.txt");
        Files.writeString(out, line + "\n", Files.exists(out) ? java.nio.file.StandardOpenOption.APPEND
                : java.nio.file.StandardOpenOption.CREATE);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }
}
