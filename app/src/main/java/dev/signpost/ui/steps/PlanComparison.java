package dev.signpost.ui.steps;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.text.Texts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says, in sentences, where what is live today differs from the plan: "the well-known points to
 * old.example.com:443, your plan says matrix.example.com:443".
 */
public final class PlanComparison {

    /** One finding: PASS when live already matches the plan, WARN when it differs or is missing. */
    public record Finding(Status status, String sentence) {
    }

    private PlanComparison() {
    }

    public static List<Finding> compare(DelegationPlan plan, Report report, Texts texts) {
        List<Finding> findings = new ArrayList<>();
        compareFederation(plan, report, texts, findings);
        compareClient(plan, report, texts, findings);
        return findings;
    }

    /** The {@code m.server} value the plan asks for. */
    static String planned(DelegationPlan plan) {
        String host = plan.federationHost();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + plan.federationPort();
    }

    private static void compareFederation(DelegationPlan plan, Report report, Texts texts, List<Finding> out) {
        var wellKnown = report.federation() == null ? null : report.federation().wellKnown();
        String live = wellKnown == null ? null : wellKnown.mServer();
        String url = "https://" + report.asciiServerName() + "/.well-known/matrix/server";
        switch (plan.federationMode()) {
            case WELL_KNOWN -> {
                String planned = planned(plan);
                if (live == null) {
                    out.add(new Finding(Status.WARN, texts.get("wizard.compare.wellKnown.missing", url, planned)));
                } else if (sameAuthority(live, planned)) {
                    out.add(new Finding(Status.PASS, texts.get("wizard.compare.wellKnown.same", planned)));
                } else {
                    out.add(new Finding(Status.WARN, texts.get("wizard.compare.wellKnown.differs", live, planned)));
                }
            }
            case SRV -> {
                String planned = planned(plan);
                List<SrvEntry> srv = report.federation() == null ? List.of() : report.federation().srv();
                SrvEntry first = srv.stream().filter(e -> e.name().startsWith("_matrix-fed.")).findFirst()
                        .orElse(null);
                if (first == null) {
                    out.add(new Finding(Status.WARN, texts.get("wizard.compare.srv.missing",
                            "_matrix-fed._tcp." + report.asciiServerName(), planned)));
                } else {
                    String liveTarget = stripDot(first.target()) + ":" + first.port();
                    out.add(sameAuthority(liveTarget, planned)
                            ? new Finding(Status.PASS, texts.get("wizard.compare.srv.same", planned))
                            : new Finding(Status.WARN, texts.get("wizard.compare.srv.differs", liveTarget, planned)));
                }
            }
            case DIRECT -> {
                if (live != null) {
                    out.add(new Finding(Status.WARN, texts.get("wizard.compare.direct.wellKnown", live)));
                } else {
                    out.add(new Finding(Status.PASS, texts.get("wizard.compare.direct.same")));
                }
            }
        }
    }

    private static void compareClient(DelegationPlan plan, Report report, Texts texts, List<Finding> out) {
        String live = report.client() == null ? null : report.client().baseUrl();
        String planned = plan.clientBaseUrl();
        if (planned == null || planned.isBlank()) {
            return;
        }
        if (live == null) {
            out.add(new Finding(Status.WARN, texts.get("wizard.compare.client.missing", planned)));
        } else if (normaliseUrl(live).equals(normaliseUrl(planned))) {
            out.add(new Finding(Status.PASS, texts.get("wizard.compare.client.same", planned)));
        } else {
            out.add(new Finding(Status.WARN, texts.get("wizard.compare.client.differs", live, planned)));
        }
    }

    /** Compares two {@code host[:port]} values the way a server would use them; no port means 8448. */
    static boolean sameAuthority(String a, String b) {
        try {
            ServerName left = ServerName.parse(a, Locale.ROOT);
            ServerName right = ServerName.parse(b, Locale.ROOT);
            int leftPort = left.hasPort() ? left.port() : DelegationPlan.DEFAULT_FEDERATION_PORT;
            int rightPort = right.hasPort() ? right.port() : DelegationPlan.DEFAULT_FEDERATION_PORT;
            return left.host().equalsIgnoreCase(right.host()) && leftPort == rightPort;
        } catch (InvalidServerNameException e) {
            return a.strip().equalsIgnoreCase(b.strip());
        }
    }

    static String normaliseUrl(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == 443 && "https".equals(scheme)) {
                port = -1;
            }
            return scheme + "://" + host + (port == -1 ? "" : ":" + port) + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }

    private static String stripDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
