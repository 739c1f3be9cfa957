package dev.signpost.core.discovery;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.net.DnsAnswer;
import dev.signpost.core.net.IpText;
import dev.signpost.core.net.ResolveOverrides;
import org.xbill.DNS.Type;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a host and port into the ways in: the A and AAAA addresses (asked in parallel, CNAMEs followed), each
 * mapped through the {@code --resolve} overrides. An override for {@code host:port} replaces DNS entirely, as in
 * curl; an override for {@code ip:port} only changes where that address's connection goes.
 *
 * <p>At most {@link #MAX_PER_FAMILY} addresses of each family are kept, in the order DNS gave them: a DNS answer
 * may hold thousands, and every one kept costs connections, memory and report space. The rest are counted, so
 * the report can say how many were not checked.
 */
final class AddressResolver {

    /** Addresses of one family that are checked; real homeservers publish one to four. */
    static final int MAX_PER_FAMILY = 8;

    /** Records of one DNS answer kept as evidence; the rest are counted in a note. */
    static final int MAX_RECORDS_SHOWN = 2 * MAX_PER_FAMILY;

    /** One address to check on its own. */
    record Way(String ip, boolean ipv6, InetSocketAddress connect) {
    }

    /**
     * @param ways          the addresses checked, IPv4 first
     * @param a             the A answer, or null when DNS was not asked
     * @param aaaa          the AAAA answer, or null when DNS was not asked
     * @param overridden    true when a {@code --resolve} entry replaced DNS for the host
     * @param notCheckedV4  IPv4 addresses DNS gave beyond {@link #MAX_PER_FAMILY}
     * @param notCheckedV6  IPv6 addresses DNS gave beyond {@link #MAX_PER_FAMILY}
     * @param evidence      the DNS exchanges, each holding at most {@link #MAX_RECORDS_SHOWN} records
     */
    record Addresses(List<Way> ways, DnsAnswer a, DnsAnswer aaaa, boolean overridden, int notCheckedV4,
                     int notCheckedV6, List<Evidence> evidence) {

        Addresses(List<Way> ways, DnsAnswer a, DnsAnswer aaaa, boolean overridden) {
            this(ways, a, aaaa, overridden, 0, 0, List.of());
        }

        /** True when DNS gave more addresses than are checked. */
        boolean capped() {
            return notCheckedV4 + notCheckedV6 > 0;
        }

        /** True when both lookups failed outright (SERVFAIL, timeout…) rather than finding nothing. */
        boolean lookupFailed() {
            return a != null && aaaa != null && ways.isEmpty() && (a.failed() || aaaa.failed());
        }

        /** The CNAME chain seen by either lookup. */
        List<String> cnameChain() {
            if (a != null && !a.cnameChain().isEmpty()) {
                return a.cnameChain();
            }
            return aaaa != null ? aaaa.cnameChain() : List.of();
        }
    }

    private final RunContext ctx;

    AddressResolver(RunContext ctx) {
        this.ctx = ctx;
    }

    Addresses resolve(String host, int port) {
        if (isIpLiteral(host)) {
            InetAddress ip = ResolveOverrides.literal(unbracket(host), host);
            return new Addresses(List.of(way(ip, port)), null, null, false);
        }
        var override = ctx.overrides.lookup(host, port);
        if (override.isPresent()) {
            InetSocketAddress target = override.get();
            InetAddress ip = target.getAddress();
            ctx.pinned(host, ip);
            return new Addresses(List.of(new Way(IpText.format(ip), ip instanceof Inet6Address, target)), null,
                    null, true);
        }
        CompletableFuture<DnsAnswer> a = ctx.async(() -> ctx.dnsQuery(host, Type.A));
        CompletableFuture<DnsAnswer> aaaa = ctx.async(() -> ctx.dnsQuery(host, Type.AAAA));
        DnsAnswer aAnswer = a.join();
        DnsAnswer aaaaAnswer = aaaa.join();
        List<Way> ways = new ArrayList<>();
        for (InetAddress ip : aAnswer.addresses().subList(0, Math.min(MAX_PER_FAMILY, aAnswer.addresses().size()))) {
            ways.add(way(ip, port));
        }
        for (InetAddress ip : aaaaAnswer.addresses().subList(0, Math.min(MAX_PER_FAMILY,
                aaaaAnswer.addresses().size()))) {
            ways.add(way(ip, port));
        }
        List<Evidence> evidence = new ArrayList<>();
        trimmed(aAnswer, evidence);
        trimmed(aaaaAnswer, evidence);
        return new Addresses(ways, aAnswer, aaaaAnswer, false,
                Math.max(0, aAnswer.addresses().size() - MAX_PER_FAMILY),
                Math.max(0, aaaaAnswer.addresses().size() - MAX_PER_FAMILY), List.copyOf(evidence));
    }

    /**
     * The exchanges of an answer as evidence, each with at most {@link #MAX_RECORDS_SHOWN} records and a note
     * counting the rest: an answer of thousands of records made a report of megabytes, and each hop that showed it
     * repeated them.
     */
    private void trimmed(DnsAnswer answer, List<Evidence> into) {
        for (Evidence.Dns exchange : answer.exchanges()) {
            int records = exchange.records().size();
            if (records <= MAX_RECORDS_SHOWN) {
                into.add(exchange);
                continue;
            }
            into.add(new Evidence.Dns(exchange.name(), exchange.type(), exchange.rcode(), exchange.server(),
                    exchange.records().subList(0, MAX_RECORDS_SHOWN), exchange.elapsed()));
            into.add(new Evidence.Note(ctx.t("label.moreRecords"), ctx.t("dns.moreRecords",
                    records - MAX_RECORDS_SHOWN, exchange.type(), exchange.name())));
        }
    }

    private Way way(InetAddress ip, int port) {
        String text = IpText.format(ip);
        InetSocketAddress connect = ctx.overrides.lookup(text, port).orElse(new InetSocketAddress(ip, port));
        return new Way(text, ip instanceof Inet6Address, connect);
    }

    static boolean isIpLiteral(String host) {
        String h = unbracket(host);
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.indexOf(':') >= 0;
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
