package dev.signpost.testkit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as a {@link TestHttpsServer} received it, for assertions.
 *
 * @param sni      the TLS server name the client sent, or null when it sent none (e.g. IP-literal connections)
 * @param host     the Host header exactly as received, or null when absent
 * @param method   the request method, e.g. {@code GET}
 * @param target   the request target exactly as received, e.g. {@code /_matrix/key/v2/server?x=1}
 * @param remote   the client's address
 * @param local    the server address the client connected to
 * @param headers  every header in order as {@code [name, value]} pairs, names as received
 * @param body     the request body (empty when none)
 */
public record RecordedRequest(String sni, String host, String method, String target, InetSocketAddress remote,
        InetSocketAddress local, List<Map.Entry<String, String>> headers, byte[] body) {

    public RecordedRequest {
        headers = List.copyOf(headers);
    }

    /** The target without its query string. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    /** The Host header without a port, lower-case (brackets of IPv6 literals kept), or null. */
    public String hostWithoutPort() {
        if (host == null) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
