package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.CancelToken;
import dev.signpost.core.net.CertificateValidator;
import dev.signpost.core.net.DnsAnswer;
import dev.signpost.core.net.DnsClient;
import dev.signpost.core.net.HttpsClient;
import dev.signpost.core.net.ResolveOverrides;
import dev.signpost.core.text.Texts;
import org.xbill.DNS.Type;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The shared state of one check run: the network clients, the deadline, the cancel token, and the hops and checks
 * published so far. Hops keep the order in which they were first started; a later event with the same id replaces
 * the earlier one. Thread-safe: the lanes publish from several threads.
 */
final class RunContext {

    private static final System.Logger LOG = System.getLogger(RunContext.class.getName());

    static final String BUNDLE = "dev.signpost.core.discovery.messages";

    /** What Synapse sends (Synapse/&lt;version&gt;); bot filters that let it through tell themselves apart by it. */
    static final String SYNAPSE_USER_AGENT = "Synapse/1.139.0";

    final Texts texts;
    final Locale locale;
    final DnsClient dns;
    final HttpsClient http;
    /** The same client sending Synapse's User-Agent, to tell a bot filter from a real refusal. */
    final HttpsClient asSynapse;
    final CertificateValidator certificates;
    final ResolveOverrides overrides;
    final CancelToken cancel = new CancelToken();
    final Instant started;
    /** When the run started on the monotonic clock: every limit of the run is measured from here. */
    final long startedNanos;
    /**
     * When everything still open is cancelled: the run's limit (twice the timeout) less {@link #reserve}, so the
     * report is made and shown within the limit. As an {@link Instant} for the network clients' per-call waits;
     * the cancel itself is scheduled on the monotonic clock.
     */
    final Instant deadline;
    /** {@link #deadline} on the monotonic clock. */
    final long deadlineNanos;
    final Duration timeout;
    private final Executor executor;
    private final ReportListener listener;
    private final Map<String, Hop> hops = new LinkedHashMap<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final AtomicReference<Throwable> fault = new AtomicReference<>();
    /**
     * The first federation request target the federation lane sends (address, SNI, Host), so the apps lane can ask
     * the federation media route on the same connection details in parallel with version and keys.
     */
    final CompletableFuture<dev.signpost.core.net.HttpTarget> federationTarget = new CompletableFuture<>();
    private volatile boolean deadlineHit;
    private volatile boolean closed;
    private final AtomicReference<CompletableFuture<Boolean>> dnsProbe = new AtomicReference<>();
    /** The comparison with public resolvers, set before the lanes start; null when there is none. */
    private volatile OutsideView outside;

    RunContext(Texts texts, DnsClient dns, HttpsClient http, CertificateValidator certificates,
               ResolveOverrides overrides, Duration timeout, Executor executor, ReportListener listener,
               long startedNanos) {
        this.startedNanos = startedNanos;
        this.started = Instant.now().minusNanos(Math.max(0, System.nanoTime() - startedNanos));
        this.texts = texts;
        this.locale = texts.locale();
        this.dns = dns;
        this.http = http;
        this.asSynapse = new HttpsClient(timeout, SYNAPSE_USER_AGENT);
        this.certificates = certificates;
        this.overrides = overrides;
        this.timeout = timeout;
        Duration limit = timeout.multipliedBy(2);
        Duration untilCancel = limit.minus(reserve(timeout));
        this.deadline = started.plus(untilCancel);
        this.deadlineNanos = startedNanos + untilCancel.toNanos();
        this.executor = executor;
        this.listener = listener;
    }

    /**
     * The part of the run's limit kept for closing what is open, making the report and showing it: half the
     * timeout, at most 1.5 s. Without it the run ended when its last step was cut off, and the report came later
     * still; on a machine whose cores are all busy, closing and rendering took over a second.
     */
    static Duration reserve(Duration timeout) {
        Duration half = timeout.dividedBy(2);
        Duration most = Duration.ofMillis(1500);
        return half.compareTo(most) < 0 ? half : most;
    }

