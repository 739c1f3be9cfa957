package dev.signpost.core.discovery;

import dev.signpost.core.matrix.FederationVersion;
import dev.signpost.core.matrix.FederationVersionParser;
import dev.signpost.core.matrix.KeysVerdict;
import dev.signpost.core.matrix.ServerKeysVerifier;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.CertificateVerdict;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;
import dev.signpost.core.net.IpText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One address of the federation target, checked on its own as another homeserver would use it: TLS with the
 * target's certificate name, then the federation version and the server keys behind it, asked in parallel.
 */
final class AddressProbe {

    static final int VERSION_BODY_CAP = 64 * 1024;
    static final int KEYS_BODY_CAP = 512 * 1024;

    private static final String VERSION_PATH = "/_matrix/federation/v1/version";
    private static final String KEYS_PATH = "/_matrix/key/v2/server";

    private final RunContext ctx;
    private final ServerName name;
    private final Words words;

    AddressProbe(RunContext ctx, ServerName name, Words words) {
        this.ctx = ctx;
        this.name = name;
        this.words = words;
    }

    AddressOutcome check(AddressResolver.Way way, FederationTarget t, AddressResolver.Addresses found) {
        return check(way, t, found, FederationHops.TARGET);
    }

    /** @param targetHop the hop of the target this address belongs to (a later SRV target has its own) */
    AddressOutcome check(AddressResolver.Way way, FederationTarget t, AddressResolver.Addresses found,
                         String targetHop) {
        String ip = way.ip();
        String addrId = FederationHops.address(ip);
        String tlsId = FederationHops.tls(ip);
        String versionId = FederationHops.version(ip);
        String connectIp = IpText.format(way.connect().getAddress());
        String connectText = (connectIp.indexOf(':') >= 0 ? "[" + connectIp + "]" : connectIp) + ":"
                + way.connect().getPort();
        String addrDetail = way.connect().getPort() != t.port() || !connectIp.equals(ip)
                ? ctx.t("addr.overridden", connectText) : null;
        ctx.done(addrId, Lane.FEDERATION, HopKind.ADDRESS, targetHop, ip, Status.PASS,
                ctx.t(found.a() == null ? (found.overridden() ? "rule.addr.resolve" : "rule.addr.literal")
                        : way.ipv6() ? "rule.addr.aaaa" : "rule.addr.a"), addrDetail, List.of());
        Hop tlsHop = ctx.start(tlsId, Lane.FEDERATION, HopKind.TLS, addrId, t.tlsName(),
                ctx.t("rule.tls", t.sni() == null ? ctx.t("target.noSni") : t.sni(), t.tlsName()));
        Hop versionHop = ctx.start(versionId, Lane.FEDERATION, HopKind.FEDERATION_VERSION, tlsId, VERSION_PATH,
                ctx.t("rule.version", t.hostHeader()));
        Hop keysHop = ctx.start(FederationHops.keys(ip), Lane.FEDERATION, HopKind.SERVER_KEYS, tlsId, KEYS_PATH,
                ctx.t("rule.keys", t.hostHeader()));
        HttpTarget versionTarget = new HttpTarget(true, way.connect(), t.sni(), t.hostHeader(), VERSION_PATH);
        HttpTarget keysTarget = new HttpTarget(true, way.connect(), t.sni(), t.hostHeader(), KEYS_PATH);
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
            tlsEvidence.add(version.evidence(urlBase + VERSION_PATH));
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
        List<Evidence> versionEvidence = List.of(version.evidence(urlBase + VERSION_PATH));
        VersionOutcome v = version(version, versionHop, versionEvidence, connected);
        List<Evidence> keysEvidence = List.of(keys.evidence(urlBase + KEYS_PATH));
        KeysOutcome k = keys(keys, keysHop, keysEvidence, connected);
        String error = tlsProblem != null ? tlsProblem : v.problem() != null ? v.problem() : k.problem();
        ConnectionResult connection = new ConnectionResult(ip, t.port(), tlsProblem == null, error, v.version());
        HttpResponse attempt = withChain.responded() ? version : withChain;
        boolean nothingListens = verdict == null && !attempt.responded()
                && attempt.failedPhase() == HttpResponse.Phase.CONNECT
                && (attempt.failure() == HttpResponse.Failure.REFUSED
                || attempt.failure() == HttpResponse.Failure.TIMEOUT);
        return new AddressOutcome(connection, way.ipv6(), ip, verdict, tlsProblem, v.problem(), k.problem(),
                k.warnings(), k.serverName(), nothingListens);
    }

