package dev.signpost.core.discovery;

import dev.signpost.core.matrix.AppWellKnown;
import dev.signpost.core.matrix.AppWellKnownParser;
import dev.signpost.core.matrix.ClientFeatures;
import dev.signpost.core.matrix.ClientFeaturesParser;
import dev.signpost.core.matrix.MatrixAnswerParser;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The apps lane: what Element X, Element Call and OAuth 2.0 sign-in need beyond client discovery (CLIENTS.md).
 * It starts the moment the client lane has read the client well-known, sends all of its requests at once (auth
 * metadata on both paths, the call transports, the media route, each LiveKit service), reuses the client lane's
 * {@code /versions} answer, and after the federation lane has found the homeserver asks its federation media route.
 * So it adds at most one round trip to the client lane and one to the federation lane. Every request is
 * unauthenticated and bounded by the run's deadline.
 */
final class AppsLane {

    /** Every check this lane answers, always present in a report. */
    static final List<String> CHECK_IDS = List.of("client.sliding-sync", "client.auth", "client.rtc",
            "client.media", "federation.media");

    static final String ROOT = "apps.start";
    static final String FLAGS = "apps.flags";
    static final String CLIENT_MEDIA = "apps.media.client";
    static final String FEDERATION_MEDIA = "apps.media.federation";

    /** A media id that never exists: the homeserver answers 401 before it would look. */
    static final String FEDERATION_MEDIA_PATH = "/_matrix/federation/v1/media/download/signpost-probe";

    private final RunContext ctx;
    private final ServerName name;
    private final ClientSightings sightings;
    private final AppsProbe probe;
    private final java.util.Map<String, String> blocking = new java.util.concurrent.ConcurrentHashMap<>();

    AppsLane(RunContext ctx, ServerName name, ClientSightings sightings) {
        this.ctx = ctx;
        this.name = name;
        this.sightings = sightings;
        this.probe = new AppsProbe(ctx);
    }

    /**
     * Apps that cannot work at all although the check they fail on is only a warning for the server as a whole
     * (Element X without sliding sync), app id → check id.
     */
    java.util.Map<String, String> blocking() {
        return java.util.Map.copyOf(blocking);
    }

    /** Runs the client-side checks and, next to them, the federation media check. */
    Void run(CompletableFuture<FederationResult> federation) {
        // Its own thread: the federation target is known while the client side still waits for answers.
        CompletableFuture<Void> media = ctx.async(() -> {
            federationMedia(federation);
            return null;
        });
        try {
            clientSide();
        } finally {
            media.join();
        }
        return null;
    }

    private void clientSide() {
        ClientSightings.WellKnown seen = sightings.awaitWellKnown(ctx.deadline);
        if (seen == null || seen.baseUrl() == null) {
            String why = probe.t("skip.noHomeserver");
            for (String id : List.of("client.sliding-sync", "client.auth", "client.rtc", "client.media")) {
                ctx.check(id, Status.SKIP, why, null, List.of(), List.of());
            }
            return;
        }
        URI base = seen.baseUrl();
        AppWellKnown extras = seen.body() == null ? AppWellKnown.none() : AppWellKnownParser.parse(seen.body(),
                ctx.locale);
        ctx.done(ROOT, Lane.APPS, HopKind.APPS_START, null, base.toString(), Status.PASS, probe.t("rule.start"),
                null, List.of());
        AuthJudge auth = new AuthJudge(ctx, probe, name, base, extras);
        RtcJudge rtc = new RtcJudge(ctx, probe, name, base, extras);
        auth.send();
        rtc.send();
        CompletableFuture<AppsProbe.Answer> media = probe.get(URI.create(base + "/_matrix/client/v1/media/config"));
        ClientFeatures features = features(sightings.awaitVersions(ctx.deadline));
        slidingSync(base, features, extras);
        auth.judge(features);
        rtc.judge(features);
        media(CLIENT_MEDIA, "client.media", base, join(media), probe.t("rule.media.client"));
    }

