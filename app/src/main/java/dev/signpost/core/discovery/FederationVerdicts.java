package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.CertificateVerdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The federation checks that sum up every address (TLS, version, keys, IPv6), and the stand-ins for the checks a
 * failed resolution never reached.
 */
final class FederationVerdicts {

    private final RunContext ctx;
    private final ServerName name;
    private final Words words;

    FederationVerdicts(RunContext ctx, ServerName name, Words words) {
        this.ctx = ctx;
        this.name = name;
        this.words = words;
    }

    void summarise(List<AddressOutcome> outcomes, FederationTarget t) {
        tls(outcomes, t);
        version(outcomes, t);
        keys(outcomes, t);
        ipv6(outcomes, t);
    }

    private void tls(List<AddressOutcome> outcomes, FederationTarget t) {
        List<String> ids = outcomes.stream().map(o -> FederationHops.tls(o.ip())).toList();
        int n = outcomes.size();
        List<AddressOutcome> failed = outcomes.stream().filter(o -> o.tlsProblem() != null).toList();
        List<Evidence> evidence = outcomes.stream().filter(o -> o.verdict() != null)
                .map(o -> (Evidence) o.verdict().evidence()).limit(1).toList();
        if (!failed.isEmpty()) {
            AddressOutcome first = failed.get(0);
            String intended = failed.size() == n ? intendedHomeserver(first, t) : null;
            if (intended != null) {
                ctx.check("federation.tls", Status.FAIL, ctx.t("check.tls.notDelegated", t.label(), intended,
                        name.host()), ctx.t("fix.delegate", name.host(), intended, t.port()), ids, evidence);
                return;
            }
            String fix = first.verdict() != null ? words.certificateFix(first.verdict())
                    : mServerWithoutPort(failed, n, t) ? ctx.t("fix.mServerNoPort", name.hostForUrl(),
                    t.connectHost(), t.port()) : ctx.t("fix.connect", t.port(), t.connectHost());
            ctx.check("federation.tls", Status.FAIL, ctx.t("check.tls.fail", failed.size(), n, first.ip(),
                    first.tlsProblem()), fix, ids, evidence);
            return;
        }
        AddressOutcome soon = outcomes.stream().filter(o -> o.verdict().expiresSoon()).findFirst().orElse(null);
        if (soon != null) {
            ctx.check("federation.tls", Status.WARN, words.expiresSoon(soon.verdict()), ctx.t("fix.cert.renew"),
                    ids, evidence);
        } else {
            ctx.check("federation.tls", Status.PASS, ctx.t("check.tls.pass", t.tlsName(), n), null, ids, evidence);
        }
    }

    /**
     * No delegation yet: the server name is checked on its own port 8448 (no well-known, no SRV), and the
     * certificate found there is a good one for a host under the server name, such as the homeserver's own
     * host. That host is where the user meant to send federation. Null for any other shape.
     */
    private String intendedHomeserver(AddressOutcome first, FederationTarget t) {
        CertificateVerdict v = first.verdict();
        if (t.method() != FederationMethod.DEFAULT_PORT || v == null || v.nameMatches()
                || v.trust() != CertificateVerdict.Trust.TRUSTED
                || v.validity() != CertificateVerdict.Validity.VALID) {
            return null;
        }
        String suffix = "." + name.host().toLowerCase(Locale.ROOT);
        return v.presentedNames().stream().map(n -> n.toLowerCase(Locale.ROOT))
                .map(n -> n.startsWith("dns:") ? n.substring(4) : n)
                .filter(n -> n.endsWith(suffix) && !n.startsWith("*")).findFirst().orElse(null);
    }

    /** The well-known named a host without a port and no SRV exists, so 8448 was used, and nothing listens. */
    private static boolean mServerWithoutPort(List<AddressOutcome> failed, int n, FederationTarget t) {
        return t.method() == FederationMethod.WELL_KNOWN_DEFAULT_PORT && failed.size() == n
                && failed.stream().allMatch(AddressOutcome::nothingListens);
    }

    private void version(List<AddressOutcome> outcomes, FederationTarget t) {
        List<String> ids = outcomes.stream().map(o -> FederationHops.version(o.ip())).toList();
        List<AddressOutcome> reached = outcomes.stream().filter(o -> o.tlsProblem() == null).toList();
        if (reached.isEmpty()) {
            ctx.notReached("federation.version", ctx.t("check.version.notReached", t.label(),
                    tlsFailedOn(outcomes)), ids, "federation.tls");
            return;
        }
        int n = reached.size();
        List<AddressOutcome> failed = reached.stream().filter(o -> o.versionProblem() != null).toList();
        if (!failed.isEmpty()) {
            AddressOutcome first = failed.get(0);
            ctx.check("federation.version", Status.FAIL, ctx.t("check.version.fail", failed.size(), n,
                    first.ip(), first.versionProblem()), ctx.t("fix.version", t.port()), ids, List.of());
        } else {
            ServerVersion v = reached.get(0).connection().version();
            ctx.check("federation.version", Status.PASS, ctx.t("check.version.pass", v.name(), v.version(), n),
                    null, ids, List.of());
        }
    }

