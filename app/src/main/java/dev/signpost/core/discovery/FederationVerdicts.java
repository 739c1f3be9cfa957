package dev.signpost.core.discovery;

import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.Status;

import java.util.List;

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
        keys(outcomes);
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
            String fix = first.verdict() != null ? words.certificateFix(first.verdict())
                    : ctx.t("fix.connect", t.port());
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

    private void version(List<AddressOutcome> outcomes, FederationTarget t) {
        List<String> ids = outcomes.stream().map(o -> FederationHops.version(o.ip())).toList();
        int n = outcomes.size();
        List<AddressOutcome> failed = outcomes.stream().filter(o -> o.versionProblem() != null).toList();
        if (!failed.isEmpty()) {
            AddressOutcome first = failed.get(0);
            ctx.check("federation.version", Status.FAIL, ctx.t("check.version.fail", failed.size(), n,
                    first.ip(), first.versionProblem()), ctx.t("fix.version", t.port()), ids, List.of());
        } else {
            ServerVersion v = outcomes.get(0).connection().version();
            ctx.check("federation.version", Status.PASS, ctx.t("check.version.pass", v.name(), v.version(), n),
                    null, ids, List.of());
        }
    }

    private void keys(List<AddressOutcome> outcomes) {
        List<String> ids = outcomes.stream().map(o -> FederationHops.keys(o.ip())).toList();
        int n = outcomes.size();
        List<AddressOutcome> failed = outcomes.stream().filter(o -> o.keysProblem() != null).toList();
        if (!failed.isEmpty()) {
            AddressOutcome first = failed.get(0);
            String fix = first.keysServerName() != null && !first.keysServerName().equalsIgnoreCase(name.authority())
                    ? ctx.t("fix.keys.serverName", first.keysServerName(), name.authority())
                    : ctx.t("fix.keys");
            ctx.check("federation.keys", Status.FAIL, ctx.t("check.keys.fail", failed.size(), n, first.ip(),
                    first.keysProblem()), fix, ids, List.of());
        } else {
            List<String> warnings = outcomes.stream().flatMap(o -> o.keysWarnings().stream()).distinct().toList();
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
        } else {
            AddressOutcome bad = v6.stream().filter(o -> o.connection().error() != null).findFirst().get();
            ctx.check("federation.ipv6", Status.FAIL, ctx.t(v4ok ? "check.ipv6.brokenV4ok" : "check.ipv6.fail",
                    bad.ip(), bad.connection().error()), ctx.t("fix.ipv6", t.connectHost()), v6Ids, List.of());
        }
    }

    /** Stands in for the checks an early stop never reached, naming why. */
    void notReached(String whyKey) {
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
