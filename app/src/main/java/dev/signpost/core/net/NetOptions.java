package dev.signpost.core.net;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the core reaches the network. The defaults use the system's resolvers and trust store; the options exist
 * for private DNS servers and CAs, and are how the tests point the real code at real local servers.
 *
 * @param dnsServer  send every DNS query here instead of the system's resolvers, or null
 * @param caFiles    PEM files of CA certificates trusted in addition to the system's
 * @param resolve    curl-style overrides: key {@code host:port} (lower-case host, IPv6 in brackets) →
 *                   the address to connect to instead of resolving it
 * @param timeout    the limit for each network operation (one DNS query, one connect, one handshake, one read)
 * @param userAgent  the User-Agent header sent with every HTTP request
 * @param publicDns  DNS-over-HTTPS endpoints (RFC 8484) whose answers are compared with this computer's, to show
 *                   what remote servers see; empty turns the comparison off. Never used with {@code dnsServer}:
 *                   a run against its own DNS server is a lab whose names public resolvers do not know.
 */
public record NetOptions(
        InetSocketAddress dnsServer,
        List<Path> caFiles,
        Map<String, String> resolve,
        Duration timeout,
        String userAgent,
        List<URI> publicDns) {

    /** The default per-operation timeout, as documented for {@code signpost check --timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The public resolvers asked unless others are given: Cloudflare's and Google's DNS-over-HTTPS endpoints. */
    public static final List<URI> DEFAULT_PUBLIC_DNS = List.of(URI.create("https://cloudflare-dns.com/dns-query"),
            URI.create("https://dns.google/dns-query"));

    public NetOptions {
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        resolve = resolve == null ? Map.of() : Map.copyOf(resolve);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        publicDns = publicDns == null ? List.of() : List.copyOf(publicDns);
    }

    /** Options without the comparison with public resolvers. */
    public NetOptions(InetSocketAddress dnsServer, List<Path> caFiles, Map<String, String> resolve, Duration timeout,
                      String userAgent) {
        this(dnsServer, caFiles, resolve, timeout, userAgent, List.of());
    }

    /** System resolvers, system trust store, default timeout, compared with the default public resolvers. */
    public static NetOptions defaults(String userAgent) {
        return new NetOptions(null, List.of(), Map.of(), DEFAULT_TIMEOUT, userAgent, DEFAULT_PUBLIC_DNS);
    }

    /** The same options comparing with {@code endpoints} (empty: no comparison). */
    public NetOptions withPublicDns(List<URI> endpoints) {
        return new NetOptions(dnsServer, caFiles, resolve, timeout, userAgent, endpoints);
    }

    /** True when public resolvers are asked: some are configured and no DNS server of its own is used. */
    public boolean comparesPublicDns() {
        return dnsServer == null && !publicDns.isEmpty();
    }
}