    /** Milliseconds from now until {@code nanos} on the monotonic clock; 0 when that moment has passed. */
    static long millisUntil(long nanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanos - System.nanoTime()));
    }

    /** How long the run has taken so far, on the monotonic clock. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    String t(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Ports and counts must not be formatted as "8,448".
            plain[i] = args[i] instanceof Number ? String.valueOf(args[i]) : args[i];
        }
        return texts.get(key, plain);
    }

    /**
     * One DNS question within the run. The first question that gets no answer at all (timeout, unreachable server)
     * also asks the DNS server about a zone every resolver knows, at once and in parallel, so that at the end the
     * report can tell "this computer reaches no DNS server" from "this domain's DNS does not answer" without a
     * wait of its own.
     */
    DnsAnswer dnsQuery(String name, int type) {
        OutsideView view = outside;
        if (view != null) {
            view.asked(name, type);
        }
        DnsAnswer answer = dns.query(name, type, cancel, deadline);
        if (view != null) {
            view.answered(name, type, answer);
        }
        if (!answered(answer) && dnsProbe.get() == null) {
            CompletableFuture<Boolean> probe = new CompletableFuture<>();
            if (dnsProbe.compareAndSet(null, probe)) {
                // Its own token and deadline: the run's are cancelled at the deadline, and this answer is wanted then.
                executor.execute(() -> probe.complete(answered(dns.query("arpa", Type.NS, new CancelToken(),
                        Instant.now().plus(timeout)))));
            }
        }
        return answer;
    }

    /** Compares every name this run resolves with what public resolvers answer (see {@link OutsideView}). */
    void compareOutside(OutsideView view) {
        outside = view;
    }

    /** A {@code --resolve} entry gave {@code host} its address instead of DNS. */
    void pinned(String host, java.net.InetAddress address) {
        OutsideView view = outside;
        if (view != null) {
            view.pinned(host, address);
        }
    }

    /** True when the DNS server answered the probe; false when it did not, or no question ever went unanswered. */
    boolean dnsServerAnswers() {
        CompletableFuture<Boolean> probe = dnsProbe.get();
        if (probe == null) {
            return false;
        }
        // A DNS server that answers does so in milliseconds; waiting into the reserve would make the report late.
        long wait = millisUntil(deadlineNanos) + reserve(timeout).toMillis() / 4;
        return probe.completeOnTimeout(false, wait, TimeUnit.MILLISECONDS).join();
    }

    private static boolean answered(DnsAnswer answer) {
        return !DnsAnswer.TIMEOUT.equals(answer.rcode()) && !DnsAnswer.ERROR.equals(answer.rcode());
    }

    /**
     * Runs work on the run's executor. This is the one place every lane and every probe starts, so it is where a
     * fault is caught: whatever a step throws (or an executor that cannot start it) is remembered, the future
     * fails, and the final report turns the unfinished steps into failures instead of leaving them "not reached".
     */
    <T> CompletableFuture<T> async(Supplier<T> work) {
        Supplier<T> guarded = () -> {
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                faulted(e);
                throw e;
            }
        };
        try {
            return CompletableFuture.supplyAsync(guarded, executor);
        } catch (RejectedExecutionException | Error e) {
            faulted(e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Records the first fault of the run; a failed join of a faulted step reports the step's own cause. */
    void faulted(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        fault.compareAndSet(null, cause);
    }

    /** The first fault of the run, or null when every step ran to its end. */
    Throwable fault() {
        return fault.get();
    }

    /** The overall deadline passed: everything still open was closed. */
    void deadlineReached() {
        deadlineHit = true;
        cancel.cancel();
    }

    boolean deadlineHit() {
        return deadlineHit || System.nanoTime() - deadlineNanos >= 0;
    }

    /** After the final report is made, late events from threads still unwinding are dropped. */
    void close() {
        closed = true;
    }

    /** Publishes a hop that is being worked on. */
    Hop start(String id, Lane lane, HopKind kind, String parentId, String label, String rule) {
        Hop hop = new Hop(id, lane, kind, parentId, label, Status.RUNNING, rule, true, null, List.of(), null);
        publish(hop);
        return hop;
    }

    /** Publishes the outcome of a hop started with {@link #start}. */
    Hop finish(Hop running, Status status, String detail, List<Evidence> evidence, Duration elapsed) {
        Hop done = running.withOutcome(status, detail, evidence, elapsed);
        publish(done);
        return done;
    }

    /** Publishes a hop that is complete at once (no I/O of its own). */
    Hop done(String id, Lane lane, HopKind kind, String parentId, String label, Status status, String rule,
             String detail, List<Evidence> evidence) {
        Hop hop = new Hop(id, lane, kind, parentId, label, status, rule, true, detail, evidence, null);
        publish(hop);
        return hop;
    }

    /** Publishes a branch that was considered and not taken, with why. */
    Hop notTaken(String id, Lane lane, HopKind kind, String parentId, String label, String rule, String why) {
        Hop hop = new Hop(id, lane, kind, parentId, label, Status.SKIP, rule, false, why, List.of(), null);
        publish(hop);
        return hop;
    }

    /** Publishes a verdict. */
    void check(String id, Status status, String summary, String fix, List<String> hopIds, List<Evidence> evidence) {
        publish(new Check(id, status, summary, fix, hopIds, evidence));
    }

    /** Publishes a verdict that implementations reach differently; {@code implementations} may be empty. */
    void check(String id, Status status, String summary, String fix, List<String> hopIds, List<Evidence> evidence,
               List<ImplementationVerdict> implementations) {
        publish(new Check(id, status, summary, fix, hopIds, evidence, null, implementations));
    }

    /** Publishes a check that could not run because {@code rootCause} failed first. */
    void notReached(String id, String summary, List<String> hopIds, String rootCause) {
        publish(Check.notReached(id, summary, hopIds, rootCause));
    }

    private void publish(Check check) {
        String id = check.id();
        synchronized (this) {
            if (closed) {
                return;
            }
            checks.put(id, check);
        }
        safely(() -> listener.onCheck(check));
    }

    synchronized boolean hasCheck(String id) {
        return checks.containsKey(id);
    }

    /** The check published under {@code id}, or null. */
    synchronized Check checkOf(String id) {
        return checks.get(id);
    }

    private void publish(Hop hop) {
        synchronized (this) {
            if (closed) {
                return;
            }
            hops.put(hop.id(), hop);
        }
        safely(() -> listener.onHop(hop));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // A listener's bug must not stop the check; the final report still carries everything.
            LOG.log(System.Logger.Level.ERROR, "a report listener failed", e);
        }
    }

    synchronized List<Hop> hopsSnapshot() {
        return new ArrayList<>(hops.values());
    }

    synchronized List<Check> checksSnapshot() {
        return new ArrayList<>(checks.values());
    }

    /** Replaces a hop in the final list without publishing (used when closing running hops at the end). */
    synchronized void replaceQuietly(Hop hop) {
        hops.put(hop.id(), hop);
    }
}
