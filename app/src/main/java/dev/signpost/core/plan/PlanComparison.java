package dev.signpost.core.plan;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import dev.signpost.core.text.Texts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one comparison of a plan with what a check found live, used by the wizard before and after an upload and by
 * {@code signpost deploy}: so both give the same answer on the same report. Names are compared the way Matrix servers
 * use them (parsed as server names, no port meaning 8448); base URLs the way clients use them (scheme and host
 * case-insensitive, a default {@code :443} and trailing slashes dropped).
 */
public final class PlanComparison {

    /** One finding: PASS when live already matches the plan, WARN when it differs or is missing. */
    public record Finding(Status status, String sentence) {

        /** True when live differs from the plan here. */
        public boolean differs() {
            return status != Status.PASS;
        }
    }

    private PlanComparison() {
    }

    /** Every place where the report and the plan meet, in plan order: federation first, then the client file. */
    public static List<Finding> compare(DelegationPlan plan, Report report, Locale locale) {
        Texts texts = new Texts("dev.signpost.core.plan.messages", locale);
        List<Finding> findings = new ArrayList<>();
        compareFederation(plan, report, texts, findings);
        compareClient(plan, report, texts, findings);
        return findings;
    }

    /** Only the sentences where live differs from the plan; empty when it matches. */
    public static List<String> differences(DelegationPlan plan, Report report, Locale locale) {
        return compare(plan, report, locale).stream().filter(Finding::differs).map(Finding::sentence).toList();
    }

    private static void compareFederation(DelegationPlan plan, Report report, Texts texts, List<Finding> out) {
        FederationResult federation = report.federation();
        WellKnownResult wellKnown = federation == null ? null : federation.wellKnown();
        String live = wellKnown == null ? null : wellKnown.mServer();
        String planned = plan.federationAuthority();
        String name = report.asciiServerName();
        switch (plan.federationMode()) {
            case WELL_KNOWN -> {
                if (live == null) {
                    String reason = wellKnown == null ? null : wellKnown.error();
                    out.add(warn(reason == null || reason.isBlank()
                            ? texts.get("compare.wellKnown.missing", name, planned)
                            : texts.get("compare.wellKnown.missingBecause", name, planned, reason)));
                } else if (sameAuthority(live, planned)) {
                    out.add(new Finding(Status.PASS, texts.get("compare.wellKnown.same", planned)));
                } else {
                    out.add(warn(texts.get("compare.wellKnown.differs", live, planned)));
                }
            }
            case SRV -> {
                List<SrvEntry> srv = federation == null ? List.of() : federation.srv();
                SrvEntry first = srv.stream().filter(e -> e.name().startsWith("_matrix-fed.")).findFirst()
                        .orElse(null);
                if (first == null) {
                    out.add(warn(texts.get("compare.srv.missing", "_matrix-fed._tcp." + name, planned)));
                } else {
                    String liveTarget = withoutRootDot(first.target()) + ":" + first.port();
                    out.add(sameAuthority(liveTarget, planned)
                            ? new Finding(Status.PASS, texts.get("compare.srv.same", planned))
                            : warn(texts.get("compare.srv.differs", liveTarget, planned)));
                }
            }
            case DIRECT -> out.add(live == null
                    ? new Finding(Status.PASS, texts.get("compare.direct.same"))
                    : warn(texts.get("compare.direct.wellKnown", live)));
        }
    }

    private static void compareClient(DelegationPlan plan, Report report, Texts texts, List<Finding> out) {
        String planned = plan.clientBaseUrl();
        if (planned == null || planned.isBlank()) {
            return;
        }
        String live = report.client() == null ? null : report.client().baseUrl();
        if (live == null) {
            out.add(warn(texts.get("compare.client.missing", report.asciiServerName(), planned)));
        } else if (sameBaseUrl(live, planned)) {
            out.add(new Finding(Status.PASS, texts.get("compare.client.same", planned)));
        } else {
            out.add(warn(texts.get("compare.client.differs", live, planned)));
        }
    }

    private static Finding warn(String sentence) {
        return new Finding(Status.WARN, sentence);
    }

    /** Compares two {@code host[:port]} values the way a server would use them; no port means 8448. */
    public static boolean sameAuthority(String a, String b) {
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

    /** Compares two base URLs the way a client would use them. */
    public static boolean sameBaseUrl(String a, String b) {
        return normaliseUrl(a).equals(normaliseUrl(b));
    }

    private static String normaliseUrl(String url) {
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
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return scheme + "://" + host + (port == -1 ? "" : ":" + port) + path;
        } catch (IllegalArgumentException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }

    private static String withoutRootDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
