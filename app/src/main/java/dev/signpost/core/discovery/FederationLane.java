package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;

import java.util.ArrayList;
import java.util.List;

import static dev.signpost.core.discovery.FederationHops.ROOT;
import static dev.signpost.core.discovery.FederationHops.TARGET;

/**
 * The federation lane: the server name, then {@link ServerResolution} decides the target, then the target's
 * addresses are found and each is checked on its own by {@link AddressProbe}; {@link FederationVerdicts} sums
 * them up. Publishes hops as it goes; {@link #result()} gives what is known so far, so a run cut short by its
 * deadline still reports the hops it reached.
 */
final class FederationLane {

    private final RunContext ctx;
    private final ServerName name;
    private final AddressResolver resolver;
    private final FederationProgress progress = new FederationProgress();
    private final ServerWellKnownStep wellKnown;
    private final ServerResolution resolution;
    private final AddressProbe probe;
    private final FederationVerdicts verdicts;

    FederationLane(RunContext ctx, ServerName name) {
        this.ctx = ctx;
        this.name = name;
        this.resolver = new AddressResolver(ctx);
        Words words = new Words(ctx);
        this.wellKnown = new ServerWellKnownStep(ctx, name, progress, words);
        this.resolution = new ServerResolution(ctx, name, progress, wellKnown);
        this.probe = new AddressProbe(ctx, name, words);
        this.verdicts = new FederationVerdicts(ctx, name, words);
    }

    /** What is known so far, as the report's federation section. */
    FederationResult result() {
        return progress.result();
    }

    FederationResult run() {
        String rootRule = name.isInternationalised() ? ctx.t("rule.serverName.idn", name.host())
                : ctx.t("rule.serverName");
        ctx.done(ROOT, Lane.FEDERATION, HopKind.SERVER_NAME, null, name.original(), Status.PASS, rootRule, null,
                List.of());
        ctx.check("federation.server-name", Status.PASS, ctx.t("check.serverName.pass", name.original()), null,
                List.of(ROOT), name.isInternationalised()
                        ? List.of(new Evidence.Note(ctx.t("label.punycode"), name.host())) : List.of());
        FederationTarget decided = resolution.decide();
        if (decided == null) {
            verdicts.notReached("federation.srv", ctx.t("reason.resolution"));
            wellKnown.consistency().join();
            return result();
        }
        progress.decided(decided);
        checkPort(decided);
        checkAddresses(decided);
        progress.unresolvedWithoutAddress();
        wellKnown.consistency().join();
        propagation();
        cdn();
        return result();
    }

    /**
     * A CDN in front of the server name's web server is fine for the well-known, but it does not forward port
     * 8448: federation sent to the same name on another port than 443 ends at the CDN.
     */
    private void cdn() {
        Fetcher.Result seen = wellKnown.seen();
        if (seen == null || seen.last() == null) {
            return;
        }
        CdnDetection.of(seen.response(), seen.last().verdict()).ifPresent(cdn -> {
            FederationResult r = result();
            boolean sameName = r.host() != null && r.host().equalsIgnoreCase(name.host());
            boolean throughCdn = sameName && r.port() != null && r.port() != 443;
            String where = r.host() == null ? name.host() : r.host() + ":" + r.port();
            if (throughCdn) {
                ctx.check("federation.cdn", Status.WARN, ctx.t("check.cdn.port", name.host(), cdn.name(), cdn.sign(),
                        where), ctx.t("fix.cdn.port", name.host(), cdn.name()), List.of(FederationHops.WELL_KNOWN),
                        List.of());
            } else {
                ctx.check("federation.cdn", Status.PASS, ctx.t("check.cdn.elsewhere", name.host(), cdn.name(),
                        cdn.sign(), where), null, List.of(FederationHops.WELL_KNOWN), List.of());
            }
        });
    }

    /**
     * How long today's answer stays with remote servers, and for a failing destination why a fix is not seen at
     * once: Synapse caches the well-known (WellKnownCaching) and backs off from a destination that failed.
     */
    private void propagation() {
        if (!wellKnown.fetched()) {
            return;
        }
        WellKnownCaching.Period period = wellKnown.cache();
        String kept;
        if (period == null) {
            kept = ctx.t("cache.error", WellKnownCaching.words(WellKnownCaching.ERRORS));
        } else if (period.asked().isEmpty()) {
            kept = ctx.t("cache.default", WellKnownCaching.words(period.kept()));
        } else if (period.clamped()) {
            kept = ctx.t("cache.clamped", WellKnownCaching.words(period.asked().get()),
                    WellKnownCaching.words(period.kept()));
        } else {
            kept = ctx.t("cache.asked", WellKnownCaching.words(period.kept()));
        }
        boolean failing = java.util.stream.Stream.of("federation.tls", "federation.version", "federation.keys",
                "federation.dns", "federation.srv", "federation.well-known").map(ctx::checkOf)
                .anyMatch(c -> c != null && c.status() == Status.FAIL);
        if (failing) {
            ctx.check("federation.cache", Status.WARN, kept + " " + ctx.t("cache.backoff"),
                    ctx.t("fix.cache.backoff", name.original()), List.of(FederationHops.WELL_KNOWN), List.of());
        } else {
            ctx.check("federation.cache", Status.PASS, kept, null, List.of(FederationHops.WELL_KNOWN), List.of());
        }
    }