    /** "TLS to 192.0.2.1, 2001:db8::1 failed", naming the addresses a connection never got through to. */
    private String tlsFailedOn(List<AddressOutcome> outcomes) {
        return ctx.t("reason.tlsFailed", String.join(", ", outcomes.stream().map(AddressOutcome::ip).toList()));
    }

    private void keys(List<AddressOutcome> outcomes, FederationTarget t) {
        List<String> ids = outcomes.stream().map(o -> FederationHops.keys(o.ip())).toList();
        List<AddressOutcome> reached = outcomes.stream().filter(o -> o.tlsProblem() == null).toList();
        if (reached.isEmpty()) {
            ctx.notReached("federation.keys", ctx.t("check.keys.notReached", t.label(), tlsFailedOn(outcomes)),
                    ids, "federation.tls");
            return;
        }
        int n = reached.size();
        List<AddressOutcome> failed = reached.stream().filter(o -> o.keysProblem() != null).toList();
        if (!failed.isEmpty()) {
            AddressOutcome first = failed.get(0);
            String fix = first.keysServerName() != null && !first.keysServerName().equalsIgnoreCase(name.authority())
                    ? ctx.t("fix.keys.serverName", first.keysServerName(), name.authority())
                    : ctx.t("fix.keys");
            ctx.check("federation.keys", Status.FAIL, ctx.t("check.keys.fail", failed.size(), n, first.ip(),
                    first.keysProblem()), fix, ids, List.of());
        } else {
            List<String> warnings = reached.stream().flatMap(o -> o.keysWarnings().stream()).distinct().toList();
            ctx.check("federation.keys", warnings.isEmpty() ? Status.PASS : Status.WARN,
                    warnings.isEmpty() ? ctx.t("check.keys.pass", name.authority(), n) : String.join(" ", warnings),
                    warnings.isEmpty() ? null : ctx.t("fix.keys"), ids, List.of());
        }
    }

    /** IPv6 broken while IPv4 works is a classic. */
    private void ipv6(List<AddressOutcome> outcomes, FederationTarget t) {
        List<AddressOutcome> v6 = outcomes.stream().filter(AddressOutcome::ipv6).toList();
        List<AddressOutcome> v4 = outcomes.stream().filter(o -> !o.ipv6()).toList();
        List<String> v6Ids = v6.stream().map(o -> FederationHops.address(o.ip())).toList();
        if (v6.isEmpty()) {
            ctx.check("federation.ipv6", Status.SKIP, ctx.t("check.ipv6.none", t.connectHost()), null, List.of(),
                    List.of());
            return;
        }
        boolean v6ok = v6.stream().allMatch(o -> o.connection().error() == null);
        boolean v4ok = !v4.isEmpty() && v4.stream().allMatch(o -> o.connection().error() == null);
        if (v6ok) {
            ctx.check("federation.ipv6", Status.PASS, ctx.t("check.ipv6.pass", v6.size()), null, v6Ids, List.of());
            return;
        }
        AddressOutcome bad = v6.stream().filter(o -> o.connection().error() != null).findFirst().get();
        String rootCause = v4ok ? null : firstFailed("federation.tls", "federation.version", "federation.keys");
        if (rootCause != null) {
            // IPv4 fails the same way (or there is none): the problem is not IPv6's, and its row would repeat it.
            ctx.notReached("federation.ipv6", ctx.t("check.ipv6.notReached", t.connectHost()), v6Ids, rootCause);
        } else {
            ctx.check("federation.ipv6", Status.FAIL, ctx.t(v4ok ? "check.ipv6.brokenV4ok" : "check.ipv6.fail",
                    bad.ip(), bad.connection().error()), ctx.t("fix.ipv6", t.connectHost()), v6Ids, List.of());
        }
    }

    private String firstFailed(String... ids) {
        for (String id : ids) {
            Check c = ctx.checkOf(id);
            if (c != null && c.status() == Status.FAIL) {
                return id;
            }
        }
        return null;
    }

    /**
     * Stands in for the checks an early stop never reached: each names what was not checked and why, under the
     * check that failed.
     *
     * @param rootCause the id of the failed check
     * @param reason    why, as a clause ("example.org has no address")
     */
    void notReached(String rootCause, String reason) {
        Map<String, String> sentences = new LinkedHashMap<>();
        sentences.put("federation.dns", "check.dns.notReachedEarly");
        sentences.put("federation.tls", "check.tls.notReachedEarly");
        sentences.put("federation.version", "check.version.notReachedEarly");
        sentences.put("federation.keys", "check.keys.notReachedEarly");
        sentences.forEach((id, key) -> {
            if (!ctx.hasCheck(id)) {
                ctx.notReached(id, ctx.t(key, reason), List.of(), rootCause);
            }
        });
    }
}
