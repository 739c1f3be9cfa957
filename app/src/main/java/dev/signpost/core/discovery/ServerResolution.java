package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.matrix.ServerWellKnown;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.DnsAnswer;
import org.xbill.DNS.Type;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.signpost.core.discovery.FederationHops.M_SERVER;
import static dev.signpost.core.discovery.FederationHops.ROOT;
import static dev.signpost.core.discovery.FederationHops.SRV_FED;
import static dev.signpost.core.discovery.FederationHops.SRV_LEGACY;
import static dev.signpost.core.discovery.FederationHops.WELL_KNOWN;

/**
 * The spec's server-name resolution, steps 1–6 (3.1–3.5 after a delegation): which host, port, Host header and
 * certificate name federation traffic uses. Publishes every branch considered, taken or not.
 */
final class ServerResolution {

    static final int DEFAULT_PORT = 8448;

    private final RunContext ctx;
    private final ServerName name;
    private final FederationProgress progress;
    private final ServerWellKnownStep wellKnown;

    ServerResolution(RunContext ctx, ServerName name, FederationProgress progress, ServerWellKnownStep wellKnown) {
        this.ctx = ctx;
        this.name = name;
        this.progress = progress;
        this.wellKnown = wellKnown;
    }

    /** The target, or null when resolution failed (its check already says why). */
    FederationTarget decide() {
        if (name.isIpLiteral()) {
            skipWellKnownAndSrv("skip.ipLiteral");
            int port = name.hasPort() ? name.port() : DEFAULT_PORT;
            return new FederationTarget(FederationMethod.IP_LITERAL, name.host(), port, name.authority(),
                    name.host(), null, ROOT, ctx.t(name.hasPort() ? "rule.step1.port" : "rule.step1", port), false,
                    List.of());
        }
        if (name.hasPort()) {
            skipWellKnownAndSrv("skip.explicitPort");
            return new FederationTarget(FederationMethod.EXPLICIT_PORT, name.host(), name.port(), name.authority(),
                    name.host(), name.host(), ROOT, ctx.t("rule.step2", name.port()), false, List.of());
        }
        ServerWellKnown parsed = wellKnown.fetch();
        if (parsed != null && parsed.usable()) {
            ServerName m = parsed.mServer();
            String rule = m.isIpLiteral() ? ctx.t("rule.step31") : m.hasPort() ? ctx.t("rule.step32")
                    : ctx.t("rule.step33");
            ctx.done(M_SERVER, Lane.FEDERATION, HopKind.DELEGATED_SERVER, WELL_KNOWN, m.original(), Status.PASS,
                    rule, null, List.of());
            if (m.isIpLiteral()) {
                skipSrv(M_SERVER, "skip.srv.wellKnownIp");
                int port = m.hasPort() ? m.port() : DEFAULT_PORT;
                return new FederationTarget(FederationMethod.WELL_KNOWN_IP_LITERAL, m.host(), port, m.authority(),
                        m.host(), null, M_SERVER, ctx.t("rule.step31.target", port), false, List.of());
            }
            if (m.hasPort()) {
                skipSrv(M_SERVER, "skip.srv.wellKnownPort");
                return new FederationTarget(FederationMethod.WELL_KNOWN_EXPLICIT_PORT, m.host(), m.port(),
                        m.authority(), m.host(), m.host(), M_SERVER, ctx.t("rule.step32.target", m.port()), false,
                        List.of());
            }
            return srv(m.host(), M_SERVER, true);
        }
        return srv(name.host(), WELL_KNOWN, false);
    }

    private void skipWellKnownAndSrv(String whyKey) {
        String why = ctx.t(whyKey);
        ctx.notTaken(WELL_KNOWN, Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, ROOT, "/.well-known/matrix/server",
                ctx.t("rule.wellKnown"), why);
        ctx.check("federation.well-known", Status.SKIP, ctx.t("check.wellKnown.skip", why), null,
                List.of(WELL_KNOWN), List.of());
        skipSrv(ROOT, whyKey);
    }

    private void skipSrv(String parent, String whyKey) {
        String why = ctx.t(whyKey);
        ctx.notTaken(SRV_FED, Lane.FEDERATION, HopKind.SRV, parent, "_matrix-fed._tcp", ctx.t("rule.srv"), why);
        ctx.check("federation.srv", Status.SKIP, ctx.t("check.srv.skip", why), null, List.of(SRV_FED), List.of());
    }

    // ---- steps 3.3–3.5 and 4–6: SRV, then the default port ----

