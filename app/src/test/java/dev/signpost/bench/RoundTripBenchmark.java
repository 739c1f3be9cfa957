package dev.signpost.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signpost.cli.SignpostCommand;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHomeserver;

/**
 * Measures how many <em>sequential</em> network round trips {@code signpost check} costs, by running the same
 * check through {@link dev.signpost.testkit.DelayProxy delaying proxies} with no added latency and with L = 40 ms,
 * and dividing the difference of the medians by L. Not a unit test (surefire does not pick it up); run it with
 *
 * <pre>./mvnw -B -o -q -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.signpost.bench.RoundTripBenchmark</pre>
 *
 * <p>System properties: {@code bench.repetitions} (default 9), {@code bench.latencyMs} (default 40),
 * {@code bench.only} (a scenario name prefix). Exit status 1 when a check did not give the expected answer (then
 * the timings mean nothing), 0 otherwise — whether the target was met is printed, not enforced.
 *
 * <p>The minimum is what a perfect client needs on the critical path, counting what the proxy can observe: one
 * round trip per DNS query, per TLS 1.3 handshake and per HTTP exchange. The TCP handshake is completed by the
 * kernel before the proxy sees the connection, so it is not delayed and not counted; the "with connect" column adds
 * it back for reference.
 */
public final class RoundTripBenchmark {

    /** Ratio of measured to minimum round trips the engine should stay within. */
    static final double TARGET_RATIO = 1.1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One delegation to measure.
     *
     * @param name            short label
     * @param serverName      what is checked
     * @param method          the federation method the JSON must report
     * @param addresses       how many connections the JSON must report, all with TLS ok
     * @param minimum         round trips a perfect client needs that the proxy can observe (no TCP connect)
     * @param minimumConnect  the same with the TCP handshakes on the critical path added
     * @param criticalPath    the perfect client's critical path, for the report
     * @param setup           DNS records, certificates, routes and endpoints
     */
    record Scenario(String name, String serverName, String method, int addresses, int minimum, int minimumConnect,
                    String criticalPath, Consumer<BenchFixture> setup) {
    }

    /** The measured outcome of one scenario. */
    record Result(Scenario scenario, double medianZeroMs, double medianLatencyMs, double roundTrips,
                  double[] zeroMs, double[] latencyMs, String problem) {

        double ratio() {
            return roundTrips / scenario.minimum();
        }
    }

    private final Duration latency;
    private final int repetitions;

    RoundTripBenchmark(Duration latency, int repetitions) {
        this.latency = latency;
        this.repetitions = repetitions;
    }