    /** The client lane's {@code /versions} answer read for flags, or null when it gave none. */
    private ClientFeatures features(Fetcher.Result versions) {
        if (versions == null || !versions.usable() || versions.status() == null || versions.status() != 200) {
            return null;
        }
        ClientFeatures features = ClientFeaturesParser.parse(versions.response().body(), ctx.locale);
        return features.error() == null ? features : null;
    }

    private void slidingSync(URI base, ClientFeatures features, AppWellKnown extras) {
        String url = base + "/_matrix/client/versions";
        if (features == null) {
            ctx.done(FLAGS, Lane.APPS, HopKind.FEATURE_FLAGS, ROOT, url, Status.SKIP, probe.t("rule.flags"),
                    probe.t("skip.noVersions"), List.of());
            ctx.check("client.sliding-sync", Status.SKIP, probe.t("skip.noVersions"), null, List.of(FLAGS),
                    List.of());
            return;
        }
        List<String> warnings = new ArrayList<>(features.problems());
        List<String> fixes = new ArrayList<>();
        boolean on = features.has(ClientFeatures.SLIDING_SYNC);
        if (!on) {
            blocking.put("element-x", "client.sliding-sync");
            warnings.add(0, probe.t("slidingSync.off", base));
            fixes.add(probe.t("fix.slidingSync.off", base.getHost()));
        }
        if (extras.slidingSyncProxy() != null) {
            warnings.add(probe.t("slidingSync.proxy", extras.slidingSyncProxy()));
            fixes.add(probe.t("fix.slidingSync.proxy", name.hostForUrl()));
        }
        List<Evidence> evidence = List.of(new Evidence.Note(probe.t("note.flags"), String.join(", ",
                features.enabled().stream().sorted().toList())));
        Status status = warnings.isEmpty() ? Status.PASS : Status.WARN;
        String summary = on ? probe.t("slidingSync.on", base) + (warnings.isEmpty() ? ""
                : " " + String.join(" ", warnings)) : String.join(" ", warnings);
        ctx.done(FLAGS, Lane.APPS, HopKind.FEATURE_FLAGS, ROOT, url, status, probe.t("rule.flags"), summary,
                evidence);
        ctx.check("client.sliding-sync", status, summary, fixes.isEmpty() ? null : String.join(" ", fixes),
                List.of(FLAGS), evidence);
    }

    /** Judges a media route probed without a token: only the homeserver's JSON means it is routed there. */
    private void media(String hopId, String checkId, URI base, AppsProbe.Answer a, String rule) {
        Hop hop = ctx.start(hopId, Lane.APPS, HopKind.MEDIA_ROUTE, ROOT, a.url().toString(), rule);
        String host = base.getHost();
        Status status;
        String summary;
        String fix = null;
        if (!a.usable()) {
            status = Status.FAIL;
            summary = probe.t("media.unreachable", probe.describe(a));
            fix = probe.unusableFix(a.fetch(), probe.t("fix.media.route", host));
        } else if (a.refusedWithoutToken() || a.status() == 200 && !a.notMatrix()) {
            status = Status.PASS;
            summary = probe.t("media.routed", a.url(), probe.describe(a));
        } else if (a.unrecognized()) {
            status = Status.WARN;
            summary = probe.t("media.unsupported", a.url());
            fix = probe.t("fix.media.unsupported", host);
        } else if (a.notMatrix()) {
            status = Status.FAIL;
            summary = probe.t("media.proxy", a.url(), probe.describe(a));
            fix = probe.t("fix.media.route", host);
        } else {
            status = Status.WARN;
            summary = probe.t("media.odd", a.url(), probe.describe(a));
            fix = probe.t("fix.media.route", host);
        }
        ctx.finish(hop, status, summary, a.fetch().evidence(), a.elapsed());
        ctx.check(checkId, status, summary, fix, List.of(hopId), a.fetch().evidence());
    }

