package dev.signpost.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.signpost.cli.SignpostCommand;

/**
 * Measures how many <em>sequential</em> network round trips {@code signpost check} costs, by running the same
 * check through {@link dev.signpost.testkit.DelayProxy delaying proxies} with no added latency and with L = 40 ms,
 * and dividing the difference of the medians by L. Not a unit test (surefire does not pick it up); run it with
 *
 * <pre>./mvnw -B -o -q -pl app test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.signpost.bench.RoundTripBenchmark</pre>
 *
 * <p>System properties: {@code bench.repetitions} (default 7), {@code bench.latencyMs} (default 40),
 * {@code bench.slopeMs} (default {@code 200,400}; empty to skip), {@code bench.only} (scenario name prefixes,
 * separated by commas).
 * The cross-check runs the check at two larger latencies too and reports the slope between them: on a busy machine
 * the CPU time of a check at L=0 is large and varies, and at larger L it hides behind the waiting, so the slope
 * counts round trips more reliably. The last run at the largest latency is traced: when each DNS query, TLS
 * handshake and HTTP request reached the servers, and at which depth of the chain of round trips. Exit status 1 when a check did not give the expected answer (then
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

    /** The scenario that measures the proxies and the machine rather than Signpost. */
    static final String CALIBRATION = "calibration (trivial client)";

    /** The outside view's pair: the same pinned delegation without and with the public resolver. */
    static final String OUTSIDE_OFF = "outside view off (names pinned, explicit port)";
    static final String OUTSIDE_ON = "outside view on (names pinned, explicit port)";

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
     * @param expect          what the JSON must say besides the method and the connections
     */
    record Scenario(String name, String serverName, String method, int addresses, int minimum, int minimumConnect,
                    String criticalPath, Consumer<BenchFixture> setup, Expect expect) {

        Scenario(String name, String serverName, String method, int addresses, int minimum, int minimumConnect,
                 String criticalPath, Consumer<BenchFixture> setup) {
            this(name, serverName, method, addresses, minimum, minimumConnect, criticalPath, setup, Expect.SUCCESS);
        }
    }

    /**
     * What a scenario's report must say: the client lane's state, and the status of checks that show the probe
     * under measurement ran (a probe that silently did nothing would cost no round trip either).
     *
     * @param clientState the client discovery state
     * @param checks      check id → status ({@code pass}, {@code warn}, {@code skip})
     */
    record Expect(String clientState, Map<String, String> checks) {

        static final Expect SUCCESS = new Expect("SUCCESS", Map.of());

        static Expect client(String state, String... idsAndStatuses) {
            Map<String, String> checks = new LinkedHashMap<>();
            for (int i = 0; i < idsAndStatuses.length; i += 2) {
                checks.put(idsAndStatuses[i], idsAndStatuses[i + 1]);
            }
            return new Expect(state, checks);
        }
    }

    /**
     * The measured outcome of one scenario.
     *
     * @param millis      per latency (0, L, then the slope latencies), the wall time of each repetition
     * @param roundTrips  (median at L − median at 0) / L
     * @param slope       (median at L2 − median at L1) / (L2 − L1), or NaN when not measured
     * @param traced      sequential round trips seen in the traced runs (the fewer of two), or -1
     * @param trace       the timeline of that traced run at the largest latency, or empty
     * @param problem     null, or why the check did not give the expected answer
     */
    record Result(Scenario scenario, Map<Long, double[]> millis, double roundTrips, double slope, long traced,
                  String trace, String problem) {

        double ratio() {
            return roundTrips / scenario.minimum();
        }

        double slopeRatio() {
            return slope / scenario.minimum();
        }

        double median(long latencyMs) {
            return RoundTripBenchmark.median(millis.get(latencyMs));
        }
    }

    private final Duration latency;
    private final int repetitions;
    /** Two larger latencies whose slope cross-checks the L=0/L figure, or empty. */
    private final List<Long> slopeLatencies;

    RoundTripBenchmark(Duration latency, int repetitions, List<Long> slopeLatencies) {
        this.latency = latency;
        this.repetitions = repetitions;
        this.slopeLatencies = List.copyOf(slopeLatencies);
    }

    public static void main(String[] args) {
        Duration latency = Duration.ofMillis(Long.getLong("bench.latencyMs", 40));
        int repetitions = Integer.getInteger("bench.repetitions", 7);
        List<String> only = List.of(System.getProperty("bench.only", "").split(","));
        List<Long> slope = new ArrayList<>();
        for (String part : System.getProperty("bench.slopeMs", "200,400").split(",")) {
            if (!part.isBlank()) {
                slope.add(Long.parseLong(part.strip()));
            }
        }
        if (slope.size() != 0 && slope.size() != 2) {
            throw new IllegalArgumentException("bench.slopeMs: two latencies or none, e.g. 200,400");
        }
        RoundTripBenchmark benchmark = new RoundTripBenchmark(latency, repetitions, slope);
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            if (only.stream().anyMatch(prefix -> scenario.name().startsWith(prefix.strip()))) {
                results.add(benchmark.measure(scenario));
            }
        }
        System.out.println(benchmark.table(results));
        boolean valid = results.stream().allMatch(r -> r.problem() == null);
        // The engine's executors are daemon threads, but exec:java waits for non-daemon ones; end explicitly.
        System.exit(valid ? 0 : 1);
    }

    /** The benchmark's delegations (see {@link RoundTripScenarios}). */
    static List<Scenario> scenarios() {
        return RoundTripScenarios.all();
    }

    /**
     * Runs one scenario: warm-up, then every latency in turn (0, L, and the slope latencies), {@link #repetitions}
     * times, so that a slow moment of a shared machine hits all latencies alike; then one traced run.
     */
    Result measure(Scenario scenario) {
        List<Long> latencies = new ArrayList<>(List.of(0L, latency.toMillis()));
        latencies.addAll(slopeLatencies);
        Map<Long, double[]> millis = new LinkedHashMap<>();
        try (BenchFixture fixture = new BenchFixture()) {
            scenario.setup().accept(fixture);
            Map<Long, String[]> args = new LinkedHashMap<>();
            for (long l : latencies) {
                args.put(l, fixture.checkArgs(scenario.serverName(), Duration.ofMillis(l)));
                millis.put(l, new double[repetitions]);
            }
            String problem = null;
            // Warm-up: class loading and JIT would otherwise land in the first measurements.
            for (int i = 0; i < 3 && problem == null; i++) {
                problem = timedCheck(scenario, fixture, args.get(0L)).problem();
            }
            for (int i = 0; i < repetitions && problem == null; i++) {
                for (long l : latencies) {
                    Timing t = timedCheck(scenario, fixture, args.get(l));
                    problem = problem != null ? problem : t.problem();
                    millis.get(l)[i] = t.millis();
                }
            }
            double roundTrips = (median(millis.get(latency.toMillis())) - median(millis.get(0L)))
                    / latency.toMillis();
            double slope = Double.NaN;
            String trace = "";
            long traced = -1;
            if (!slopeLatencies.isEmpty() && problem == null) {
                long low = slopeLatencies.get(0);
                long high = slopeLatencies.get(1);
                slope = (median(millis.get(high)) - median(millis.get(low))) / (high - low);
                // Two traced runs: a burst of CPU longer than L could push one arrival a level deeper.
                for (int run = 0; run < 2; run++) {
                    try (Timeline timeline = new Timeline(fixture.dns(), fixture.https(), fixture.doh())) {
                        Timing t = timedCheck(scenario, fixture, args.get(high));
                        timeline.close();
                        long count = timeline.roundTrips(high);
                        if (traced < 0 || count < traced) {
                            traced = count;
                            trace = timeline.render(high, t.millis());
                        }
                    }
                }
            }
            return new Result(scenario, millis, roundTrips, slope, traced, trace, problem);
        }
    }

    private record Timing(double millis, String problem) {
    }

    /** Runs the check once and verifies the JSON says what the scenario expects. */
    private static Timing timedCheck(Scenario scenario, BenchFixture fixture, String[] args) {
        if (scenario.name().equals(CALIBRATION)) {
            long start = System.nanoTime();
            String problem = TrivialClient.run(args, fixture.ca().rootCertificate());
            return new Timing((System.nanoTime() - start) / 1e6, problem);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        double millis = (System.nanoTime() - start) / 1e6;
        String problem = verify(scenario, exit, out.toString(), err.toString());
        if (problem == null && !List.of(args).contains("--dns")) {
            problem = systemDnsAsked(out.toString());
        }
        return new Timing(millis, problem);
    }

    /**
     * Without {@code --dns} every name must be pinned: a question to this machine's own resolver would leave the
     * benchmark's proxies (and the trace) and cost what that resolver costs. Null when none was asked.
     */
    private static String systemDnsAsked(String out) {
        List<String> asked = new ArrayList<>();
        try {
            JSON.readTree(out).findParents("type").stream()
                    .filter(node -> "dns".equals(node.path("type").asText())
                            && !node.path("server").asText().startsWith("https://"))
                    .forEach(node -> asked.add(node.path("name").asText() + " " + node.path("record_type").asText()
                            + " to " + node.path("server").asText()));
        } catch (Exception e) {
            return "no JSON report";
        }
        return asked.isEmpty() ? null : "the system resolver was asked: " + asked;
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
            return "exit status " + exit + ", failing checks " + failed + context;
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
        if (!scenario.expect().clientState().equals(report.path("client").path("state").asText())) {
            return "client state " + report.path("client").path("state").asText() + ", expected "
                    + scenario.expect().clientState() + context;
        }
        for (Map.Entry<String, String> expected : scenario.expect().checks().entrySet()) {
            String status = "missing";
            for (JsonNode check : report.path("checks")) {
                if (expected.getKey().equals(check.path("id").asText())) {
                    status = check.path("status").asText();
                }
            }
            if (!expected.getValue().equals(status)) {
                return expected.getKey() + " " + status + ", expected " + expected.getValue() + context;
            }
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

    /** A Markdown table of the results, then the raw timings and the traces. */
    String table(List<Result> results) {
        long l = latency.toMillis();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Round-trip benchmark: L = %d ms, %d repetitions per latency, medians%s%n%n",
                l, repetitions, slopeLatencies.isEmpty() ? ""
                        : "; cross-check: slope between " + slopeLatencies.get(0) + " and " + slopeLatencies.get(1)
                        + " ms"));
        sb.append("| scenario | minimum | minimum with TCP connect | measured round trips (L=0 → " + l + " ms) | ratio |"
                + " slope round trips | slope ratio | traced round trips | traced ratio | wall time at L=0 |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            if (r.problem() != null) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | INVALID: %s | | | | | | |%n",
                        r.scenario().name(), r.scenario().minimum(), r.scenario().minimumConnect(), r.problem()));
                continue;
            }
            String crossChecks = r.traced() < 0 ? "— | — | — | —" : String.format(Locale.ROOT,
                    "%.2f | %.2f× | %d | %.2f×", r.slope(), r.slopeRatio(), r.traced(),
                    (double) r.traced() / r.scenario().minimum());
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.2f× | %s | %.0f ms |%n",
                    r.scenario().name(), r.scenario().minimum(), r.scenario().minimumConnect(), r.roundTrips(),
                    r.ratio(), crossChecks, r.median(0)));
        }
        sb.append(String.format(Locale.ROOT, "%nTarget: ratio ≤ %.1f×.%n%n", TARGET_RATIO));
        for (Result r : results) {
            sb.append(String.format(Locale.ROOT, "%s — critical path: %s%n", r.scenario().name(),
                    r.scenario().criticalPath()));
            for (Map.Entry<Long, double[]> entry : r.millis().entrySet()) {
                sb.append(String.format(Locale.ROOT, "  L=%d ms: median %.0f ms; %s%n", entry.getKey(),
                        median(entry.getValue()), format(entry.getValue())));
            }
            if (!r.trace().isEmpty()) {
                sb.append("  arrivals at the servers in one run at L=").append(slopeLatencies.get(1))
                        .append(" ms:\n").append(r.trace());
            }
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
