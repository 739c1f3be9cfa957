package dev.signpost.core.discovery;

import dev.signpost.core.matrix.FederationVersion;
import dev.signpost.core.matrix.FederationVersionParser;
import dev.signpost.core.matrix.KeysVerdict;
import dev.signpost.core.matrix.ServerKeysVerifier;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.matrix.ServerWellKnown;
import dev.signpost.core.matrix.ServerWellKnownParser;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import dev.signpost.core.net.CertificateVerdict;
import dev.signpost.core.net.DnsAnswer;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;
import org.xbill.DNS.Type;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The federation lane: the spec's server-name resolution (steps 1–6, 3.1–3.5), then every address checked on its
 * own (TLS, version, keys). Publishes hops as it goes; {@link #result()} gives what is known so far, so a run cut
 * short by its deadline still reports the hops it reached.
 */
final class FederationLane {

    static final int DEFAULT_PORT = 8448;
    static final int VERSION_BODY_CAP = 64 * 1024;
    static final int KEYS_BODY_CAP = 512 * 1024;

    private static final String ROOT = "fed.server-name";
    private static final String WELL_KNOWN = "fed.well-known";
    private static final String M_SERVER = "fed.m-server";
    private static final String SRV_FED = "fed.srv.matrix-fed";
    private static final String SRV_LEGACY = "fed.srv.matrix";
    private static final String TARGET = "fed.target";

    /** Where the spec sends federation traffic, once decided. */
    private record Target(FederationMethod method, String connectHost, int port, String hostHeader, String tlsName,
                          String sni, String parentHop, String rule, boolean fromSrv, List<SrvEntry> otherTargets) {
    }

    /** What one address gave. */
    private record AddressOutcome(ConnectionResult connection, boolean ipv6, String ip, CertificateVerdict verdict,
                                  String tlsProblem, String versionProblem, String keysProblem,
                                  List<String> keysWarnings, String keysServerName) {
    }

    private final RunContext ctx;
    private final ServerName name;
    private final Fetcher fetcher;
    private final AddressResolver resolver;
    private final Words words;

    private volatile FederationMethod method;
    private volatile WellKnownResult wellKnown;
    private final List<SrvEntry> srvSeen = new ArrayList<>();
    private volatile Target target;
    private volatile List<String> addresses = List.of();
    private volatile CompletableFuture<Void> consistencyCheck = CompletableFuture.completedFuture(null);
    private final List<ConnectionResult> connections = new ArrayList<>();

    FederationLane(RunContext ctx, ServerName name) {
        this.ctx = ctx;
        this.name = name;
        this.fetcher = new Fetcher(ctx);
        this.resolver = new AddressResolver(ctx);
        this.words = new Words(ctx);
    }

    /** What is known so far, as the report's federation section. */
    synchronized FederationResult result() {
        Target t = target;
        return new FederationResult(method, wellKnown, srvSeen,
                t == null ? null : t.connectHost(), t == null ? null : t.port(),
                t == null ? null : t.hostHeader(), t == null ? null : t.tlsName(), addresses, connections);
    }

    FederationResult run() {
        String rootRule = name.isInternationalised() ? ctx.t("rule.serverName.idn", name.host())
                : ctx.t("rule.serverName");
        ctx.done(ROOT, Lane.FEDERATION, HopKind.SERVER_NAME, null, name.original(), Status.PASS, rootRule, null,
                List.of());
        ctx.check("federation.server-name", Status.PASS, ctx.t("check.serverName.pass", name.original()), null,
                List.of(ROOT), name.isInternationalised()
                        ? List.of(new Evidence.Note(ctx.t("label.punycode"), name.host())) : List.of());
        Target decided = decide();
        if (decided == null) {
            notReached("check.notReached.resolution");
            consistencyCheck.join();
            return result();
        }
        synchronized (this) {
            target = decided;
            method = decided.method();
        }
        checkPort(decided);
        checkAddresses(decided);
        synchronized (this) {
            if (addresses.isEmpty()) {
                // No address means resolution did not finish: the JSON contract reports the method as null,
                // while host and port stay to show where it looked.
                method = null;
            }
        }
        consistencyCheck.join();
        return result();
    }

    // ---- steps 1–6 ----

    private Target decide() {
        if (name.isIpLiteral()) {
            skipWellKnownAndSrv("skip.ipLiteral");
            int port = name.hasPort() ? name.port() : DEFAULT_PORT;
            return new Target(FederationMethod.IP_LITERAL, name.host(), port, name.authority(), name.host(), null,
                    ROOT, ctx.t(name.hasPort() ? "rule.step1.port" : "rule.step1", port), false, List.of());
        }
        if (name.hasPort()) {
            skipWellKnownAndSrv("skip.explicitPort");
            return new Target(FederationMethod.EXPLICIT_PORT, name.host(), name.port(), name.authority(),
                    name.host(), name.host(), ROOT, ctx.t("rule.step2", name.port()), false, List.of());
        }
        ServerWellKnown parsed = fetchWellKnown();
        if (parsed != null && parsed.usable()) {
            ServerName m = parsed.mServer();
            String rule = m.isIpLiteral() ? ctx.t("rule.step31") : m.hasPort() ? ctx.t("rule.step32")
                    : ctx.t("rule.step33");
            ctx.done(M_SERVER, Lane.FEDERATION, HopKind.DELEGATED_SERVER, WELL_KNOWN, m.original(), Status.PASS,
                    rule, null, List.of());
            if (m.isIpLiteral()) {
                skipSrv(M_SERVER, "skip.srv.wellKnownIp");
                int port = m.hasPort() ? m.port() : DEFAULT_PORT;
                return new Target(FederationMethod.WELL_KNOWN_IP_LITERAL, m.host(), port, m.authority(), m.host(),
                        null, M_SERVER, ctx.t("rule.step31.target", port), false, List.of());
            }
            if (m.hasPort()) {
                skipSrv(M_SERVER, "skip.srv.wellKnownPort");
                return new Target(FederationMethod.WELL_KNOWN_EXPLICIT_PORT, m.host(), m.port(), m.authority(),
                        m.host(), m.host(), M_SERVER, ctx.t("rule.step32.target", m.port()), false, List.of());
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

    // ---- step 3: the server well-known ----

    private ServerWellKnown fetchWellKnown() {
        URI url = URI.create("https://" + name.hostForUrl() + "/.well-known/matrix/server");
        Hop hop = ctx.start(WELL_KNOWN, Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, ROOT, url.toString(),
                ctx.t("rule.wellKnown"));
        // Asked of every address at the same time as the fetch itself, so it costs no round trip of its own.
        CompletableFuture<Void> consistency = ctx.async(() -> {
            compareAddresses();
            return null;
        });
        Fetcher.Result r = fetcher.fetch(url, ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        consistencyCheck = consistency;
        List<Evidence> evidence = new ArrayList<>(r.evidence());
        evidence.add(new Evidence.Note(ctx.t("label.cache"), ctx.t("note.cache")));
        Integer status = r.status();
        String fallback = ctx.t("wk.fallback", name.host());
        ServerWellKnown parsed = null;
        String error;
        Status checkStatus;
        String fix;
        if (!r.usable()) {
            error = fetchProblem(r, "/.well-known/matrix/server");
            boolean nothingThere = r.problem() == Fetcher.Problem.NETWORK && r.response() != null
                    && r.response().failure() == HttpResponse.Failure.REFUSED
                    || r.problem() == Fetcher.Problem.NO_ADDRESS;
            checkStatus = nothingThere ? Status.WARN : Status.FAIL;
            fix = fetchFix(r, ctx.t("fix.wk.serve"));
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
        synchronized (this) {
            wellKnown = new WellKnownResult(url.toString(), status, parsed == null ? null : parsed.rawMServer(),
                    error);
        }
        String hopDetail = error == null ? null : error + " " + fallback;
        Status hopStatus = error == null ? Status.PASS : checkStatus == Status.PASS ? Status.SKIP : checkStatus;
        ctx.finish(hop, hopStatus, hopDetail, evidence, r.steps().isEmpty() ? null
                : r.steps().stream().map(s -> s.response().elapsed()).reduce(java.time.Duration.ZERO,
                java.time.Duration::plus));
        String summary = error == null ? ctx.t("check.wellKnown.pass", parsed.rawMServer())
                : status != null && status == 404 ? ctx.t("check.wellKnown.none", name.host())
                : ctx.t("check.wellKnown.fail", error, name.host());
        if (fix != null && checkStatus == Status.FAIL) {
            fix = fix + " " + ctx.t("fix.wk.cache");
        }
        ctx.check("federation.well-known", checkStatus, summary, fix, List.of(WELL_KNOWN), evidence);
        return parsed;
    }

    /**
     * Split brain: every address of the server name should give the same well-known. A missing IPv6 virtual host
     * is the usual cause of one address answering 404 while the other delegates.
     */
    private void compareAddresses() {
        AddressResolver.Addresses found = resolver.resolve(name.host(), 443);
        if (found.ways().size() < 2) {
            return;
        }
        List<CompletableFuture<HttpResponse>> answers = new ArrayList<>();
        for (AddressResolver.Way way : found.ways()) {
            HttpTarget target = new HttpTarget(true, way.connect(), name.host(), name.host(),
                    "/.well-known/matrix/server");
            answers.add(ctx.async(() -> ctx.http.get(target, ServerWellKnownParser.MAX_WELL_KNOWN_BYTES, ctx.cancel,
                    ctx.deadline)));
        }
        List<String> seen = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse response = answers.get(i).join();
            evidence.add(response.evidence("https://" + name.hostForUrl() + "/.well-known/matrix/server"));
            String answer = !response.responded() ? response.failure().name()
                    : response.statusCode() + " " + (Fetcher.isRedirect(response.statusCode())
                    ? response.header("Location").orElse("") : response.bodyText().strip());
            seen.add(found.ways().get(i).ip() + " → " + (answer.length() > 80 ? answer.substring(0, 80) + "…" : answer));
        }
        boolean same = seen.stream().map(x -> x.substring(x.indexOf(" → "))).distinct().count() == 1;
        if (same) {
            ctx.check("federation.well-known-consistency", Status.PASS, ctx.t("check.wkConsistency.pass",
                    found.ways().size()), null, List.of(WELL_KNOWN), evidence);
        } else {
            ctx.check("federation.well-known-consistency", Status.FAIL, ctx.t("check.wkConsistency.fail",
                    String.join("; ", seen)), ctx.t("fix.wkConsistency"), List.of(WELL_KNOWN), evidence);
        }
    }

    /** The pitfall of a well-known served only over plain http: servers never look there. */
    private void probePlainHttp(List<Evidence> evidence) {
        URI url = URI.create("http://" + name.hostForUrl() + "/.well-known/matrix/server");
        Fetcher.Result r = fetcher.fetch(url, ServerWellKnownParser.MAX_WELL_KNOWN_BYTES);
        Integer status = r.status();
        if (status != null && status == 200) {
            evidence.addAll(r.evidence());
            ctx.check("federation.well-known-http", Status.FAIL, ctx.t("check.wellKnownHttp.fail"),
                    ctx.t("fix.wellKnownHttp"), List.of(WELL_KNOWN), r.evidence());
        }
    }

    String fetchProblem(Fetcher.Result r, String what) {
        String host = r.detail();
        return switch (r.problem()) {
            case NONE -> null;
            case DNS_FAILED -> ctx.t("fetch.dnsFailed", host);
            case NO_ADDRESS -> ctx.t("fetch.noAddress", host);
            case NETWORK -> words.failure(r.response(), what);
            case CERTIFICATE -> ctx.t("fetch.certificate", host, words.certificateProblem(r.last().verdict()));
            case REDIRECT_LOOP -> ctx.t("fetch.loop", r.detail());
            case TOO_MANY_REDIRECTS -> ctx.t("fetch.tooMany", Fetcher.MAX_REDIRECTS);
            case INSECURE_REDIRECT -> ctx.t("fetch.insecure", r.detail());
            case BAD_REDIRECT -> ctx.t("fetch.badRedirect", r.detail());
        };
    }

    String fetchFix(Fetcher.Result r, String general) {
        return switch (r.problem()) {
            case CERTIFICATE -> words.certificateFix(r.last().verdict());
            case REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_REDIRECT -> ctx.t("fix.redirect");
            case INSECURE_REDIRECT -> ctx.t("fix.insecureRedirect");
            case DNS_FAILED -> ctx.t("fix.dnsFailed");
            default -> general;
        };
    }

    // ---- steps 3.3–3.5 and 4–6: SRV, then the default port ----

    private Target srv(String host, String parent, boolean delegated) {
        FederationMethod viaFed = delegated ? FederationMethod.WELL_KNOWN_SRV_MATRIX_FED
                : FederationMethod.SRV_MATRIX_FED;
        FederationMethod viaLegacy = delegated ? FederationMethod.WELL_KNOWN_SRV_MATRIX : FederationMethod.SRV_MATRIX;
        FederationMethod viaDefault = delegated ? FederationMethod.WELL_KNOWN_DEFAULT_PORT
                : FederationMethod.DEFAULT_PORT;
        String ruleFed = ctx.t(delegated ? "rule.step33.srv" : "rule.step4");
        String fedName = "_matrix-fed._tcp." + host;
        Hop fedHop = ctx.start(SRV_FED, Lane.FEDERATION, HopKind.SRV, parent, fedName, ruleFed);
        DnsAnswer fed = ctx.dns.query(fedName, Type.SRV, ctx.cancel, ctx.deadline);
        record(fed);
        SrvDecision first = judgeSrv(fed, fedHop, host, viaFed, false);
        if (first != null) {
            if (first.target != null) {
                ctx.notTaken(SRV_LEGACY, Lane.FEDERATION, HopKind.SRV, SRV_FED, "_matrix._tcp." + host,
                        ctx.t("rule.srv.legacy"), ctx.t("skip.srv.legacyNotNeeded"));
            }
            return first.target;
        }
        String legacyName = "_matrix._tcp." + host;
        Hop legacyHop = ctx.start(SRV_LEGACY, Lane.FEDERATION, HopKind.SRV, SRV_FED, legacyName,
                ctx.t(delegated ? "rule.step34" : "rule.step5"));
        DnsAnswer legacy = ctx.dns.query(legacyName, Type.SRV, ctx.cancel, ctx.deadline);
        record(legacy);
        SrvDecision second = judgeSrv(legacy, legacyHop, host, viaLegacy, true);
        if (second != null) {
            return second.target;
        }
        ctx.check("federation.srv", Status.PASS, ctx.t("check.srv.none", host, DEFAULT_PORT), null,
                List.of(SRV_FED, SRV_LEGACY), evidenceOf(fed, legacy));
        return new Target(viaDefault, host, DEFAULT_PORT, host, host, host, SRV_LEGACY,
                ctx.t(delegated ? "rule.step35" : "rule.step6"), false, List.of());
    }

    private synchronized void record(DnsAnswer answer) {
        srvSeen.addAll(answer.srv());
    }

    private record SrvDecision(Target target) {
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
        return new SrvDecision(new Target(via, chosen.target(), chosen.port(), host, host, host, hop.id(), rule,
                true, ordered.subList(1, ordered.size())));
    }

    private static List<Evidence> evidenceOf(DnsAnswer... answers) {
        List<Evidence> evidence = new ArrayList<>();
        for (DnsAnswer a : answers) {
            evidence.addAll(a.exchanges());
        }
        return evidence;
    }

    // ---- pitfalls ----

    private void checkPort(Target t) {
        if (t.port() == 443) {
            ctx.check("federation.port-443", Status.WARN, ctx.t("check.port443.summary"), ctx.t("fix.port443"),
                    List.of(TARGET), List.of());
        }
    }

    // ---- every address: TCP, TLS, version, keys ----

    private void checkAddresses(Target first) {
        Target t = first;
        String label = label(t);
        StringBuilder detail = new StringBuilder(ctx.t("target.detail", t.hostHeader(), t.tlsName(),
                t.sni() == null ? ctx.t("target.noSni") : t.sni()));
        if (!t.otherTargets().isEmpty()) {
            detail.append(' ').append(ctx.t("target.others", t.otherTargets().stream()
                    .map(s -> s.target() + ":" + s.port()).toList()));
        }
        Hop targetHop = ctx.start(TARGET, Lane.FEDERATION, HopKind.TARGET_HOST, t.parentHop(), label, t.rule());
        AddressResolver.Addresses found = resolver.resolve(t.connectHost(), t.port());
        List<Evidence> dnsEvidence = new ArrayList<>();
        // Like homeservers, move on to the next SRV target when one has no address at all.
        for (int next = 0; next < first.otherTargets().size() && found.ways().isEmpty() && !found.lookupFailed();
             next++) {
            SrvEntry entry = first.otherTargets().get(next);
            dnsEvidence.addAll(found.evidence());
            detail.append(' ').append(ctx.t("target.next", t.connectHost(), entry.target() + ":" + entry.port()));
            t = new Target(t.method(), entry.target(), entry.port(), t.hostHeader(), t.tlsName(), t.sni(),
                    t.parentHop(), t.rule(), true, first.otherTargets().subList(next + 1,
                    first.otherTargets().size()));
            synchronized (this) {
                target = t;
            }
            found = resolver.resolve(t.connectHost(), t.port());
        }
        if (t != first) {
            targetHop = new Hop(TARGET, Lane.FEDERATION, HopKind.TARGET_HOST, t.parentHop(), label(t),
                    Status.RUNNING, t.rule(), true, null, List.of(), null);
        }
        synchronized (this) {
            addresses = found.ways().stream().map(AddressResolver.Way::ip).toList();
        }
        dnsEvidence.addAll(found.evidence());
        boolean cnameTarget = t.fromSrv() && !found.cnameChain().isEmpty();
        if (t.fromSrv()) {
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
        if (found.ways().isEmpty()) {
            String why = found.lookupFailed()
                    ? ctx.t("dns.failed", t.connectHost(), found.a().rcode(), found.aaaa().rcode())
                    : ctx.t("dns.none", t.connectHost());
            ctx.finish(targetHop, Status.FAIL, detail + " " + why, dnsEvidence, null);
            ctx.check("federation.dns", Status.FAIL, why, ctx.t(found.lookupFailed() ? "fix.dnsFailed"
                    : "fix.dns.none", t.connectHost()), List.of(TARGET), dnsEvidence);
            notReached("check.notReached.noAddress");
            return;
        }
        ctx.finish(targetHop, Status.PASS, detail.toString(), dnsEvidence, null);
        String addressList = String.join(", ", addresses);
        if (found.overridden() || found.a() == null) {
            ctx.check("federation.dns", Status.PASS, ctx.t(found.overridden() ? "check.dns.overridden"
                    : "check.dns.literal", t.connectHost(), addressList), null, List.of(TARGET), dnsEvidence);
        } else if (cnameTarget) {
            ctx.check("federation.dns", Status.WARN, ctx.t("check.dns.pass", t.connectHost(), addressList) + " "
                    + ctx.t("dns.cnameNote", String.join(" → ", found.cnameChain())), ctx.t("fix.srv.cname"),
                    List.of(TARGET), dnsEvidence);
        } else {
            ctx.check("federation.dns", Status.PASS, ctx.t("check.dns.pass", t.connectHost(), addressList), null,
                    List.of(TARGET), dnsEvidence);
        }
        List<CompletableFuture<AddressOutcome>> futures = new ArrayList<>();
        Target decided = t;
        AddressResolver.Addresses ways = found;
        for (AddressResolver.Way way : ways.ways()) {
            futures.add(ctx.async(() -> checkAddress(way, decided, ways)));
        }
        List<AddressOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<AddressOutcome> f : futures) {
            AddressOutcome o = f.join();
            outcomes.add(o);
            synchronized (this) {
                connections.add(o.connection());
            }
        }
        summarise(outcomes, t);
    }

    private static String label(Target t) {
        return t.connectHost().indexOf(':') >= 0 ? "[" + t.connectHost() + "]:" + t.port()
                : t.connectHost() + ":" + t.port();
    }

    private AddressOutcome checkAddress(AddressResolver.Way way, Target t, AddressResolver.Addresses found) {
        String ip = way.ip();
        String addrId = "fed.addr." + ip;
        String tlsId = "fed.tls." + ip;
        String versionId = "fed.version." + ip;
        String keysId = "fed.keys." + ip;
        String connectIp = dev.signpost.core.net.IpText.format(way.connect().getAddress());
        String connectText = (connectIp.indexOf(':') >= 0 ? "[" + connectIp + "]" : connectIp) + ":"
                + way.connect().getPort();
        String addrDetail = way.connect().getPort() != t.port() || !connectIp.equals(ip)
                ? ctx.t("addr.overridden", connectText) : null;
        ctx.done(addrId, Lane.FEDERATION, HopKind.ADDRESS, TARGET, ip, Status.PASS,
                ctx.t(found.a() == null ? (found.overridden() ? "rule.addr.resolve" : "rule.addr.literal")
                        : way.ipv6() ? "rule.addr.aaaa" : "rule.addr.a"), addrDetail, List.of());
        Hop tlsHop = ctx.start(tlsId, Lane.FEDERATION, HopKind.TLS, addrId, t.tlsName(),
                ctx.t("rule.tls", t.sni() == null ? ctx.t("target.noSni") : t.sni(), t.tlsName()));
        Hop versionHop = ctx.start(versionId, Lane.FEDERATION, HopKind.FEDERATION_VERSION, tlsId,
                "/_matrix/federation/v1/version", ctx.t("rule.version", t.hostHeader()));
        Hop keysHop = ctx.start(keysId, Lane.FEDERATION, HopKind.SERVER_KEYS, tlsId, "/_matrix/key/v2/server",
                ctx.t("rule.keys", t.hostHeader()));
        HttpTarget versionTarget = new HttpTarget(true, way.connect(), t.sni(), t.hostHeader(),
                "/_matrix/federation/v1/version");
        HttpTarget keysTarget = new HttpTarget(true, way.connect(), t.sni(), t.hostHeader(), "/_matrix/key/v2/server");
        ctx.federationTarget.complete(versionTarget);
        CompletableFuture<HttpResponse> keysFuture = ctx.async(() ->
                ctx.http.get(keysTarget, KEYS_BODY_CAP, ctx.cancel, ctx.deadline));
        HttpResponse version = ctx.http.get(versionTarget, VERSION_BODY_CAP, ctx.cancel, ctx.deadline);
        HttpResponse keys = keysFuture.join();
        String urlBase = "https://" + t.hostHeader();

        // TLS: judged from whichever exchange got through the handshake.
        HttpResponse withChain = !version.peerChain().isEmpty() ? version : keys;
        CertificateVerdict verdict = null;
        String tlsProblem;
        Status tlsStatus;
        List<Evidence> tlsEvidence = new ArrayList<>();
        if (withChain.peerChain().isEmpty()) {
            tlsProblem = words.failure(withChain.responded() ? version : withChain, ctx.t("what.tls"));
            tlsStatus = Status.FAIL;
            tlsEvidence.add(version.evidence(urlBase + versionTarget.path()));
        } else {
            verdict = ctx.certificates.validate(withChain.peerChain(), t.tlsName(), Instant.now(),
                    withChain.tlsVersion(), withChain.cipherSuite());
            tlsEvidence.add(verdict.evidence());
            tlsProblem = words.certificateProblem(verdict);
            tlsStatus = tlsProblem != null ? Status.FAIL : verdict.expiresSoon() ? Status.WARN : Status.PASS;
        }
        String tlsDetail = tlsProblem != null ? tlsProblem : verdict.expiresSoon() ? words.expiresSoon(verdict)
                : ctx.t("tls.ok", verdict.evidence().chain().get(0).issuer(), verdict.evidence().tlsVersion());
        ctx.finish(tlsHop, tlsStatus, tlsDetail, tlsEvidence, withChain.elapsed());

        // Another server stops at a certificate it does not accept, so what the homeserver would answer behind it
        // is not reachable federation: judged like no connection, with the answers kept as evidence.
        boolean connected = !withChain.peerChain().isEmpty() && tlsProblem == null;
        // Version.
        String versionProblem = null;
        ServerVersion serverVersion = null;
        List<Evidence> versionEvidence = List.of(version.evidence(urlBase + versionTarget.path()));
        if (!connected) {
            versionProblem = ctx.t("notReached.tls");
            ctx.finish(versionHop, Status.SKIP, versionProblem, versionEvidence, version.elapsed());
        } else if (!version.responded()) {
            versionProblem = words.failure(version, "GET /_matrix/federation/v1/version");
            ctx.finish(versionHop, Status.FAIL, versionProblem, versionEvidence, version.elapsed());
        } else if (version.statusCode() != 200) {
            versionProblem = ctx.t("version.status", version.statusLine());
            ctx.finish(versionHop, Status.FAIL, versionProblem, versionEvidence, version.elapsed());
        } else {
            FederationVersion parsed = FederationVersionParser.parse(version.body(), ctx.locale);
            if (parsed.error() != null) {
                versionProblem = parsed.error();
                ctx.finish(versionHop, Status.FAIL, versionProblem, versionEvidence, version.elapsed());
            } else {
                serverVersion = new ServerVersion(parsed.name(), parsed.version());
                Hop named = new Hop(versionId, Lane.FEDERATION, HopKind.FEDERATION_VERSION, tlsId,
                        parsed.name() + " " + parsed.version(), Status.PASS, versionHop.rule(), true, null,
                        versionEvidence, version.elapsed());
                ctx.finish(named, Status.PASS, null, versionEvidence, version.elapsed());
            }
        }

        // Keys.
        String keysProblem = null;
        List<String> keysWarnings = List.of();
        String keysServerName = null;
        List<Evidence> keysEvidence = List.of(keys.evidence(urlBase + keysTarget.path()));
        if (!connected) {
            keysProblem = ctx.t("notReached.tls");
            ctx.finish(keysHop, Status.SKIP, keysProblem, keysEvidence, keys.elapsed());
        } else if (!keys.responded()) {
            keysProblem = words.failure(keys, "GET /_matrix/key/v2/server");
            ctx.finish(keysHop, Status.FAIL, keysProblem, keysEvidence, keys.elapsed());
        } else if (keys.statusCode() != 200) {
            keysProblem = ctx.t("keys.status", keys.statusLine());
            ctx.finish(keysHop, Status.FAIL, keysProblem, keysEvidence, keys.elapsed());
        } else if (keys.bodyTruncated()) {
            keysProblem = ctx.t("keys.tooLarge", KEYS_BODY_CAP / 1024);
            ctx.finish(keysHop, Status.FAIL, keysProblem, keysEvidence, keys.elapsed());
        } else {
            KeysVerdict kv = ServerKeysVerifier.verify(keys.body(), name.authority(), Instant.now(), ctx.locale);
            keysServerName = kv.serverName();
            keysWarnings = kv.warnings();
            if (!kv.ok()) {
                keysProblem = String.join(" ", kv.failures());
                ctx.finish(keysHop, Status.FAIL, keysProblem, keysEvidence, keys.elapsed());
            } else {
                String ok = ctx.t("keys.ok", String.join(", ", kv.verifiedKeyIds()));
                ctx.finish(keysHop, kv.warnings().isEmpty() ? Status.PASS : Status.WARN,
                        kv.warnings().isEmpty() ? ok : ok + " " + String.join(" ", kv.warnings()),
                        keysEvidence, keys.elapsed());
            }
        }
        String error = tlsProblem != null ? tlsProblem : versionProblem != null ? versionProblem : keysProblem;
        ConnectionResult connection = new ConnectionResult(ip, t.port(), tlsProblem == null, error, serverVersion);
        return new AddressOutcome(connection, way.ipv6(), ip, verdict, tlsProblem, versionProblem, keysProblem,
                keysWarnings, keysServerName);
    }

    private void summarise(List<AddressOutcome> outcomes, Target t) {
        List<String> tlsIds = outcomes.stream().map(o -> "fed.tls." + o.ip()).toList();
        List<String> versionIds = outcomes.stream().map(o -> "fed.version." + o.ip()).toList();
        List<String> keysIds = outcomes.stream().map(o -> "fed.keys." + o.ip()).toList();
        int n = outcomes.size();

        // federation.tls
        List<AddressOutcome> tlsFailed = outcomes.stream().filter(o -> o.tlsProblem() != null).toList();
        List<Evidence> tlsEvidence = outcomes.stream().filter(o -> o.verdict() != null)
                .map(o -> (Evidence) o.verdict().evidence()).limit(1).toList();
        if (!tlsFailed.isEmpty()) {
            AddressOutcome first = tlsFailed.get(0);
            String fix = first.verdict() != null ? words.certificateFix(first.verdict())
                    : ctx.t("fix.connect", t.port());
            ctx.check("federation.tls", Status.FAIL, ctx.t("check.tls.fail", tlsFailed.size(), n, first.ip(),
                    first.tlsProblem()), fix, tlsIds, tlsEvidence);
        } else {
            AddressOutcome soon = outcomes.stream().filter(o -> o.verdict().expiresSoon()).findFirst().orElse(null);
            if (soon != null) {
                ctx.check("federation.tls", Status.WARN, words.expiresSoon(soon.verdict()), ctx.t("fix.cert.renew"),
                        tlsIds, tlsEvidence);
            } else {
                ctx.check("federation.tls", Status.PASS, ctx.t("check.tls.pass", t.tlsName(), n), null, tlsIds,
                        tlsEvidence);
            }
        }

        // federation.version
        List<AddressOutcome> versionFailed = outcomes.stream().filter(o -> o.versionProblem() != null).toList();
        if (!versionFailed.isEmpty()) {
            AddressOutcome first = versionFailed.get(0);
            ctx.check("federation.version", Status.FAIL, ctx.t("check.version.fail", versionFailed.size(), n,
                    first.ip(), first.versionProblem()), ctx.t("fix.version", t.port()), versionIds, List.of());
        } else {
            ServerVersion v = outcomes.get(0).connection().version();
            ctx.check("federation.version", Status.PASS, ctx.t("check.version.pass", v.name(), v.version(), n),
                    null, versionIds, List.of());
        }

        // federation.keys
        List<AddressOutcome> keysFailed = outcomes.stream().filter(o -> o.keysProblem() != null).toList();
        if (!keysFailed.isEmpty()) {
            AddressOutcome first = keysFailed.get(0);
            String fix = first.keysServerName() != null && !first.keysServerName().equalsIgnoreCase(name.authority())
                    ? ctx.t("fix.keys.serverName", first.keysServerName(), name.authority())
                    : ctx.t("fix.keys");
            ctx.check("federation.keys", Status.FAIL, ctx.t("check.keys.fail", keysFailed.size(), n, first.ip(),
                    first.keysProblem()), fix, keysIds, List.of());
        } else {
            List<String> warnings = outcomes.stream().flatMap(o -> o.keysWarnings().stream()).distinct().toList();
            ctx.check("federation.keys", warnings.isEmpty() ? Status.PASS : Status.WARN,
                    warnings.isEmpty() ? ctx.t("check.keys.pass", name.authority(), n) : String.join(" ", warnings),
                    warnings.isEmpty() ? null : ctx.t("fix.keys"), keysIds, List.of());
        }

        // federation.ipv6: IPv6 broken while IPv4 works is a classic.
        List<AddressOutcome> v6 = outcomes.stream().filter(AddressOutcome::ipv6).toList();
        List<AddressOutcome> v4 = outcomes.stream().filter(o -> !o.ipv6()).toList();
        List<String> v6Ids = v6.stream().map(o -> "fed.addr." + o.ip()).toList();
        if (v6.isEmpty()) {
            ctx.check("federation.ipv6", Status.SKIP, ctx.t("check.ipv6.none", t.connectHost()), null, List.of(),
                    List.of());
        } else {
            boolean v6ok = v6.stream().allMatch(o -> o.connection().error() == null);
            boolean v4ok = !v4.isEmpty() && v4.stream().allMatch(o -> o.connection().error() == null);
            if (v6ok) {
                ctx.check("federation.ipv6", Status.PASS, ctx.t("check.ipv6.pass", v6.size()), null, v6Ids,
                        List.of());
            } else {
                AddressOutcome bad = v6.stream().filter(o -> o.connection().error() != null).findFirst().get();
                ctx.check("federation.ipv6", Status.FAIL, ctx.t(v4ok ? "check.ipv6.brokenV4ok" : "check.ipv6.fail",
                        bad.ip(), bad.connection().error()), ctx.t("fix.ipv6", t.connectHost()), v6Ids, List.of());
            }
        }
    }

    private void notReached(String whyKey) {
        String why = ctx.t(whyKey);
        for (String id : List.of("federation.tls", "federation.version", "federation.keys")) {
            if (!ctx.hasCheck(id)) {
                ctx.check(id, Status.SKIP, why, null, List.of(), List.of());
            }
        }
        if (!ctx.hasCheck("federation.dns") && whyKey.endsWith("resolution")) {
            ctx.check("federation.dns", Status.SKIP, why, null, List.of(), List.of());
        }
    }
}
