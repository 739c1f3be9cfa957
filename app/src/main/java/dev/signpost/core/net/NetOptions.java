package dev.signpost.core.net;

import java.net.InetSocketAddress;
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
 */
public record NetOptions(
        InetSocketAddress dnsServer,
        List<Path> caFiles,
        Map<String, String> resolve,
        Duration timeout,
        String userAgent) {

    /** The default per-operation timeout, as documented for {@code signpost check --timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public NetOptions {
        caFiles = caFiles == null ? List.of() : List.copyOf(caFiles);
        resolve = resolve == null ? Map.of() : Map.copyOf(resolve);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** System resolvers, system trust store, default timeout. */
    public static NetOptions defaults(String userAgent) {
        return new NetOptions(null, List.of(), Map.of(), DEFAULT_TIMEOUT, userAgent);
    }
}
