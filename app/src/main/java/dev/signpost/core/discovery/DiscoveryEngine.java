package dev.signpost.core.discovery;

import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import dev.signpost.Version;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.CertificateValidator;
import dev.signpost.core.net.DnsClient;
import dev.signpost.core.net.HttpsClient;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.net.ResolveOverrides;
import dev.signpost.core.net.TrustAnchors;
import dev.signpost.core.text.Texts;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Finds and tests a homeserver exactly as Matrix servers and clients do (see DISCOVERY.md): the federation lane
 * and the client lane run in parallel on one executor, independent lookups within them too, and every hop and
 * check is published as it completes. A run ends within about twice the per-operation timeout: at that deadline
 * every open connection is closed and unfinished hops are reported as timed out, naming the hop.
 */
public final class DiscoveryEngine implements Discovery {

    /** Checks every report carries, in this order, whatever happened. */
    public static final List<String> REQUIRED_CHECKS = List.of(
            "federation.well-known", "federation.srv", "federation.tls", "federation.version", "federation.keys",
            "client.well-known", "client.cors", "client.content-type", "client.versions");

    /** The check that says a step of Signpost itself broke, so the report is incomplete and cannot pass. */
    public static final String FAULT_CHECK = "signpost.incomplete";

    /** The order checks are listed in; ids not named here follow in the order they were made. */
    private static final List<String> ORDER = List.of(FAULT_CHECK,
            "federation.server-name", "federation.well-known", "federation.well-known-http",
            "federation.well-known-consistency", "federation.srv",
            "federation.dns", "federation.port-443", "federation.tls", "federation.ipv6", "federation.version",
            "federation.keys", "client.well-known", "client.cors", "client.content-type", "client.versions",
            "client.identity", "client.support", "client.sliding-sync", "client.auth", "client.rtc", "client.media",
            "federation.media", OutsideView.CHECK_ID);

    private final NetOptions options;
    private final Locale locale;
    private final ExecutorService executor;
    private final TrustAnchors anchors;
    private final CheckNetwork network;

    /**
     * @param options  how to reach the network
     * @param locale   the language of every sentence in the report
     * @param executor runs the lookups; should be unbounded (cached) since every task blocks on I/O
     * @throws IOException when a CA file cannot be read
     */
    public DiscoveryEngine(NetOptions options, Locale locale, ExecutorService executor) throws IOException {
        this.options = options;
        this.locale = locale;
        this.executor = executor;
        Map<Path, List<X509Certificate>> extra = new LinkedHashMap<>();
        for (Path file : options.caFiles()) {
            extra.put(file, TrustAnchors.readPem(file));
        }
        this.anchors = TrustAnchors.systemAnd(extra.values().stream().flatMap(List::stream).toList());
        this.network = UsedNetwork.of(options, extra);
    }

    /** The network every report of this engine records, as it is used. */
    public CheckNetwork network() {
        return network;
    }

    /** An engine with its own executor of named daemon threads. */
    public static DiscoveryEngine create(NetOptions options, Locale locale) throws IOException {
        return new DiscoveryEngine(options, locale, Executors.newCachedThreadPool(
                new NamedDaemonThreadFactory("signpost-discovery")));
    }

    /** Runs a check and waits for its report. */
    public Report check(String serverName) {
        return start(serverName, ReportListener.NONE).result().join();
    }

    @Override
    public CheckRun start(String serverName, ReportListener listener) {
        return start(serverName, listener, System.nanoTime());
    }

