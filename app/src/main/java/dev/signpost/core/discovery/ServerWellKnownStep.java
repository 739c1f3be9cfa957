package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.matrix.ServerWellKnown;
import dev.signpost.core.matrix.ServerWellKnownParser;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import dev.signpost.core.net.HttpResponse;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Step 3 of server-name resolution: {@code /.well-known/matrix/server}, fetched and judged, with the plain-http
 * pitfall probed when nothing answers over https, and the split-brain probe run alongside.
 */
final class ServerWellKnownStep {

    private final RunContext ctx;
    private final ServerName name;
    private final FederationProgress progress;
    private final Fetcher fetcher;
    private final Words words;
    private volatile CompletableFuture<Void> consistency = CompletableFuture.completedFuture(null);

    ServerWellKnownStep(RunContext ctx, ServerName name, FederationProgress progress, Words words) {
        this.ctx = ctx;
        this.name = name;
        this.progress = progress;
        this.fetcher = new Fetcher(ctx);
        this.words = words;
    }

    /** How long remote servers keep what {@link #fetch()} found: null before and when nothing was fetched. */
    private volatile WellKnownCaching.Period cache;
    private volatile boolean fetched;
    private volatile Fetcher.Result seen;

    /** The period a usable answer is kept, or null when the file was missing or broken (kept about an hour). */
    WellKnownCaching.Period cache() {
        return cache;
    }

    /** True when the file was asked for at all. */
    boolean fetched() {
        return fetched;
    }

    /** The split-brain probe started by {@link #fetch()}; completes at once when it never started. */
    CompletableFuture<Void> consistency() {
        return consistency;
    }

