package dev.signpost.core.discovery;

import dev.signpost.core.matrix.AppWellKnown;
import dev.signpost.core.matrix.AuthMetadata;
import dev.signpost.core.matrix.AuthMetadataParser;
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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * {@code client.auth}: how apps learn whether to sign in through OAuth 2.0 (a sign-in service such as Matrix
 * Authentication Service) or through the homeserver itself. Both the stable path (spec v1.15) and the unstable
 * path (MSC2965, which clients use while {@code /versions} lists no v1.15) are asked. Only valid metadata or a
 * JSON 404 {@code M_UNRECOGNIZED} lets a client decide; a proxy's page or a 5xx leaves it stuck.
 */
final class AuthJudge extends AppsJudge {

    static final String STABLE = "apps.auth.stable";
    static final String UNSTABLE = "apps.auth.unstable";
    static final String ISSUER = "apps.auth.issuer";

    private static final String STABLE_PATH = "/_matrix/client/v1/auth_metadata";
    private static final String UNSTABLE_PATH = "/_matrix/client/unstable/org.matrix.msc2965/auth_metadata";

    /** What one path answered, as a client reads it. */
    private enum Kind { VALID, INSECURE, INVALID, NOT_OFFERED, UNDECIDABLE }

    private record Outcome(String hopId, AppsProbe.Answer answer, Kind kind, AuthMetadata metadata, String said) {
    }

    private CompletableFuture<AppsProbe.Answer> stable;
    private CompletableFuture<AppsProbe.Answer> unstable;

    AuthJudge(RunContext ctx, AppsProbe probe, ServerName name, URI base, AppWellKnown extras) {
        super(ctx, probe, name, base, extras);
    }

    /** Sends both requests at once. */
    void send() {
        stable = probe.get(URI.create(base + STABLE_PATH));
        unstable = probe.get(URI.create(base + UNSTABLE_PATH));
    }

    /** @param features the {@code /versions} flags, or null when unknown (then both paths count as used) */
    void judge(ClientFeatures features) {
        Outcome s = outcome(STABLE, stable.join(), probe.t("rule.auth.stable"));
        Outcome u = outcome(UNSTABLE, unstable.join(), probe.t("rule.auth.unstable"));
        // js-sdk takes the stable path only when /versions lists v1.15; Synapse lists less, so the unstable one.
        boolean stableUsed = features == null || features.supportsAtLeast(15);
        Outcome used = stableUsed ? s : u;
        Outcome other = stableUsed ? u : s;
        List<Evidence> evidence = new ArrayList<>(s.answer().fetch().evidence());
        evidence.addAll(u.answer().fetch().evidence());
        List<String> hops = new ArrayList<>(List.of(STABLE, UNSTABLE));
        String host = base.getHost();

        Outcome withMetadata = used.metadata() != null ? used : other.metadata() != null ? other : null;
        if (withMetadata != null) {
            metadataVerdict(withMetadata, withMetadata == used ? other : used, withMetadata != used, hops, evidence,
                    host);
            return;
        }
        if (s.kind() == Kind.NOT_OFFERED && u.kind() == Kind.NOT_OFFERED) {
            if (extras.authIssuer() != null) {
                ctx.check("client.auth", Status.FAIL, probe.t("auth.announcedButNone", extras.authIssuer()),
                        probe.t("fix.auth.announcedButNone", name.hostForUrl(), host), hops, evidence);
            } else {
                ctx.check("client.auth", Status.PASS, probe.t("auth.homeserver", base), null, hops, evidence);
            }
            return;
        }
        Outcome broken = used.kind() == Kind.UNDECIDABLE ? used : other;
        Status status = used.kind() == Kind.NOT_OFFERED ? Status.WARN : Status.FAIL;
        ctx.check("client.auth", status, probe.t("auth.undecidable", broken.answer().url(), broken.said()),
                probe.unusableFix(broken.answer().fetch(), probe.t("fix.auth.undecidable", host)), hops, evidence);
    }