    /**
     * As {@link #start(String, ReportListener)}, with the run's limit (twice the timeout) counted from
     * {@code startedNanos} on the monotonic clock, so that a command line's own preparation counts too.
     */
    public CheckRun start(String serverName, ReportListener listener, long startedNanos) {
        Texts texts = new Texts(RunContext.BUNDLE, locale);
        Instant started = Instant.now();
        ServerName name;
        try {
            name = ServerName.parse(serverName, locale);
        } catch (InvalidServerNameException e) {
            Report report = invalidNameReport(serverName, e.getMessage(), texts, started, listener);
            return new Run(CompletableFuture.completedFuture(report), () -> { });
        }
        RunContext ctx = new RunContext(texts, new DnsClient(options.dnsServer(), options.timeout()),
                new HttpsClient(options.timeout(), options.userAgent() == null ? Version.userAgent()
                        : options.userAgent()),
                new CertificateValidator(anchors), new ResolveOverrides(options.resolve()), options.timeout(),
                executor, listener, startedNanos);
        OutsideView outside = new OutsideView(ctx, options);
        ctx.compareOutside(outside);
        FederationLane federation = new FederationLane(ctx, name);
        ClientLane client = new ClientLane(ctx, name);
        CompletableFuture<FederationResult> fed = ctx.async(federation::run);
        CompletableFuture<ClientResult> cli = ctx.async(client::run);
        AppsLane apps = new AppsLane(ctx, name, client.sightings);
        // A client lane that could not run sees nothing; the apps lane must not wait for the deadline to learn it.
        cli.whenComplete((result, error) -> client.sightings.end());
        CompletableFuture<Void> app = ctx.async(() -> apps.run(fed));
        // Both timers run on the monotonic clock, and not on the run's executor: the deadline must fire even when
        // that executor can start nothing more. Lanes get half the reserve to unwind once their sockets are closed.
        long untilDeadline = RunContext.millisUntil(ctx.deadlineNanos);
        CompletableFuture.delayedExecutor(untilDeadline, TimeUnit.MILLISECONDS).execute(ctx::deadlineReached);
        CompletableFuture<Void> both = CompletableFuture.allOf(fed, cli, app).completeOnTimeout(null,
                untilDeadline + RunContext.reserve(ctx.timeout).toMillis() / 2, TimeUnit.MILLISECONDS);
        CompletableFuture<Report> report = both.handle((ignored, error) -> {
            if (error != null) {
                ctx.faulted(error);
            }
            return assemble(ctx, name, federation.result(), client.result(), apps.blocking(), outside);
        });
        CompletableFuture<Report> result = new CompletableFuture<>();
        report.whenComplete((r, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(r);
            }
        });
        return new Run(result, ctx.cancel::cancel);
    }

    private Report assemble(RunContext ctx, ServerName name, FederationResult federation, ClientResult client,
                            java.util.Map<String, String> blockedApps, OutsideView outside) {
        // Judged first: it may wait out a short grace for public answers, and late hops must not slip in meanwhile.
        Check outsideView = outside.judge();
        ctx.close();
        boolean timedOut = ctx.deadlineHit();
        Throwable fault = ctx.fault();
        String faultSentence = fault == null ? null : ctx.t("fault.step", FaultText.describe(fault));
        List<String> faultedHops = new ArrayList<>();
        for (Hop hop : ctx.hopsSnapshot()) {
            if (hop.status() == Status.RUNNING) {
                String why = fault != null ? faultSentence
                        : timedOut ? ctx.t("hop.deadline", ctx.timeout.multipliedBy(2).toSeconds())
                        : ctx.t("hop.cancelled");
                if (fault != null) {
                    faultedHops.add(hop.id());
                }
                ctx.replaceQuietly(hop.withOutcome(timedOut || fault != null ? Status.FAIL : Status.SKIP, why,
                        hop.evidence(), hop.elapsed()));
            }
        }
        List<Check> checks = new ArrayList<>(ctx.checksSnapshot());
        for (String id : allRequired()) {
            if (checks.stream().noneMatch(c -> c.id().equals(id))) {
                String why = fault != null ? faultSentence
                        : timedOut ? ctx.t("check.deadline", ctx.timeout.multipliedBy(2).toSeconds())
                        : ctx.t("check.notReached");
                checks.add(new Check(id, timedOut || fault != null ? Status.FAIL : Status.SKIP, why, null,
                        List.of(), List.of()));
            }
        }
        if (fault != null) {
            // Even when every required verdict was already given, a step that broke means the report is not whole.
            checks.add(new Check(FAULT_CHECK, Status.FAIL, faultSentence, ctx.t("fix.fault"), faultedHops,
                    List.of()));
        }
        checks.add(outsideView);
        checks.sort(Comparator.comparingInt(DiscoveryEngine::rank));
        checks = LocalNetworkDiagnosis.apply(ctx, ctx.hopsSnapshot(), checks);
        return new Report(name.original(), name.host(), ctx.started, ctx.elapsed(),
                Version.get(), federation, client, ctx.hopsSnapshot(), checks,
                AppVerdicts.of(checks, blockedApps, locale), network);
    }

    /** The checks every report carries: the discovery ones and the apps lane's. */
    private static List<String> allRequired() {
        List<String> all = new ArrayList<>(REQUIRED_CHECKS);
        all.addAll(AppsLane.CHECK_IDS);
        return all;
    }

    private static int rank(Check check) {
        int i = ORDER.indexOf(check.id());
        return i < 0 ? ORDER.size() : i;
    }

    private Report invalidNameReport(String serverName, String sentence, Texts texts, Instant started,
                                     ReportListener listener) {
        String shown = serverName == null ? "" : serverName.strip();
        Hop root = new Hop("fed.server-name", Lane.FEDERATION, HopKind.SERVER_NAME, null, shown, Status.FAIL,
                texts.get("rule.serverName"), true, sentence, List.of(), null);
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("federation.server-name", Status.FAIL, sentence, texts.get("fix.serverName"),
                List.of(root.id()), List.of()));
        for (String id : allRequired()) {
            checks.add(new Check(id, Status.SKIP, texts.get("check.invalidName"), null, List.of(), List.of()));
        }
        checks.add(new Check(OutsideView.CHECK_ID, Status.SKIP, texts.get("check.invalidName"), null, List.of(),
                List.of()));
        listener.onHop(root);
        checks.forEach(listener::onCheck);
        FederationResult federation = new FederationResult(null, null, List.of(), null, null, null, null, List.of(),
                List.of());
        ClientResult client = new ClientResult(ClientState.FAIL_PROMPT, null, null, null, null);
        return new Report(shown, shown, started, Duration.between(started, Instant.now()), Version.get(),
                federation, client, List.of(root), checks, AppVerdicts.of(checks, locale), network);
    }

    /** A run: its report and how to stop it. */
    private static final class Run implements CheckRun {
        private final CompletableFuture<Report> result;
        private final Runnable stop;

        Run(CompletableFuture<Report> result, Runnable stop) {
            this.result = result;
            this.stop = stop;
        }

        @Override
        public CompletableFuture<Report> result() {
            return result;
        }

        @Override
        public void cancel() {
            // The result first: stopping the lanes lets them finish at once, and their report must not win the race.
            result.cancel(true);
            stop.run();
        }
    }
}