    private FederationTarget srv(String host, String parent, boolean delegated) {
        FederationMethod viaFed = delegated ? FederationMethod.WELL_KNOWN_SRV_MATRIX_FED
                : FederationMethod.SRV_MATRIX_FED;
        FederationMethod viaLegacy = delegated ? FederationMethod.WELL_KNOWN_SRV_MATRIX : FederationMethod.SRV_MATRIX;
        FederationMethod viaDefault = delegated ? FederationMethod.WELL_KNOWN_DEFAULT_PORT
                : FederationMethod.DEFAULT_PORT;
        String ruleFed = ctx.t(delegated ? "rule.step33.srv" : "rule.step4");
        String fedName = "_matrix-fed._tcp." + host;
        String legacyName = "_matrix._tcp." + host;
        Hop fedHop = ctx.start(SRV_FED, Lane.FEDERATION, HopKind.SRV, parent, fedName, ruleFed);
        // Both names are asked at once, so the legacy fallback costs no round trip of its own; its answer is used
        // only when _matrix-fed does not exist, which keeps the verdict in the spec's order.
        CompletableFuture<DnsAnswer> legacyAsked = ctx.async(() -> ctx.dnsQuery(legacyName, Type.SRV));
        DnsAnswer fed = ctx.dnsQuery(fedName, Type.SRV);
        progress.srvSeen(fed.srv());
        SrvDecision first = judgeSrv(fed, fedHop, host, viaFed, false);
        if (first != null) {
            if (first.target() != null) {
                ctx.notTaken(SRV_LEGACY, Lane.FEDERATION, HopKind.SRV, SRV_FED, "_matrix._tcp." + host,
                        ctx.t("rule.srv.legacy"), ctx.t("skip.srv.legacyNotNeeded"));
            }
            return first.target();
        }
        Hop legacyHop = ctx.start(SRV_LEGACY, Lane.FEDERATION, HopKind.SRV, SRV_FED, legacyName,
                ctx.t(delegated ? "rule.step34" : "rule.step5"));
        DnsAnswer legacy = legacyAsked.join();
        progress.srvSeen(legacy.srv());
        SrvDecision second = judgeSrv(legacy, legacyHop, host, viaLegacy, true);
        if (second != null) {
            return second.target();
        }
        ctx.check("federation.srv", Status.PASS, ctx.t("check.srv.none", host, DEFAULT_PORT), null,
                List.of(SRV_FED, SRV_LEGACY), evidenceOf(fed, legacy));
        return new FederationTarget(viaDefault, host, DEFAULT_PORT, host, host, host, SRV_LEGACY,
                ctx.t(delegated ? "rule.step35" : "rule.step6"), false, List.of());
    }

    /** What an SRV answer decided; a null target means the lookup failed. */
    private record SrvDecision(FederationTarget target) {
    }

    /** Null when the record does not exist (fall through); otherwise the decision (target null = failure). */
    private SrvDecision judgeSrv(DnsAnswer answer, Hop hop, String host, FederationMethod via, boolean legacy) {
        List<Evidence> evidence = new ArrayList<>(answer.exchanges());
        if (answer.failed()) {
            String why = DnsAnswer.TIMEOUT.equals(answer.rcode()) ? ctx.t("srv.timeout", answer.name())
                    : ctx.t("srv.failed", answer.name(), answer.rcode());
            ctx.finish(hop, Status.FAIL, why, evidence, answer.elapsed());
            ctx.check("federation.srv", Status.FAIL, why, ctx.t("fix.srv.failed"), List.of(hop.id()), evidence);
            return new SrvDecision(null);
        }
        if (answer.doesNotExist()) {
            ctx.finish(hop, Status.SKIP, ctx.t("srv.none", answer.name(), answer.rcode()), evidence,
                    answer.elapsed());
            return null;
        }
        List<SrvEntry> usable = answer.srv().stream().filter(s -> !".".equals(s.target())).toList();
        if (usable.isEmpty()) {
            String why = ctx.t("srv.dot", answer.name());
            ctx.finish(hop, Status.FAIL, why, evidence, answer.elapsed());
            ctx.check("federation.srv", Status.FAIL, why, ctx.t("fix.srv.dot"), List.of(hop.id()), evidence);
            return new SrvDecision(null);
        }
        List<SrvEntry> ordered = new ArrayList<>(usable);
        // RFC 2782: lowest priority first; within a priority the choice is weighted-random. Checked in the
        // order a client most likely picks (highest weight first), deterministically.
        ordered.sort(Comparator.comparingInt(SrvEntry::priority).thenComparing(SrvEntry::weight,
                Comparator.reverseOrder()));
        SrvEntry chosen = ordered.get(0);
        String detail = ctx.t("srv.found", answer.name(), chosen.target(), chosen.port(), ordered.size());
        ctx.finish(hop, legacy ? Status.WARN : Status.PASS, detail, evidence, answer.elapsed());
        String rule = ctx.t(legacy ? "rule.srv.target.legacy" : "rule.srv.target", host);
        return new SrvDecision(new FederationTarget(via, chosen.target(), chosen.port(), host, host, host, hop.id(),
                rule, true, ordered.subList(1, ordered.size())));
    }

    private static List<Evidence> evidenceOf(DnsAnswer... answers) {
        List<Evidence> evidence = new ArrayList<>();
        for (DnsAnswer a : answers) {
            evidence.addAll(a.exchanges());
        }
        return evidence;
    }
}