    /**
     * Asks the federation media route as another server would, on the first address the federation lane connects
     * to, at the same time as its version and keys requests (so it costs no round trip of its own). When that
     * address gave no answer, one that passed TLS is asked once the federation lane has ended.
     */
    private void federationMedia(CompletableFuture<FederationResult> federation) {
        CompletableFuture.anyOf(ctx.federationTarget, federation).completeOnTimeout(null, untilDeadline(),
                TimeUnit.MILLISECONDS).join();
        HttpTarget first = ctx.federationTarget.getNow(null);
        HttpResponse response = first == null ? null : ctx.http.get(mediaTarget(first), AppsProbe.BODY_CAP,
                ctx.cancel, ctx.deadline);
        HttpTarget used = first;
        if (response == null || !response.responded()) {
            FederationResult result = await(federation);
            ConnectionResult way = result == null ? null : result.connections().stream()
                    .filter(ConnectionResult::tlsOk).findFirst().orElse(null);
            InetSocketAddress address = way == null ? null : connectAddress(result, way);
            if (address == null || result.hostHeader() == null) {
                ctx.check("federation.media", Status.SKIP, probe.t("skip.noFederation"), null, List.of(),
                        List.of());
                return;
            }
            String tlsName = result.tlsServerName();
            used = new HttpTarget(true, address, tlsName == null || AddressResolver.isIpLiteral(tlsName) ? null
                    : tlsName, result.hostHeader(), FEDERATION_MEDIA_PATH);
            response = ctx.http.get(used, AppsProbe.BODY_CAP, ctx.cancel, ctx.deadline);
        }
        HttpTarget asked = mediaTarget(used);
        URI url = URI.create(asked.url());
        Fetcher.Result result = new Fetcher.Result(url, List.of(new Fetcher.Step(url, response, null)),
                response.responded() ? Fetcher.Problem.NONE : Fetcher.Problem.NETWORK, asked.addressText(),
                List.of(response.evidence(url.toString())), Fetcher.SERVER_REDIRECTS);
        AppsProbe.Answer answer = new AppsProbe.Answer(url, result, result.usable()
                ? MatrixAnswerParser.parse(response.body(), "GET " + FEDERATION_MEDIA_PATH, ctx.locale) : null);
        String host = asked.hostHeader().replaceFirst(":\\d+$", "");
        media(FEDERATION_MEDIA, "federation.media", URI.create("https://" + host), answer,
                probe.t("rule.media.federation"));
    }

    private static HttpTarget mediaTarget(HttpTarget like) {
        return new HttpTarget(true, like.address(), like.sniHost(), like.hostHeader(), FEDERATION_MEDIA_PATH);
    }

    private long untilDeadline() {
        // The federation lane always ends by the deadline (its sockets are closed then); the slack covers unwinding.
        return Math.max(1, Duration.between(Instant.now(), ctx.deadline).toMillis()) + 500;
    }

    /** Where the federation lane connected for {@code way}, with the same {@code --resolve} rules it applied. */
    private InetSocketAddress connectAddress(FederationResult federation, ConnectionResult way) {
        int port = federation.port() == null ? way.port() : federation.port();
        if (federation.host() != null && !AddressResolver.isIpLiteral(federation.host())) {
            var byHost = ctx.overrides.lookup(federation.host().toLowerCase(java.util.Locale.ROOT), port);
            if (byHost.isPresent()) {
                return byHost.get();
            }
        }
        try {
            InetAddress ip = InetAddress.getByName(AddressResolver.unbracket(way.address()));
            return ctx.overrides.lookup(way.address(), way.port()).orElse(new InetSocketAddress(ip, way.port()));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private FederationResult await(CompletableFuture<FederationResult> federation) {
        try {
            return federation.get(untilDeadline(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    static <T> T join(CompletableFuture<T> future) {
        return future.join();
    }
}
