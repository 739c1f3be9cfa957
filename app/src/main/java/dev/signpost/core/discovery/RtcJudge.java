package dev.signpost.core.discovery;

import dev.signpost.core.matrix.AppWellKnown;
import dev.signpost.core.matrix.ClientFeatures;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code client.rtc}: whether Element Call finds a working call service. Current Element Call asks the MatrixRTC
 * transports endpoint (MSC4143, signed in; without a token the homeserver answers JSON 401 when the route reaches
 * it), older clients and matrix-rust-sdk's fallback read {@code rtc_foci} from the client well-known. Each LiveKit
 * JWT service named there must answer {@code /healthz} or {@code 405} on {@code GET /sfu/get}, with CORS for the
 * browser-based Element Call; delayed events (MSC4140) must be on.
 */
final class RtcJudge extends AppsJudge {

    static final String TRANSPORTS = "apps.rtc.transports";
    static final String FOCI = "apps.rtc.foci";
    static final String LIVEKIT = "apps.rtc.livekit.";

    private static final String TRANSPORTS_PATH = "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports";

    /** The two requests sent to one LiveKit JWT service. */
    private record Service(URI url, CompletableFuture<AppsProbe.Answer> health,
                           CompletableFuture<AppsProbe.Answer> sfu) {
    }

    private CompletableFuture<AppsProbe.Answer> transports;
    private final List<Service> services = new ArrayList<>();

    RtcJudge(RunContext ctx, AppsProbe probe, ServerName name, URI base, AppWellKnown extras) {
        super(ctx, probe, name, base, extras);
    }

    /** Sends the transports request and both requests to every LiveKit service, all at once. */
    void send() {
        transports = probe.get(URI.create(base + TRANSPORTS_PATH));
        for (URI service : extras.livekitServices()) {
            services.add(new Service(service, probe.get(URI.create(service + "/healthz")),
                    probe.get(URI.create(service + "/sfu/get"))));
        }
    }

    void judge(ClientFeatures features) {
        Hop transportsHop = ctx.start(TRANSPORTS, Lane.APPS, HopKind.RTC_TRANSPORTS, AppsLane.ROOT, TRANSPORTS_PATH,
                probe.t("rule.rtc.transports"));
        AppsProbe.Answer t = transports.join();
        boolean routed = t.refusedWithoutToken() || t.status() == 200 && !t.notMatrix();
        boolean notOffered = t.unrecognized();
        boolean advertised = features != null && features.has(ClientFeatures.RTC_TRANSPORTS);
        List<Evidence> evidence = new ArrayList<>(t.fetch().evidence());
        List<String> hops = new ArrayList<>(List.of(TRANSPORTS));
        String said = routed ? probe.t("rtc.hop.routed", probe.describe(t)) : notOffered
                ? probe.t("rtc.hop.notOffered") : probe.describe(t);
        ctx.finish(transportsHop, routed || notOffered ? Status.PASS : Status.FAIL, said, t.fetch().evidence(),
                t.elapsed());
        if (!routed && !advertised && !extras.fociPresent()) {
            ctx.check("client.rtc", Status.SKIP, probe.t("rtc.none"), null, hops, evidence);
            return;
        }
        List<String> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        String host = base.getHost();
        if (!routed && !notOffered) {
            failures.add(probe.t("rtc.transportsBroken", t.url(), said));
            fixes.add(probe.unusableFix(t.fetch(), probe.t("fix.rtc.route", host)));
        } else if (notOffered && !extras.livekitServices().isEmpty()) {
            warnings.add(probe.t("rtc.onlyWellKnown"));
            fixes.add(probe.t("fix.rtc.transports"));
        } else if (notOffered) {
            failures.add(probe.t("rtc.noService"));
            fixes.add(probe.t("fix.rtc.noService", name.hostForUrl()));
        } else if (!advertised && features != null) {
            warnings.add(probe.t("rtc.notAdvertised"));
            fixes.add(probe.t("fix.rtc.transports"));
        }
        if (features != null && !features.has(ClientFeatures.DELAYED_EVENTS)) {
            warnings.add(probe.t("rtc.noDelayedEvents"));
            fixes.add(probe.t("fix.rtc.delayedEvents"));
        }
        if (extras.fociPresent()) {
            String detail = extras.fociProblems().isEmpty() ? null : String.join(" ", extras.fociProblems());
            Status fociStatus = extras.livekitServices().isEmpty() ? Status.FAIL
                    : detail == null ? Status.PASS : Status.WARN;
            ctx.done(FOCI, Lane.APPS, HopKind.RTC_TRANSPORTS, AppsLane.ROOT, AppWellKnown.RTC_FOCI, fociStatus,
                    probe.t("rule.rtc.foci", name.hostForUrl()), detail, List.of());
            hops.add(FOCI);
            if (detail != null) {
                (fociStatus == Status.FAIL ? failures : warnings).add(detail);
                fixes.add(probe.t("fix.rtc.foci", name.hostForUrl()));
            }
        }
        List<String> reached = new ArrayList<>();
        int index = 0;
        for (Service service : services) {
            String hopId = LIVEKIT + (++index);
            hops.add(hopId);
            service(hopId, service, failures, warnings, fixes, evidence, reached);
        }
        Status status = !failures.isEmpty() ? Status.FAIL : !warnings.isEmpty() ? Status.WARN : Status.PASS;
        List<String> sentences = new ArrayList<>();
        if (status != Status.FAIL) {
            sentences.add(reached.isEmpty() ? probe.t("rtc.passTransportsOnly")
                    : probe.t("rtc.pass", String.join(", ", reached)));
        }
        sentences.addAll(failures);
        sentences.addAll(warnings);
        ctx.check("client.rtc", status, String.join(" ", sentences), fixes.isEmpty() ? null
                : String.join(" ", fixes.stream().distinct().toList()), hops, evidence);
    }

