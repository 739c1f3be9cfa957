package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ClientVersions;
import dev.signpost.core.matrix.ClientVersionsParser;
import dev.signpost.core.matrix.ClientWellKnown;
import dev.signpost.core.matrix.ClientWellKnownParser;
import dev.signpost.core.matrix.MatrixAnswer;
import dev.signpost.core.matrix.MatrixAnswerParser;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.matrix.SupportFileParser;
import dev.signpost.core.matrix.SupportInfo;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.HttpResponse;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The client lane: {@code /.well-known/matrix/client} judged by the spec's discovery states, the homeserver's
 * {@code /versions} behind {@code base_url}, the identity server, CORS and Content-Type, and the support file.
 * The client files are always fetched on port 443, even when the server name has a port: clients do so.
 */
final class ClientLane {

    /**
     * Only a memory bound: the client file has no size limit in the spec or in clients (the 50 KiB limit is
     * Synapse's, for the server file).
     */
    static final int CLIENT_CAP = 1024 * 1024;
    static final int SUPPORT_CAP = 51_200;
    static final int VERSIONS_CAP = 256 * 1024;
    static final String VERSIONS_PATH = "/_matrix/client/versions";

    private static final String ROOT = "client.start";
    private static final String WELL_KNOWN = "client.well-known";
    private static final String BASE_URL = "client.base-url";
    private static final String VERSIONS = "client.versions";
    private static final String IDENTITY = "client.identity";
    private static final String SUPPORT = "client.support";

    private final RunContext ctx;
    private final ServerName name;
    private final Fetcher fetcher;
    private final Words words;
    private final WebServerAdvice advice;
    /**
     * The client file as js-sdk asks for it when the server name has a port, or null without a port. Asked when the
     * lane starts, next to the spec's own request: it depends on nothing else, and asked only when the verdict is
     * judged it cost two more sequential round trips (TLS and GET) at the end of the lane.
     */
    private volatile CompletableFuture<Fetcher.Result> portFile;
    /**
     * Element X's fallback, asked when the lane starts if the federation lane reads no server well-known (a server
     * name with a port, or an IP literal), or null. Element X asks it only after a failed client well-known, but its
     * answer does not depend on that file: asked afterwards it cost two more sequential round trips (TLS and GET)
     * at the end of a check whose federation lane is short. Used only when the well-known fails.
     */
    private volatile CompletableFuture<Fetcher.Result> fallbackVersions;
    /**
     * The identity server's answer, asked next to {@code /versions} when the client file names one: it depends on
     * the file alone, and asked after {@code /versions} it cost three sequential round trips (DNS, TLS, GET). It is
     * judged, as the spec orders it, only when the homeserver answered.
     */
    private volatile CompletableFuture<Fetcher.Result> identityAnswer;

    /** What this lane saw, for the apps lane. */
    final ClientSightings sightings = new ClientSightings();

    private volatile ClientResult result;

    ClientLane(RunContext ctx, ServerName name) {
        this.ctx = ctx;
        this.name = name;
        this.fetcher = new Fetcher(ctx, Fetcher.CLIENT_REDIRECTS);
        this.words = new Words(ctx);
        this.advice = new WebServerAdvice(ctx, name);
    }

    /** What is known so far. */
    ClientResult result() {
        ClientResult r = result;
        return r != null ? r : new ClientResult(ClientState.FAIL_PROMPT, wellKnownUrl().toString(), null, null, null);
    }

    private URI wellKnownUrl() {
        return URI.create("https://" + name.hostForUrl() + "/.well-known/matrix/client");
    }

    ClientResult run() {
        ctx.done(ROOT, Lane.CLIENT, HopKind.CLIENT_START, null, name.hostForUrl(), Status.PASS,
                name.hasPort() ? ctx.t("rule.client.startPort", name.port()) : ctx.t("rule.client.start"), null,
                List.of());
        CompletableFuture<Void> support = ctx.async(() -> {
            support();
            return null;
        });
        if (name.hasPort()) {
            portFile = ctx.async(() -> fetcher.fetch(portFileUrl(), CLIENT_CAP));
        }
        if (name.hasPort() || name.isIpLiteral()) {
            fallbackVersions = ctx.async(() -> fetcher.fetch(fallbackUrl(), VERSIONS_CAP));
        }
        try {
            discover();
        } finally {
            sightings.end();
        }
        support.join();
        return result();
    }