    public static void main(String[] args) {
        Duration latency = Duration.ofMillis(Long.getLong("bench.latencyMs", 40));
        int repetitions = Integer.getInteger("bench.repetitions", 9);
        String only = System.getProperty("bench.only", "");
        RoundTripBenchmark benchmark = new RoundTripBenchmark(latency, repetitions);
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (scenario.name().startsWith(only)) {
                results.add(benchmark.measure(scenario));
            }
        }
        System.out.println(benchmark.table(results));
        boolean valid = results.stream().allMatch(r -> r.problem() == null);
        // The engine's executors are daemon threads, but exec:java waits for non-daemon ones; end explicitly.
        System.exit(valid ? 0 : 1);
    }

    /** The benchmark's delegations; documentation addresses in DNS, mapped to proxies by {@code --resolve}. */
    static List<Scenario> scenarios() {
        return List.of(
                new Scenario("well-known + SRV", "example.com", "well-known-srv-matrix-fed", 1, 7, 9,
                        "DNS A∥AAAA example.com, TLS, GET well-known, DNS SRV, DNS A∥AAAA target, TLS,"
                                + " GET version∥keys (client lane: 6, in parallel)",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().srv("_matrix-fed._tcp.matrix.example.com", 10, 5, 8448, "hs.example.com")
                                    .a("hs.example.com", "203.0.113.5");
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com");
                        }),
                new Scenario("well-known explicit port", "example.com", "well-known-explicit-port", 1, 6, 8,
                        "DNS A∥AAAA example.com, TLS, GET well-known, DNS A∥AAAA, TLS, GET version∥keys"
                                + " (client lane: 6, in parallel)",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                        }),
                new Scenario("multi-address (2 A + 2 AAAA)", "example.com", "well-known-explicit-port", 4, 6, 8,
                        "as above; the four addresses in parallel",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().a("matrix.example.com", "203.0.113.6")
                                    .aaaa("matrix.example.com", "2001:db8::5")
                                    .aaaa("matrix.example.com", "2001:db8::6");
                            for (String ip : List.of("203.0.113.5", "203.0.113.6", "2001:db8::5", "2001:db8::6")) {
                                f.endpoint(ip, 8448);
                                f.endpoint(ip, 443);
                            }
                            wellKnown(f, "matrix.example.com:8448");
                        }),
                new Scenario("server name with port", "example.com:8448", "explicit-port", 1, 6, 8,
                        "client lane: DNS A∥AAAA, TLS, GET client well-known, DNS A∥AAAA base_url host, TLS,"
                                + " GET versions (federation lane: 3, in parallel)",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.1", 8448);
                            f.homeserver("example.com").installFederation(f.https(), "example.com");
                        }));
    }

    /**
     * example.com (203.0.113.1) serves the client well-known pointing at https://matrix.example.com, which is
     * 203.0.113.5 and serves the client API; certificates for both names.
     */
    private static void commonWellKnownHost(BenchFixture f) {
        f.dns().a("example.com", "203.0.113.1").a("matrix.example.com", "203.0.113.5");
        f.certificate("example.com").certificate("matrix.example.com");
        f.endpoint("203.0.113.1", 443).endpoint("203.0.113.5", 443);
        f.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}}").withCors());
        f.homeserver("example.com").installClient(f.https(), "matrix.example.com");
    }

    /** example.com's server well-known names {@code mServer}; the homeserver answers for the delegated host. */
    private static void wellKnown(BenchFixture f, String mServer) {
        f.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\": \"" + mServer + "\"}"));
        TestHomeserver homeserver = f.homeserver("example.com");
        homeserver.installFederation(f.https(), mServer.replaceFirst(":\\d+$", ""));
    }

    /** Runs one scenario: warm-up, then L = 0 and L alternately, each {@link #repetitions} times. */
    Result measure(Scenario scenario) {
        try (BenchFixture fixture = new BenchFixture()) {
            scenario.setup().accept(fixture);
            String[] zeroArgs = fixture.checkArgs(scenario.serverName(), Duration.ZERO);
            String[] slowArgs = fixture.checkArgs(scenario.serverName(), latency);
            String problem = null;
            // Warm-up: class loading and JIT would otherwise land in the first measurements.
            for (int i = 0; i < 3 && problem == null; i++) {
                problem = timedCheck(scenario, zeroArgs).problem();
            }
            problem = problem != null ? problem : timedCheck(scenario, slowArgs).problem();
            double[] zero = new double[repetitions];
            double[] slow = new double[repetitions];
            for (int i = 0; i < repetitions && problem == null; i++) {
                Timing z = timedCheck(scenario, zeroArgs);
                Timing s = timedCheck(scenario, slowArgs);
                problem = z.problem() != null ? z.problem() : s.problem();
                zero[i] = z.millis();
                slow[i] = s.millis();
            }
            double medianZero = median(zero);
            double medianSlow = median(slow);
            double roundTrips = (medianSlow - medianZero) / latency.toMillis();
            return new Result(scenario, medianZero, medianSlow, roundTrips, zero, slow, problem);
        }
    }

    private record Timing(double millis, String problem) {
    }

    /** Runs the check once and verifies the JSON says what the scenario expects. */
    private static Timing timedCheck(Scenario scenario, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        double millis = (System.nanoTime() - start) / 1e6;
        return new Timing(millis, verify(scenario, exit, out.toString(), err.toString()));
    }

    /** Null when the check gave the expected answer, otherwise what was wrong. */
    static String verify(Scenario scenario, int exit, String out, String err) {
        String context = " (exit " + exit + "; stderr: " + err.strip() + "; stdout: " + abbreviate(out) + ")";
        JsonNode report;
        try {
            report = JSON.readTree(out);
        } catch (Exception e) {
            return "no JSON report" + context;
        }
        if (report == null) {
            return "no JSON report" + context;
        }
        List<String> failed = new ArrayList<>();
        for (JsonNode check : report.path("checks")) {
            if ("fail".equals(check.path("status").asText())) {
                failed.add(check.path("id").asText() + ": " + check.path("summary").asText());
            }
        }
        if (exit != 0 || !failed.isEmpty()) {
            return "checks failed " + failed + context;
        }
        String method = report.path("federation").path("method").asText();
        if (!scenario.method().equals(method)) {
            return "method " + method + ", expected " + scenario.method() + context;
        }
        JsonNode connections = report.path("federation").path("connections");
        long ok = 0;
        for (JsonNode connection : connections) {
            ok += connection.path("tls_ok").asBoolean() ? 1 : 0;
        }
        if (connections.size() != scenario.addresses() || ok != scenario.addresses()) {
            return ok + " of " + connections.size() + " connections ok, expected " + scenario.addresses() + context;
        }
        if (!"SUCCESS".equals(report.path("client").path("state").asText())) {
            return "client state " + report.path("client").path("state").asText() + context;
        }
        return null;
    }

    private static String abbreviate(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > 600 ? t.substring(0, 600) + "…" : t;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A Markdown table of the results, then the raw timings. */
    String table(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Round-trip benchmark: L = %d ms, %d repetitions per latency, median%n%n",
                latency.toMillis(), repetitions));
        sb.append("| scenario | minimum (observable) | minimum with TCP connect | measured round trips | ratio |"
                + " wall time at L=0 | wall time at L | verdict |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (r.problem() != null) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | — | — | — | — | INVALID: %s |%n",
                        r.scenario().name(), r.scenario().minimum(), r.scenario().minimumConnect(), r.problem()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f× | %.0f ms | %.0f ms | %s |%n",
                    r.scenario().name(), r.scenario().minimum(), r.scenario().minimumConnect(), r.roundTrips(),
                    r.ratio(), r.medianZeroMs(), r.medianLatencyMs(),
                    r.ratio() <= TARGET_RATIO ? "meets ≤ " + TARGET_RATIO + "×" : "MISSES ≤ " + TARGET_RATIO + "×"));
        }
        sb.append('\n');
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%s: critical path %s%n  L=0 ms: %s%n  L=%d ms: %s%n",
                    r.scenario().name(), r.scenario().criticalPath(), format(r.zeroMs()), latency.toMillis(),
                    format(r.latencyMs())));
        }
        return sb.toString();
    }

    private static String format(double[] values) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, "%.0f ", v));
        }
        return sb.toString().strip();
    }
}