    private void checkPort(FederationTarget t) {
        if (t.port() == 443) {
            ctx.check("federation.port-443", Status.WARN, ctx.t("check.port443.summary"), ctx.t("fix.port443"),
                    List.of(TARGET), List.of());
        }
    }

    // ---- the target host: its addresses, then every address on its own ----

    private void checkAddresses(FederationTarget first) {
        FederationTarget t = first;
        StringBuilder detail = new StringBuilder(ctx.t("target.detail", t.hostHeader(), t.tlsName(),
                t.sni() == null ? ctx.t("target.noSni") : t.sni()));
        if (!t.otherTargets().isEmpty()) {
            detail.append(' ').append(ctx.t("target.others", t.otherTargets().stream()
                    .map(s -> s.target() + ":" + s.port()).toList()));
        }
        Hop targetHop = ctx.start(TARGET, Lane.FEDERATION, HopKind.TARGET_HOST, t.parentHop(), t.label(), t.rule());
        AddressResolver.Addresses found = resolver.resolve(t.connectHost(), t.port());
        List<Evidence> dnsEvidence = new ArrayList<>();
        // Like homeservers, move on to the next SRV target when one has no address at all.
        for (int next = 0; next < first.otherTargets().size() && found.ways().isEmpty() && !found.lookupFailed();
             next++) {
            SrvEntry entry = first.otherTargets().get(next);
            dnsEvidence.addAll(found.evidence());
            detail.append(' ').append(ctx.t("target.next", t.connectHost(), entry.target() + ":" + entry.port()));
            t = t.next(entry, first.otherTargets().subList(next + 1, first.otherTargets().size()));
            progress.movedTo(t);
            found = resolver.resolve(t.connectHost(), t.port());
        }
        if (t != first) {
            targetHop = new Hop(TARGET, Lane.FEDERATION, HopKind.TARGET_HOST, t.parentHop(), t.label(),
                    Status.RUNNING, t.rule(), true, null, List.of(), null);
        }
        progress.addresses(found.ways().stream().map(AddressResolver.Way::ip).toList());
        dnsEvidence.addAll(found.evidence());
        boolean cnameTarget = t.fromSrv() && !found.cnameChain().isEmpty();
        if (t.fromSrv()) {
            srvVerdict(t, found, dnsEvidence, cnameTarget);
        }
        if (found.ways().isEmpty()) {
            String why = found.lookupFailed()
                    ? ctx.t("dns.failed", t.connectHost(), found.a().rcode(), found.aaaa().rcode())
                    : ctx.t("dns.none", t.connectHost());
            ctx.finish(targetHop, Status.FAIL, detail + " " + why, dnsEvidence, null);
            ctx.check("federation.dns", Status.FAIL, why, ctx.t(found.lookupFailed() ? "fix.dnsFailed"
                    : "fix.dns.none", t.connectHost()), List.of(TARGET), dnsEvidence);
            verdicts.notReached("federation.dns", ctx.t("reason.noAddress", t.connectHost()));
            return;
        }
        String notChecked = found.capped() ? ctx.t("dns.capped", found.notCheckedV4(), found.notCheckedV6(),
                t.connectHost(), AddressResolver.MAX_PER_FAMILY) : null;
        ctx.finish(targetHop, Status.PASS, notChecked == null ? detail.toString() : detail + " " + notChecked,
                dnsEvidence, null);
        String addressList = String.join(", ", found.ways().stream().map(AddressResolver.Way::ip).toList());
        if (found.overridden() || found.a() == null) {
            ctx.check("federation.dns", Status.PASS, ctx.t(found.overridden() ? "check.dns.overridden"
                    : "check.dns.literal", t.connectHost(), addressList), null, List.of(TARGET), dnsEvidence);
        } else if (cnameTarget || notChecked != null) {
            String summary = ctx.t("check.dns.pass", t.connectHost(), addressList)
                    + (cnameTarget ? " " + ctx.t("dns.cnameNote", String.join(" → ", found.cnameChain())) : "")
                    + (notChecked != null ? " " + notChecked : "");
            String fix = cnameTarget ? ctx.t("fix.srv.cname") : null;
            if (notChecked != null) {
                String capFix = ctx.t("fix.dns.capped", t.connectHost());
                fix = fix == null ? capFix : fix + " " + capFix;
            }
            ctx.check("federation.dns", Status.WARN, summary, fix, List.of(TARGET), dnsEvidence);
        } else {
            ctx.check("federation.dns", Status.PASS, ctx.t("check.dns.pass", t.connectHost(), addressList), null,
                    List.of(TARGET), dnsEvidence);
        }
        List<AddressOutcome> outcomes = probeAll(t, found, TARGET);
        FederationTarget used = t;
        FederationTarget tried = t;
        // Like Synapse, a target where nothing accepts a connection is passed over for the next SRV target in
        // RFC 2782 order; each one tried gets its own hop, with its addresses under it.
        for (int index = 2; outcomes.stream().allMatch(AddressOutcome::nothingListens)
                && !tried.otherTargets().isEmpty(); index++) {
            List<SrvEntry> rest = tried.otherTargets();
            FederationTarget next = tried.next(rest.get(0), rest.subList(1, rest.size()));
            String hopId = TARGET + "." + index;
            Hop hop = ctx.start(hopId, Lane.FEDERATION, HopKind.TARGET_HOST, next.parentHop(), next.label(),
                    ctx.t("rule.srv.nextTarget", tried.label()));
            AddressResolver.Addresses nextFound = resolver.resolve(next.connectHost(), next.port());
            tried = next;
            if (nextFound.ways().isEmpty()) {
                ctx.finish(hop, Status.FAIL, ctx.t("dns.none", next.connectHost()), nextFound.evidence(), null);
                continue;
            }
            ctx.finish(hop, Status.PASS, ctx.t("target.detail", next.hostHeader(), next.tlsName(),
                    next.sni() == null ? ctx.t("target.noSni") : next.sni()), nextFound.evidence(), null);
            List<AddressOutcome> nextOutcomes = probeAll(next, nextFound, hopId);
            if (nextOutcomes.stream().anyMatch(o -> !o.nothingListens())) {
                ctx.check("federation.srv", Status.WARN, ctx.t("check.srv.movedOn", used.label(), next.label()),
                        ctx.t("fix.srv.deadTarget", used.label()), List.of(TARGET, hopId), nextFound.evidence());
                progress.movedTo(next);
                progress.addresses(nextFound.ways().stream().map(AddressResolver.Way::ip).toList());
                outcomes = nextOutcomes;
                used = next;
            }
        }
        verdicts.summarise(outcomes, used);
    }