    private record VersionOutcome(String problem, ServerVersion version) {
    }

    private VersionOutcome version(HttpResponse version, Hop hop, List<Evidence> evidence, boolean connected) {
        String problem;
        if (!connected) {
            problem = ctx.t("notReached.tls");
            ctx.finish(hop, Status.SKIP, problem, evidence, version.elapsed());
        } else if (!version.responded()) {
            problem = words.failure(version, "GET " + VERSION_PATH);
            ctx.finish(hop, Status.FAIL, problem, evidence, version.elapsed());
        } else if (version.statusCode() != 200) {
            problem = ctx.t("version.status", version.statusLine());
            ctx.finish(hop, Status.FAIL, problem, evidence, version.elapsed());
        } else {
            FederationVersion parsed = FederationVersionParser.parse(version.body(), ctx.locale);
            if (parsed.error() == null) {
                Hop named = new Hop(hop.id(), Lane.FEDERATION, HopKind.FEDERATION_VERSION, hop.parentId(),
                        parsed.name() + " " + parsed.version(), Status.PASS, hop.rule(), true, null, evidence,
                        version.elapsed());
                ctx.finish(named, Status.PASS, null, evidence, version.elapsed());
                return new VersionOutcome(null, new ServerVersion(parsed.name(), parsed.version()));
            }
            problem = parsed.error();
            ctx.finish(hop, Status.FAIL, problem, evidence, version.elapsed());
        }
        return new VersionOutcome(problem, null);
    }

    private record KeysOutcome(String problem, List<String> warnings, String serverName) {
    }

    private KeysOutcome keys(HttpResponse keys, Hop hop, List<Evidence> evidence, boolean connected) {
        String problem;
        if (!connected) {
            problem = ctx.t("notReached.tls");
            ctx.finish(hop, Status.SKIP, problem, evidence, keys.elapsed());
        } else if (!keys.responded()) {
            problem = words.failure(keys, "GET " + KEYS_PATH);
            ctx.finish(hop, Status.FAIL, problem, evidence, keys.elapsed());
        } else if (keys.statusCode() != 200) {
            problem = ctx.t("keys.status", keys.statusLine());
            ctx.finish(hop, Status.FAIL, problem, evidence, keys.elapsed());
        } else if (keys.bodyTruncated()) {
            problem = ctx.t("keys.tooLarge", KEYS_BODY_CAP / 1024);
            ctx.finish(hop, Status.FAIL, problem, evidence, keys.elapsed());
        } else {
            KeysVerdict kv = ServerKeysVerifier.verify(keys.body(), name.authority(), Instant.now(), ctx.locale);
            if (!kv.ok()) {
                problem = String.join(" ", kv.failures());
                ctx.finish(hop, Status.FAIL, problem, evidence, keys.elapsed());
                return new KeysOutcome(problem, kv.warnings(), kv.serverName());
            }
            String ok = ctx.t("keys.ok", String.join(", ", kv.verifiedKeyIds()));
            ctx.finish(hop, kv.warnings().isEmpty() ? Status.PASS : Status.WARN,
                    kv.warnings().isEmpty() ? ok : ok + " " + String.join(" ", kv.warnings()), evidence,
                    keys.elapsed());
            return new KeysOutcome(null, kv.warnings(), kv.serverName());
        }
        return new KeysOutcome(problem, List.of(), null);
    }
}