    /** @param otherIsUsed true when the path without metadata is the one clients ask first */
    private void metadataVerdict(Outcome source, Outcome other, boolean otherIsUsed, List<String> hops,
                                 List<Evidence> evidence, String host) {
        AuthMetadata m = source.metadata();
        String issuer = m.issuer() == null ? "-" : m.issuer();
        if (m.issuer() != null) {
            ctx.done(ISSUER, Lane.APPS, HopKind.AUTH_ISSUER, source.hopId(), issuer,
                    m.valid() ? Status.PASS : Status.FAIL, probe.t("rule.auth.issuer"),
                    m.valid() ? null : String.join(" ", m.insecureUrls().isEmpty() ? m.problems()
                            : m.insecureUrls()), List.of());
            hops.add(ISSUER);
        }
        if (!m.insecureUrls().isEmpty()) {
            ctx.check("client.auth", Status.FAIL, probe.t("auth.insecure", String.join(" ", m.insecureUrls())),
                    probe.t("fix.auth.insecure", issuer), hops, evidence);
            return;
        }
        if (!m.problems().isEmpty()) {
            ctx.check("client.auth", Status.FAIL, probe.t("auth.invalid", source.answer().url(),
                    String.join(" ", m.problems())), probe.t("fix.auth.invalid", issuer), hops, evidence);
            return;
        }
        List<String> warnings = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        boolean usedPathBroken = otherIsUsed && other.kind() != Kind.VALID;
        if (other.kind() == Kind.UNDECIDABLE || usedPathBroken) {
            warnings.add(probe.t("auth.otherPathBroken", other.answer().url(), other.said()));
            fixes.add(probe.t("fix.auth.undecidable", host));
        } else if (other.metadata() != null && !Objects.equals(other.metadata().issuer(), m.issuer())) {
            warnings.add(probe.t("auth.pathsDisagree", other.answer().url(), String.valueOf(
                    other.metadata().issuer())));
            fixes.add(probe.t("fix.auth.pathsDisagree", host));
        }
        if (extras.authIssuer() != null && !sameIssuer(extras.authIssuer(), m.issuer())) {
            warnings.add(probe.t("auth.wellKnownMismatch", extras.authIssuer(), issuer));
            fixes.add(probe.t("fix.auth.wellKnownMismatch", name.hostForUrl(), issuer));
        }
        String summary = probe.t("auth.oauth", issuer, source.answer().url());
        if (warnings.isEmpty()) {
            ctx.check("client.auth", Status.PASS, summary, null, hops, evidence);
        } else {
            ctx.check("client.auth", usedPathBroken ? Status.FAIL : Status.WARN, summary + " " + String.join(" ", warnings),
                    String.join(" ", fixes), hops, evidence);
        }
    }

    /** Issuers compare as strings; one trailing slash is forgiven, as mas-cli doctor does. */
    private static boolean sameIssuer(String a, String b) {
        return b != null && strip(a).equals(strip(b));
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private Outcome outcome(String hopId, AppsProbe.Answer a, String rule) {
        Hop hop = ctx.start(hopId, Lane.APPS, HopKind.AUTH_METADATA, AppsLane.ROOT, a.url().getRawPath(), rule);
        Kind kind;
        AuthMetadata metadata = null;
        String said = probe.describe(a);
        if (a.usable() && a.status() == 200 && a.answer() != null
                && a.answer().kind() == dev.signpost.core.matrix.MatrixAnswer.Kind.JSON_OBJECT) {
            metadata = AuthMetadataParser.parse(a.response().body(), ctx.locale);
            kind = metadata.valid() ? Kind.VALID : metadata.insecureUrls().isEmpty() ? Kind.INVALID : Kind.INSECURE;
            said = metadata.valid() ? probe.t("auth.hop.valid", String.valueOf(metadata.issuer()))
                    : String.join(" ", metadata.insecureUrls().isEmpty() ? metadata.problems()
                    : metadata.insecureUrls());
        } else if (a.unrecognized()) {
            kind = Kind.NOT_OFFERED;
            said = probe.t("auth.hop.notOffered");
        } else {
            kind = Kind.UNDECIDABLE;
        }
        Status status = switch (kind) {
            case VALID, NOT_OFFERED -> Status.PASS;
            case INSECURE, INVALID, UNDECIDABLE -> Status.FAIL;
        };
        ctx.finish(hop, status, said, a.fetch().evidence(), a.elapsed());
        return new Outcome(hopId, a, kind, metadata, said);
    }
}