    private void service(String hopId, Service service, List<String> failures, List<String> warnings,
                         List<String> fixes, List<Evidence> evidence, List<String> reached) {
        Hop hop = ctx.start(hopId, Lane.APPS, HopKind.LIVEKIT_SERVICE, extras.fociPresent() ? FOCI : TRANSPORTS,
                service.url().toString(), probe.t("rule.rtc.livekit"));
        AppsProbe.Answer health = service.health().join();
        AppsProbe.Answer sfu = service.sfu().join();
        List<Evidence> own = new ArrayList<>(health.fetch().evidence());
        own.addAll(sfu.fetch().evidence());
        evidence.addAll(own);
        String host = service.url().getHost();
        String problem = null;
        Status status = Status.PASS;
        if (!health.usable() && !sfu.usable()) {
            problem = probe.t("rtc.serviceUnreachable", service.url(), probe.describe(sfu));
            failures.add(problem);
            fixes.add(probe.unusableFix(sfu.fetch(), probe.t("fix.rtc.service", service.url())));
            status = Status.FAIL;
        } else if (health.status() != 200 && sfu.status() != 405) {
            problem = probe.t("rtc.serviceWrong", service.url(), probe.describe(health), probe.describe(sfu));
            failures.add(problem);
            fixes.add(probe.t("fix.rtc.service", service.url()));
            status = Status.FAIL;
        } else if (!sfu.usable() || sfu.response().header("Access-Control-Allow-Origin").isEmpty()) {
            problem = probe.t("rtc.noCors", service.url());
            warnings.add(problem);
            fixes.add(probe.t("fix.rtc.cors", host));
            status = Status.WARN;
            reached.add(service.url().toString());
        } else {
            reached.add(service.url().toString());
        }
        ctx.finish(hop, status, problem == null ? probe.t("rtc.hop.alive") : problem, own,
                health.elapsed().compareTo(sfu.elapsed()) > 0 ? health.elapsed() : sfu.elapsed());
    }
}
