package dev.signpost.core.discovery;

import dev.signpost.core.net.CertificateVerdict;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpsClient;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Turns network outcomes into the sentences of the discovery bundle; shared by both lanes. */
final class Words {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final RunContext ctx;

    Words(RunContext ctx) {
        this.ctx = ctx;
    }

    /** What went wrong with a request that got no response head, naming the request. */
    String failure(HttpResponse r, String what) {
        String where = r.target().addressText().indexOf(':') >= 0
                ? "[" + r.target().addressText() + "]:" + r.target().address().getPort()
                : r.target().addressText() + ":" + r.target().address().getPort();
        String phase = ctx.t("phase." + r.failedPhase().name());
        long seconds = Math.max(1, ctx.timeout.toSeconds());
        String detail = r.errorDetail() == null ? "" : r.errorDetail();
        return switch (r.failure()) {
            // Only a wait the deadline cut short is the overall limit's; a read that ran out its own timeout is
            // that timeout's, even when the sentence is written after the deadline.
            case TIMEOUT -> HttpsClient.DEADLINE_DETAIL.equals(r.errorDetail())
                    ? ctx.t("net.deadline", what, where, ctx.timeout.multipliedBy(2).toSeconds(), phase)
                    : ctx.t("net.timeout", what, where, seconds, phase);
            case CANCELLED -> ctx.deadlineHit()
                    ? ctx.t("net.deadline", what, where, ctx.timeout.multipliedBy(2).toSeconds(), phase)
                    : ctx.t("net.cancelled", what);
            case REFUSED -> ctx.t("net.refused", what, where);
            case UNREACHABLE -> ctx.t("net.unreachable", what, where, detail);
            case TLS -> ctx.t("net.tls", what, where, detail);
            case CLOSED -> ctx.t("net.closed", what, where, phase);
            case PROTOCOL -> ctx.t("net.protocol", what, where, detail);
            case INCOMPLETE -> ctx.t("net.incomplete", what, where, detail);
            case IO -> ctx.t("net.io", what, where, detail);
        };
    }

    /** One sentence saying why a certificate is not acceptable (or will soon not be), or null when it is fine. */
    String certificateProblem(CertificateVerdict v) {
        if (v.trust() == CertificateVerdict.Trust.NO_CERTIFICATE) {
            return ctx.t("cert.none");
        }
        if (v.validity() == CertificateVerdict.Validity.EXPIRED) {
            return ctx.t("cert.expired", DATE.format(v.notAfter()));
        }
        if (v.validity() == CertificateVerdict.Validity.NOT_YET_VALID) {
            return ctx.t("cert.notYetValid", DATE.format(v.evidence().chain().get(0).notBefore()));
        }
        if (v.chainFlaw() != null) {
            return chainFlaw(v.chainFlaw());
        }
        switch (v.trust()) {
            case SELF_SIGNED:
                return ctx.t("cert.selfSigned");
            case MISSING_INTERMEDIATE:
                return ctx.t("cert.missingIntermediate", v.trustDetail());
            case UNTRUSTED_ROOT:
                return ctx.t("cert.untrusted");
            default:
                break;
        }
        if (!v.nameMatches()) {
            return ctx.t("cert.wrongName", v.expectedName(),
                    v.presentedNames().isEmpty() ? ctx.t("cert.noNames") : String.join(", ", v.presentedNames()));
        }
        return null;
    }

    /** The fix for the first problem of a verdict. */
    String certificateFix(CertificateVerdict v) {
        if (v.trust() == CertificateVerdict.Trust.NO_CERTIFICATE) {
            return ctx.t("fix.cert.untrusted", v.expectedName());
        }
        if (v.validity() != CertificateVerdict.Validity.VALID) {
            return ctx.t("fix.cert.expired", v.expectedName());
        }
        if (v.chainFlaw() != null) {
            return v.chainFlaw().kind() == CertificateVerdict.FlawKind.NOT_FOR_SERVERS
                    ? ctx.t("fix.cert.usage", v.expectedName())
                    : ctx.t("fix.cert.chainDates", v.expectedName());
        }
        return switch (v.trust()) {
            case SELF_SIGNED -> ctx.t("fix.cert.selfSigned", v.expectedName());
            case MISSING_INTERMEDIATE -> ctx.t("fix.cert.missingIntermediate");
            case UNTRUSTED_ROOT -> ctx.t("fix.cert.untrusted", v.expectedName());
            default -> v.nameMatches() ? v.expiresSoon() ? ctx.t("fix.cert.renew") : null
                    : ctx.t("fix.cert.wrongName", v.expectedName());
        };
    }

    private String chainFlaw(CertificateVerdict.ChainFlaw flaw) {
        String role = switch (flaw.role()) {
            case LEAF -> "leaf";
            case INTERMEDIATE -> "intermediate";
            case ROOT -> "root";
        };
        return switch (flaw.kind()) {
            case EXPIRED -> ctx.t("cert." + role + ".expired", flaw.subject(), DATE.format(flaw.when()));
            case NOT_YET_VALID -> ctx.t("cert." + role + ".notYetValid", flaw.subject(), DATE.format(flaw.when()));
            case NOT_FOR_SERVERS -> ctx.t("cert." + role + ".usage", flaw.subject(),
                    flaw.usages().isEmpty() ? "-" : String.join(", ", flaw.usages()));
        };
    }

    String expiresSoon(CertificateVerdict v) {
        return ctx.t("cert.expiresSoon", v.daysLeft(), DATE.format(v.notAfter()));
    }

    /** Why a fetch gave nothing usable, naming the request; null when it did. */
    String fetchProblem(Fetcher.Result r, String what) {
        String host = r.detail();
        return switch (r.problem()) {
            case NONE -> null;
            case DNS_FAILED -> ctx.t("fetch.dnsFailed", host);
            case NO_ADDRESS -> ctx.t("fetch.noAddress", host);
            case NETWORK -> failure(r.response(), what);
            case CERTIFICATE -> ctx.t("fetch.certificate", host, certificateProblem(r.last().verdict()));
            case REDIRECT_LOOP -> ctx.t("fetch.loop", r.detail());
            case TOO_MANY_REDIRECTS -> ctx.t("fetch.tooMany", r.redirectLimit());
            case INSECURE_REDIRECT -> ctx.t("fetch.insecure", r.detail());
            case BAD_REDIRECT -> ctx.t("fetch.badRedirect", r.detail());
        };
    }

    /** The fix for a fetch problem, or {@code general} when the problem is the file itself. */
    String fetchFix(Fetcher.Result r, String general) {
        return switch (r.problem()) {
            case CERTIFICATE -> certificateFix(r.last().verdict());
            case REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_REDIRECT -> ctx.t("fix.redirect");
            case INSECURE_REDIRECT -> ctx.t("fix.insecureRedirect");
            case DNS_FAILED -> ctx.t("fix.dnsFailed");
            default -> general;
        };
    }
}