    /** Fetches and judges the file; returns what it said, or null when there was nothing to parse. */
    ServerWellKnown fetch() {
        URI url = URI.create("https://" + name.hostForUrl() + "/.well-known/matrix/server");
        Hop hop = ctx.start(FederationHops.WELL_KNOWN, Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN,
                FederationHops.ROOT, url.toString(), ctx.t("rule.wellKnown"));
        // Asked of every address at the same time as the fetch itself, so it costs no round trip of its own.
        WellKnownConsistencyProbe probe = new WellKnownConsistencyProbe(ctx, name);
        CompletableFuture<Void> started = ctx.async(() -> {
            probe.run();
            return null;
        });
        Fetcher.Result r = fetcher.fetch(url, ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        consistency = started;
        List<Evidence> evidence = new ArrayList<>();
        r = asSynapseWhenRefused(url, r, evidence);
        evidence.addAll(r.evidence());
        seen = r;
        evidence.add(new Evidence.Note(ctx.t("label.cache"), ctx.t("note.cache")));
        Integer status = r.status();
        String fallback = ctx.t("wk.fallback", name.host());
        ServerWellKnown parsed = null;
        String error;
        Status checkStatus;
        String fix;
        if (!r.usable()) {
            error = words.fetchProblem(r, "/.well-known/matrix/server");
            boolean nothingThere = r.problem() == Fetcher.Problem.NETWORK && r.response() != null
                    && r.response().failure() == HttpResponse.Failure.REFUSED
                    || r.problem() == Fetcher.Problem.NO_ADDRESS;
            checkStatus = nothingThere ? Status.WARN : Status.FAIL;
            fix = words.fetchFix(r, ctx.t("fix.wk.serve", name.hostForUrl()));
            if (nothingThere) {
                probePlainHttp(evidence);
            }
        } else if (status == 404) {
            error = ctx.t("wk.404");
            checkStatus = Status.PASS;
            fix = null;
        } else if (status != 200) {
            error = ctx.t("wk.status", r.response().statusLine());
            checkStatus = Status.FAIL;
            fix = ctx.t("fix.wk.status");
        } else if (r.response().bodyTruncated()) {
            error = ctx.t("wk.tooLarge", ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
            checkStatus = Status.FAIL;
            fix = ctx.t("fix.wk.tooLarge");
        } else {
            parsed = ServerWellKnownParser.parse(r.response().body(), ctx.locale);
            if (parsed.usable()) {
                error = null;
                checkStatus = Status.PASS;
                fix = null;
            } else {
                boolean html = r.response().mediaType().contains("html")
                        || r.response().bodyText().stripLeading().startsWith("<");
                error = html ? ctx.t("wk.html") + " " + parsed.error() : parsed.error();
                checkStatus = Status.FAIL;
                fix = html ? ctx.t("fix.wk.html") : ctx.t("fix.wk.invalid");
            }
        }
        fetched = true;
        if (parsed != null && parsed.usable()) {
            cache = WellKnownCaching.of(r.response(), java.time.Instant.now());
        }
        progress.wellKnown(new WellKnownResult(url.toString(), status,
                parsed == null ? null : parsed.rawMServer(), error));
        String hopDetail = error == null ? null : error + " " + fallback;
        Status hopStatus = error == null ? Status.PASS : checkStatus == Status.PASS ? Status.SKIP : checkStatus;
        ctx.finish(hop, hopStatus, hopDetail, evidence, r.steps().isEmpty() ? null
                : r.steps().stream().map(s -> s.response().elapsed()).reduce(Duration.ZERO, Duration::plus));
        String summary = error == null ? ctx.t("check.wellKnown.pass", parsed.rawMServer())
                : status != null && status == 404 ? ctx.t("check.wellKnown.none", name.host())
                : ctx.t("check.wellKnown.fail", error, name.host());
        if (fix != null && checkStatus == Status.FAIL) {
            fix = fix + " " + ctx.t("fix.wk.cache");
        }
        ctx.check("federation.well-known", checkStatus, summary, fix, List.of(FederationHops.WELL_KNOWN), evidence,
                redirectViews(r, parsed, checkStatus));
        return parsed;
    }

    /**
     * The spec follows every redirect to the file; Synapse follows a 308 only when its Twisted library knows the
     * code (matrix-org/synapse#8098), so an older installation treats the answer as no file.
     */
    private List<ImplementationVerdict> redirectViews(Fetcher.Result r, ServerWellKnown parsed, Status spec) {
        boolean permanent = parsed != null && parsed.usable() && r.steps().stream()
                .anyMatch(s -> s.response() != null && Integer.valueOf(308).equals(s.response().statusCode()));
        if (!permanent) {
            return List.of();
        }
        return new Implementations(ctx).synapse(Status.WARN, "impl.synapse.308")
                .against(spec, "impl.spec.redirect");
    }

    /**
     * A 403 may be a bot filter that judges the User-Agent: asked again once as Synapse. When Synapse gets another
     * answer, that is the one servers see, and the filter is reported: it blocks servers that send other names.
     */
    private Fetcher.Result asSynapseWhenRefused(URI url, Fetcher.Result r, List<Evidence> evidence) {
        if (!r.usable() || r.status() == null || r.status() != 403) {
            return r;
        }
        Fetcher.Result again = new Fetcher(ctx, Fetcher.SERVER_REDIRECTS, ctx.asSynapse)
                .fetch(url, ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        if (!again.usable() || again.status() == null || again.status() == 403) {
            evidence.addAll(again.evidence());
            return r;
        }
        evidence.addAll(r.evidence());
        ctx.check("federation.bot-filter", Status.WARN, ctx.t("check.botFilter", RunContext.SYNAPSE_USER_AGENT,
                again.status()), ctx.t("fix.botFilter", name.hostForUrl()), List.of(FederationHops.WELL_KNOWN),
                r.evidence());
        return again;
    }

    /** The last answer of the well-known fetch (as servers see it), or null before it. */
    Fetcher.Result seen() {
        return seen;
    }

    /** The pitfall of a well-known served only over plain http: servers never look there. */
    private void probePlainHttp(List<Evidence> evidence) {
        URI url = URI.create("http://" + name.hostForUrl() + "/.well-known/matrix/server");
        Fetcher.Result r = fetcher.fetch(url, ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        Integer status = r.status();
        if (status != null && status == 200) {
            evidence.addAll(r.evidence());
            ctx.check("federation.well-known-http", Status.FAIL, ctx.t("check.wellKnownHttp.fail"),
                    ctx.t("fix.wellKnownHttp"), List.of(FederationHops.WELL_KNOWN), r.evidence());
        }
    }
}