    private void discover() {
        URI url = wellKnownUrl();
        Hop hop = ctx.start(WELL_KNOWN, Lane.CLIENT, HopKind.CLIENT_WELL_KNOWN, ROOT, url.toString(),
                ctx.t("rule.client.wellKnown"));
        Fetcher.Result r = fetcher.fetch(url, CLIENT_CAP);
        Integer status = r.status();
        List<Evidence> evidence = r.evidence();
        ClientState state;
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ClientWellKnown parsed = null;
        if (!r.usable()) {
            state = ClientState.FAIL_PROMPT;
            problems.add(words.fetchProblem(r, "/.well-known/matrix/client"));
        } else if (status == 404) {
            state = ClientState.IGNORE;
        } else if (status != 200) {
            state = ClientState.FAIL_PROMPT;
            problems.add(ctx.t("client.status", r.response().statusLine()));
        } else if (r.response().bodyTruncated()) {
            state = ClientState.FAIL_PROMPT;
            problems.add(ctx.t("client.tooLarge", CLIENT_CAP));
        } else {
            parsed = ClientWellKnownParser.parse(r.response().body(), name.host(), ctx.locale);
            state = parsed.state();
            problems.addAll(parsed.problems());
            warnings.addAll(parsed.warnings());
            if (state != ClientState.SUCCESS && (r.response().mediaType().contains("html")
                    || r.response().bodyText().stripLeading().startsWith("<"))) {
                problems.add(ctx.t("client.html"));
            }
        }
        // The homeserver part of the file is usable even when only m.identity_server is broken: the parser fails
        // the homeserver first, so a base URL next to a failed state means the identity server is at fault.
        URI homeserver = parsed == null ? null : parsed.baseUrl();
        boolean identityBroken = homeserver != null && state != ClientState.SUCCESS;
        Status hopStatus = state == ClientState.SUCCESS ? Status.PASS : state == ClientState.IGNORE ? Status.WARN
                : Status.FAIL;
        String hopDetail = state == ClientState.IGNORE ? ctx.t("client.ignore") : String.join(" ", problems);
        String corsProblem = corsAndContentType(r, status);
        if (hopStatus == Status.PASS && corsProblem != null) {
            // Apps find the homeserver, but browser clients are blocked: the chain must show this hop as the
            // one to fix, not only the check list.
            hopStatus = Status.WARN;
            hopDetail = corsProblem;
        }
        ctx.finish(hop, hopStatus, hopDetail.isEmpty() ? null : hopDetail, evidence, elapsed(r));

        sightings.wellKnown(homeserver, r.usable() ? r.response().body() : null);
        String baseUrl = parsed == null ? null : parsed.rawBaseUrl();
        String identity = parsed == null ? null : parsed.rawIdentityServerUrl();
        Fetcher.Result versionsFailure = null;
        if (state == ClientState.SUCCESS && parsed.identityServerUrl() != null) {
            URI identityUrl = identityUrl(parsed);
            identityAnswer = ctx.async(() -> fetcher.fetch(identityUrl, VERSIONS_CAP));
        }
        if (homeserver != null) {
            versionsFailure = checkBaseUrl(parsed, problems);
        } else {
            ctx.notReached("client.versions", ctx.t("check.clientVersions.skip"), List.of(VERSIONS),
                    "client.well-known");
        }
        if (versionsFailure != null) {
            state = ClientState.FAIL_ERROR;
        }
        if (identityBroken) {
            ctx.check("client.identity", Status.FAIL, ctx.t("check.identity.fail",
                    String.join(" ", parsed.problems())), ctx.t("fix.identity"), List.of(WELL_KNOWN), evidence,
                    identityViews());
        } else if (state == ClientState.SUCCESS && parsed.identityServerUrl() != null) {
            state = checkIdentity(parsed, problems);
            identityBroken = state != ClientState.SUCCESS;
        }
        result = new ClientResult(state, url.toString(), status, baseUrl, identity);

        String fix = switch (state) {
            case SUCCESS -> warnings.isEmpty() ? null : ctx.t("fix.client.warnings");
            case IGNORE -> ctx.t("fix.client.ignore", name.host());
            case FAIL_PROMPT -> !r.usable() ? words.fetchFix(r, ctx.t("fix.client.prompt"))
                    : ctx.t("fix.client.prompt");
            // When the identity server alone is what fails, pointing base_url elsewhere would not help.
            case FAIL_ERROR -> identityBroken && versionsFailure == null ? ctx.t("fix.identity")
                    : ctx.t("fix.client.error");
        };
        Status checkStatus = switch (state) {
            case SUCCESS -> warnings.isEmpty() ? Status.PASS : Status.WARN;
            case IGNORE -> Status.WARN;
            default -> Status.FAIL;
        };
        String summary = switch (state) {
            case SUCCESS -> ctx.t("check.client.success", parsed.baseUrl())
                    + (warnings.isEmpty() ? "" : " " + String.join(" ", warnings));
            case IGNORE -> ctx.t("check.client.ignore");
            case FAIL_PROMPT -> ctx.t("check.client.prompt", String.join(" ", problems));
            case FAIL_ERROR -> ctx.t("check.client.error", String.join(" ", problems));
        };
        List<Evidence> checkEvidence = new ArrayList<>(evidence);
        Implementations views = wellKnownViews(r, state, identityBroken, versionsFailure, checkEvidence);
        ctx.check("client.well-known", checkStatus, summary, fix, List.of(WELL_KNOWN), checkEvidence,
                views.against(checkStatus, "impl.spec.clientState", state.name()));
    }

