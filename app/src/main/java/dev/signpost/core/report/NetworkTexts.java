package dev.signpost.core.report;

import dev.signpost.core.model.CheckNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every report names the network its check ran in: a compact line ("Checked with DNS server 127.0.0.1:5353,
 * 1 extra CA, 2 resolve overrides"), one line per setting, and the one sentence saying that remote servers may see
 * something else. A check on the system's network says nothing at all, so its reports read as before. The values
 * come from the user (paths, names): each renderer escapes them as it escapes server text.
 */
public final class NetworkTexts {

    private final ExportTexts texts;

    public NetworkTexts(Locale locale) {
        this.texts = new ExportTexts(locale);
    }

    /** True when a report should name its network: some setting differs from the system's. */
    public static boolean shown(CheckNetwork network) {
        return network != null && !network.isSystem();
    }

    /** "Network settings", the heading of the section that lists them. */
    public String heading() {
        return texts.get("network.heading");
    }

    /** "Checked with DNS server 127.0.0.1:5353, 1 extra CA, 2 resolve overrides"; empty on the system's network. */
    public String summary(CheckNetwork network) {
        return shown(network) ? texts.get("network.summary", parts(network)) : "";
    }

    /**
     * "DNS server 127.0.0.1:5353, 1 extra CA", or "the system's network": the settings in a few words, for
     * sentences that compare two of them.
     */
    public String parts(CheckNetwork network) {
        if (!shown(network)) {
            return texts.get("network.system");
        }
        List<String> parts = new ArrayList<>();
        if (network.dnsServer() != null) {
            parts.add(texts.get("network.part.dns", network.dnsServer()));
        }
        if (!network.caFiles().isEmpty()) {
            parts.add(texts.get("network.part.ca", network.extraCaCount()));
        }
        if (!network.resolve().isEmpty()) {
            parts.add(texts.get("network.part.resolve", network.resolve().size()));
        }
        return String.join(", ", parts);
    }

    /** One line per setting: the DNS server (or the system resolver), each CA file and what it added, each override. */
    public List<String> details(CheckNetwork network) {
        if (!shown(network)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(network.dnsServer() == null ? texts.get("network.dns.system")
                : texts.get("network.dns", network.dnsServer()));
        for (CheckNetwork.CaFile file : network.caFiles()) {
            List<String> certificates = file.certificates().stream()
                    .map(c -> texts.get("network.caCertificate", c.subject(), c.sha256())).toList();
            lines.add(texts.get("network.caFile", file.path(), String.join("; ", certificates)));
        }
        for (CheckNetwork.ResolveOverride override : network.resolve()) {
            lines.add(texts.get("network.resolve", override.hostPort(), override.address()));
        }
        return lines;
    }

    /**
     * The one sentence saying the verdict may differ from what remote servers see, in the user's own names, or
     * null when the check looked the server up as everyone does.
     */
    public String caveat(CheckNetwork network) {
        if (network == null || !network.mayDifferFromOutside()) {
            return null;
        }
        String names = String.join(", ", network.resolve().stream().map(CheckNetwork.ResolveOverride::hostPort)
                .toList());
        if (network.dnsServer() == null) {
            return texts.get("network.caveat.resolve", names);
        }
        return network.resolve().isEmpty() ? texts.get("network.caveat.dns", network.dnsServer())
                : texts.get("network.caveat.both", network.dnsServer(), names);
    }

    /** The sentence {@code signpost diff} prints when two reports ran in different networks, or null. */
    public String diffNote(CheckNetwork before, CheckNetwork after) {
        CheckNetwork was = before == null ? CheckNetwork.SYSTEM : before;
        CheckNetwork now = after == null ? CheckNetwork.SYSTEM : after;
        return was.equals(now) ? null : texts.get("diff.network", parts(was), parts(now));
    }
}