    /** Every address of a target checked in parallel, each under {@code targetHop}. */
    private List<AddressOutcome> probeAll(FederationTarget t, AddressResolver.Addresses found, String targetHop) {
        List<AddressOutcome> outcomes = BoundedFanOut.map(ctx, found.ways(),
                way -> probe.check(way, t, found, targetHop));
        for (AddressOutcome o : outcomes) {
            progress.connection(o.connection());
        }
        return outcomes;
    }

    /** The SRV check, decided once the target's own lookup shows whether it is a CNAME. */
    private void srvVerdict(FederationTarget t, AddressResolver.Addresses found, List<Evidence> dnsEvidence,
                            boolean cnameTarget) {
        List<Evidence> srvEvidence = new ArrayList<>();
        for (Hop h : ctx.hopsSnapshot()) {
            if (h.id().startsWith("fed.srv.") && h.taken()) {
                srvEvidence.addAll(h.evidence());
            }
        }
        boolean legacy = t.method() == FederationMethod.SRV_MATRIX
                || t.method() == FederationMethod.WELL_KNOWN_SRV_MATRIX;
        if (cnameTarget) {
            srvEvidence.addAll(dnsEvidence);
            ctx.check("federation.srv", Status.WARN, ctx.t("check.srv.cname", t.connectHost(),
                    found.cnameChain().get(found.cnameChain().size() - 1)), ctx.t("fix.srv.cname"),
                    List.of(t.parentHop()), srvEvidence);
        } else if (legacy) {
            ctx.check("federation.srv", Status.WARN, ctx.t("check.srv.legacy", t.hostHeader(),
                    t.connectHost(), t.port()), ctx.t("fix.srv.legacy"), List.of(t.parentHop()), srvEvidence);
        } else {
            ctx.check("federation.srv", Status.PASS, ctx.t("check.srv.pass", t.hostHeader(), t.connectHost(),
                    t.port()), null, List.of(t.parentHop()), srvEvidence);
        }
    }
}
