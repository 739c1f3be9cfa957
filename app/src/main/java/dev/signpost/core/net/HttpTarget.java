package dev.signpost.core.net;

import java.net.InetSocketAddress;

/**
 * One HTTP request as the engine decided it: which address to connect to, which name to send as SNI and which as
 * Host — the three the Matrix spec prescribes separately, which is why {@code java.net.http} cannot be used.
 *
 * @param tls        true for https
 * @param address    the resolved address and port to connect to
 * @param sniHost    the TLS server name to send, or null to send none (IP literals)
 * @param hostHeader the Host header value
 * @param path       the request target, starting with {@code /}
 */
public record HttpTarget(boolean tls, InetSocketAddress address, String sniHost, String hostHeader, String path) {

    /** The URL this request stands for, as a person would write it. */
    public String url() {
        return (tls ? "https://" : "http://") + hostHeader + path;
    }

    /** The connected address without brackets, e.g. {@code 2001:db8::5}. */
    public String addressText() {
        return address.getAddress() != null ? IpText.format(address.getAddress()) : address.getHostString();
    }
}