    private static Duration elapsed(Fetcher.Result r) {
        return r.steps().stream().map(s -> s.response().elapsed()).reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * Where Element Web and Element X end differently from the spec's discovery states.
     *
     * @param versionsFailure the failed {@code /versions} fetch, or null when it answered or was not asked
     * @param evidence        receives the requests made only to learn an implementation's outcome
     */
    private Implementations wellKnownViews(Fetcher.Result r, ClientState state, boolean identityBroken,
                                           Fetcher.Result versionsFailure, List<Evidence> evidence) {
        Implementations views = new Implementations(ctx);
        if (identityBroken && versionsFailure == null) {
            views.elementWeb(Status.WARN, "impl.web.identityWarning").elementX(Status.PASS, "impl.x.noIdentity");
            return views;
        }
        boolean bom = r.usable() && Integer.valueOf(200).equals(r.status())
                && ClientWellKnownParser.startsWithBom(r.response().body());
        if (bom && ClientWellKnownParser.parseAsBrowser(r.response().body(), name.host(), ctx.locale).state()
                == ClientState.SUCCESS) {
            views.elementWeb(Status.PASS, "impl.web.bom");
        }
        Optional<BrowserView.Blocked> blocked = BrowserView.firstWithoutCors(r);
        if (blocked.isPresent() && r.status() != null && r.status() == 404) {
            views.elementWeb(Status.FAIL, "impl.web.notFoundWithoutCors", blocked.get().url());
        } else if (blocked.isPresent() && state == ClientState.SUCCESS) {
            views.elementWeb(Status.FAIL, "impl.web.wellKnownWithoutCors", blocked.get().url(),
                    blocked.get().status());
        }
        if (state != ClientState.SUCCESS && versionsFailure == null) {
            elementXFallback(views, evidence);
        }
        if (name.hasPort()) {
            withPort(views, state, evidence);
        }
        return views;
    }

    /**
     * js-sdk fetches the client file from the server name as typed, port included; the spec (and Signpost above)
     * from the host on 443. When only one of the two serves a usable file, Element Web ends differently.
     */
    private void withPort(Implementations views, ClientState specState, List<Evidence> evidence) {
        URI url = portFileUrl();
        CompletableFuture<Fetcher.Result> asked = portFile;
        Fetcher.Result r = asked != null ? asked.join() : fetcher.fetch(url, CLIENT_CAP);
        evidence.addAll(r.evidence());
        boolean usable = r.usable() && Integer.valueOf(200).equals(r.status()) && !r.response().bodyTruncated()
                && BrowserView.firstWithoutCors(r).isEmpty()
                && ClientWellKnownParser.parseAsBrowser(r.response().body(), name.host(), ctx.locale).state()
                == ClientState.SUCCESS;
        if (usable && specState != ClientState.SUCCESS) {
            views.elementWeb(Status.PASS, "impl.web.portServes", url);
        } else if (!usable && specState == ClientState.SUCCESS) {
            views.elementWeb(Status.FAIL, "impl.web.portMissing", url);
        }
    }

    private URI portFileUrl() {
        return URI.create("https://" + name.hostForUrl() + ":" + name.port() + "/.well-known/matrix/client");
    }

    /** Element X (matrix-rust-sdk) tries {@code https://<server name>/_matrix/client/versions} when discovery fails. */
    private void elementXFallback(Implementations views, List<Evidence> evidence) {
        CompletableFuture<Fetcher.Result> asked = fallbackVersions;
        Fetcher.Result f = asked != null ? asked.join() : fetcher.fetch(fallbackUrl(), VERSIONS_CAP);
        evidence.addAll(f.evidence());
        boolean answers = f.usable() && Integer.valueOf(200).equals(f.status())
                && ClientVersionsParser.parse(f.response().body(), ctx.locale).error() == null;
        if (answers) {
            views.elementX(Status.WARN, "impl.x.fallback", "https://" + name.hostForUrl());
        }
    }

    private URI fallbackUrl() {
        return URI.create("https://" + name.hostForUrl() + VERSIONS_PATH);
    }

    /** Element Web only warns about a broken identity server, Element X does not use it; the spec fails. */
    private List<ImplementationVerdict> identityViews() {
        return new Implementations(ctx).elementWeb(Status.WARN, "impl.web.identityWarning")
                .elementX(Status.PASS, "impl.x.noIdentity").against(Status.FAIL, "impl.spec.identity");
    }

    /**
     * Checks CORS and Content-Type; returns the CORS problem browsers would hit, or null when there is none. An
     * answer behind a rejected certificate or a refused redirect is evidence, never a pass: clients never read it.
     */
    private String corsAndContentType(Fetcher.Result r, Integer status) {
        HttpResponse last = r.response();
        boolean answered = r.usable() && last != null && last.responded() && status != null && status != 404;
        if (!answered) {
            boolean none = r.usable() && status != null && status == 404;
            ctx.notReached("client.cors", ctx.t(none ? "check.cors.skip404" : "check.cors.skipNone"),
                    List.of(WELL_KNOWN), "client.well-known");
            ctx.notReached("client.content-type", ctx.t(none ? "check.contentType.skip404"
                    : "check.contentType.skipNone"), List.of(WELL_KNOWN), "client.well-known");
            return null;
        }
        List<Evidence> headers = List.of(last.evidence(r.finalUrl().toString()));
        String origin = last.header("Access-Control-Allow-Origin").orElse(null);
        List<HttpResponse> redirectsWithoutCors = r.redirects().stream()
                .filter(x -> !BrowserView.allowsAnyOrigin(x)).toList();
        String corsProblem = null;
        if (origin == null) {
            corsProblem = ctx.t("check.cors.missing");
            ctx.check("client.cors", Status.FAIL, corsProblem, advice.corsFix(last), List.of(WELL_KNOWN), headers);
        } else if (!"*".equals(origin.strip())) {
            corsProblem = ctx.t("check.cors.other", origin);
            ctx.check("client.cors", Status.WARN, corsProblem, ctx.t("fix.cors"), List.of(WELL_KNOWN), headers);
        } else if (!redirectsWithoutCors.isEmpty()) {
            corsProblem = ctx.t("check.cors.redirect", redirectsWithoutCors.get(0).target().url());
            ctx.check("client.cors", Status.WARN, corsProblem, ctx.t("fix.cors"), List.of(WELL_KNOWN), headers);
        } else {
            ctx.check("client.cors", Status.PASS, ctx.t("check.cors.pass"), null, List.of(WELL_KNOWN), headers);
        }
        String type = last.mediaType();
        if ("application/json".equals(type)) {
            ctx.check("client.content-type", Status.PASS, ctx.t("check.contentType.pass"), null,
                    List.of(WELL_KNOWN), headers);
        } else {
            String defaultFix = advice.defaultTypeFix(last);
            ctx.check("client.content-type", Status.WARN, type.isEmpty() ? ctx.t("check.contentType.missing")
                    : ctx.t(defaultFix != null ? "check.contentType.default" : "check.contentType.other", type),
                    defaultFix != null ? defaultFix : ctx.t("fix.contentType"), List.of(WELL_KNOWN), headers);
        }
        return corsProblem;
    }

    /**
     * Asks the homeserver behind base_url; returns the fetch when it failed (FAIL_ERROR, its problem put first in
     * {@code problems}: the spec judges the homeserver before the identity server), null when it answered.
     */
    private Fetcher.Result checkBaseUrl(ClientWellKnown parsed, List<String> problems) {
        URI base = parsed.baseUrl();
        ctx.done(BASE_URL, Lane.CLIENT, HopKind.BASE_URL, WELL_KNOWN, base.toString(), Status.PASS,
                ctx.t("rule.client.baseUrl"), null, List.of());
        URI versionsUrl = URI.create(base + VERSIONS_PATH);
        Hop hop = ctx.start(VERSIONS, Lane.CLIENT, HopKind.CLIENT_VERSIONS, BASE_URL, versionsUrl.toString(),
                ctx.t("rule.client.versions"));
        Fetcher.Result r = fetcher.fetch(versionsUrl, VERSIONS_CAP);
        sightings.versions(r);
        String problem = null;
        String label = null;
        List<String> offered = List.of();
        if (!r.usable()) {
            problem = words.fetchProblem(r, "GET " + versionsUrl);
        } else if (r.status() != 200) {
            problem = ctx.t("clientVersions.status", r.response().statusLine());
        } else {
            ClientVersions versions = ClientVersionsParser.parse(r.response().body(), ctx.locale);
            if (versions.error() != null) {
                problem = versions.error();
            } else {
                offered = versions.versions();
                label = offered.get(offered.size() - 1);
            }
        }
        if (problem != null) {
            ctx.finish(hop, Status.FAIL, problem, r.evidence(), elapsed(r));
            problems.add(0, problem);
            ctx.check("client.versions", Status.FAIL, ctx.t("check.clientVersions.fail", problem),
                    r.usable() ? ctx.t("fix.clientVersions") : words.fetchFix(r, ctx.t("fix.clientVersions")),
                    List.of(VERSIONS), r.evidence());
            return r;
        }
        Implementations views = new Implementations(ctx);
        if (offered.stream().noneMatch(JsSdkVersions::supported)) {
            views.elementWeb(Status.FAIL, "impl.web.versions", JsSdkVersions.RANGE);
        }
        BrowserView.firstWithoutCors(r).ifPresent(blocked -> views.elementWeb(Status.FAIL,
                "impl.web.versionsWithoutCors", blocked.url(), blocked.status()));
        ctx.finish(hop, Status.PASS, ctx.t("clientVersions.ok", label), r.evidence(), elapsed(r));
        ctx.check("client.versions", Status.PASS, ctx.t("check.clientVersions.pass", base, label), null,
                List.of(VERSIONS), r.evidence(), views.against(Status.PASS, "impl.spec.versions"));
        return null;
    }

    private ClientState checkIdentity(ClientWellKnown parsed, List<String> problems) {
        URI url = identityUrl(parsed);
        Hop hop = ctx.start(IDENTITY, Lane.CLIENT, HopKind.IDENTITY_SERVER, WELL_KNOWN, url.toString(),
                ctx.t("rule.client.identity"));
        CompletableFuture<Fetcher.Result> asked = identityAnswer;
        Fetcher.Result r = asked != null ? asked.join() : fetcher.fetch(url, VERSIONS_CAP);
        String problem = !r.usable() ? words.fetchProblem(r, "GET " + url)
                : r.status() != 200 ? ctx.t("identity.status", r.response().statusLine())
                : notAnIdentityServer(r.response().body(), url);
        if (problem != null) {
            ctx.finish(hop, Status.FAIL, problem, r.evidence(), elapsed(r));
            problems.add(problem);
            ctx.check("client.identity", Status.FAIL, ctx.t("check.identity.fail", problem),
                    ctx.t("fix.identity"), List.of(IDENTITY), r.evidence(), identityViews());
            return ClientState.FAIL_ERROR;
        }
        ctx.finish(hop, Status.PASS, null, r.evidence(), elapsed(r));
        ctx.check("client.identity", Status.PASS, ctx.t("check.identity.pass", parsed.identityServerUrl()), null,
                List.of(IDENTITY), r.evidence());
        return ClientState.SUCCESS;
    }

    private static URI identityUrl(ClientWellKnown parsed) {
        return URI.create(parsed.identityServerUrl() + "/_matrix/identity/v2");
    }

    /** The spec validates the identity server's answer: a JSON object, not a catch-all HTML page. */
    private String notAnIdentityServer(byte[] body, URI url) {
        MatrixAnswer answer = MatrixAnswerParser.parse(body, "GET " + url.getRawPath(), ctx.locale);
        return answer.kind() == MatrixAnswer.Kind.NOT_MATRIX ? ctx.t("identity.notJson", answer.problem()) : null;
    }

    private void support() {
        URI url = URI.create("https://" + name.hostForUrl() + "/.well-known/matrix/support");
        Hop hop = ctx.start(SUPPORT, Lane.CLIENT, HopKind.SUPPORT, ROOT, url.toString(), ctx.t("rule.client.support"));
        Fetcher.Result r = fetcher.fetch(url, SUPPORT_CAP);
        Duration elapsed = r.steps().stream().map(s -> s.response().elapsed()).reduce(Duration.ZERO, Duration::plus);
        Integer status = r.status();
        if (r.usable() && status == 404) {
            ctx.finish(hop, Status.SKIP, ctx.t("support.none"), r.evidence(), elapsed);
            ctx.check("client.support", Status.SKIP, ctx.t("check.support.none"), null, List.of(SUPPORT),
                    r.evidence());
            return;
        }
        boolean unreachable = r.problem() == Fetcher.Problem.DNS_FAILED || r.problem() == Fetcher.Problem.NO_ADDRESS
                || r.problem() == Fetcher.Problem.NETWORK;
        if (unreachable) {
            String problem = words.fetchProblem(r, "/.well-known/matrix/support");
            ctx.finish(hop, Status.SKIP, problem, r.evidence(), elapsed);
            ctx.check("client.support", Status.SKIP, ctx.t("check.support.unreachable", problem), null,
                    List.of(SUPPORT), r.evidence());
            return;
        }
        if (!r.usable() || status != 200 || r.response().bodyTruncated()) {
            String problem = !r.usable() ? words.fetchProblem(r, "/.well-known/matrix/support")
                    : status != 200 ? ctx.t("support.status", r.response().statusLine())
                    : ctx.t("client.tooLarge", SUPPORT_CAP);
            ctx.finish(hop, Status.WARN, problem, r.evidence(), elapsed);
            ctx.check("client.support", Status.WARN, ctx.t("check.support.broken", problem), ctx.t("fix.support"),
                    List.of(SUPPORT), r.evidence());
            return;
        }
        SupportInfo info = SupportFileParser.parse(r.response().body(), ctx.locale);
        if (!info.problems().isEmpty()) {
            String problem = String.join(" ", info.problems());
            ctx.finish(hop, Status.WARN, problem, r.evidence(), elapsed);
            ctx.check("client.support", Status.WARN, ctx.t("check.support.broken", problem), ctx.t("fix.support"),
                    List.of(SUPPORT), r.evidence());
            return;
        }
        Status s = info.warnings().isEmpty() ? Status.PASS : Status.WARN;
        String summary = ctx.t("check.support.pass", info.contacts(),
                info.supportPage() == null ? "-" : info.supportPage());
        if (!info.warnings().isEmpty()) {
            summary = summary + " " + String.join(" ", info.warnings());
        }
        ctx.finish(hop, s, summary, r.evidence(), elapsed);
        ctx.check("client.support", s, summary, s == Status.PASS ? null : ctx.t("fix.support"), List.of(SUPPORT),
                r.evidence());
    }
}
