package dev.signpost.core.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * curl-style {@code --resolve} entries: when a connection to {@code host:port} is wanted, connect to the given
 * address instead. The value is {@code addr} (same port) or {@code addr:port} (IPv6 in brackets when a port
 * follows); the port form lets tests serve "443" on an ephemeral port without root.
 */
public final class ResolveOverrides {

    private final Map<String, String> entries;

    public ResolveOverrides(Map<String, String> entries) {
        Map<String, String> normalised = new java.util.HashMap<>();
        entries.forEach((k, v) -> normalised.put(normaliseKey(k), v));
        this.entries = Map.copyOf(normalised);
    }

    /** Every entry: the normalised {@code host:port} key and the address text as given. */
    public Map<String, String> entries() {
        return entries;
    }

    /** Keys with IP literals in canonical form, so {@code [2001:db8::5]:8448} and the long form are one key. */
    private static String normaliseKey(String key) {
        int colon = key.lastIndexOf(':');
        if (colon <= 0) {
            return key.toLowerCase(Locale.ROOT);
        }
        return key(key.substring(0, colon), Integer.parseInt(key.substring(colon + 1)));
    }

    /**
     * Parses a curl-style {@code HOST:PORT:ADDR} entry (HOST and ADDR may be bracketed IPv6; ADDR may carry
     * {@code :PORT}), as given to {@code --resolve} or typed in the wizard, into the override key and value, or null
     * when malformed.
     */
    public static String[] parseEntry(String entry) {
        String rest = entry.strip();
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != ':') {
                return null;
            }
            host = rest.substring(0, close + 1);
            rest = rest.substring(close + 2);
        } else {
            int colon = rest.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            host = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        }
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String portText = rest.substring(0, colon);
        String addr = rest.substring(colon + 1);
        if (!portText.matches("\\d{1,5}") || addr.isEmpty()) {
            return null;
        }
        int port = Integer.parseInt(portText);
        if (port < 1 || port > 65535) {
            return null;
        }
        try {
            parseTarget(addr, port);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return new String[] {key(host, port), addr};
    }

    /** The key for a host (DNS name, IPv4, or IPv6 with or without brackets) and port. */
    public static String key(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.indexOf(':') >= 0) {
            try {
                h = "[" + IpText.format(literal(h, host)) + "]";
            } catch (IllegalArgumentException e) {
                h = "[" + h + "]";
            }
        }
        return h + ":" + port;
    }

    /** The address to connect to for {@code host:port}, if overridden. */
    public Optional<InetSocketAddress> lookup(String host, int port) {
        String value = entries.get(key(host, port));
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(parseTarget(value, port));
    }

    /** True when some entry overrides this host on any port. */
    public boolean hasHost(String host) {
        String prefix = key(host, 0);
        prefix = prefix.substring(0, prefix.length() - 1);
        for (String k : entries.keySet()) {
            if (k.startsWith(prefix) && k.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses {@code addr}, {@code addr:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 address.
     *
     * @throws IllegalArgumentException when the text is not an IP address with an optional port
     */
    public static InetSocketAddress parseTarget(String value, int defaultPort) {
        String v = value.strip();
        String addr;
        int port = defaultPort;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed bracket in " + value);
            }
            addr = v.substring(1, close);
            String rest = v.substring(close + 1);
            if (rest.startsWith(":")) {
                port = parsePort(rest.substring(1), value);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("unexpected text after ] in " + value);
            }
        } else if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            addr = v.substring(0, v.indexOf(':'));
            port = parsePort(v.substring(v.indexOf(':') + 1), value);
        } else {
            addr = v;
        }
        return new InetSocketAddress(literal(addr, value), port);
    }

    /** Parses an IP literal without ever asking DNS. */
    public static InetAddress literal(String addr, String context) {
        boolean v4 = addr.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = addr.indexOf(':') >= 0 && addr.matches("[0-9A-Fa-f:.%a-zA-Z0-9]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("not an IP address: " + context);
        }
        try {
            return InetAddress.getByName(addr);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + context, e);
        }
    }

    private static int parsePort(String digits, String context) {
        if (!digits.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("bad port in " + context);
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range in " + context);
        }
        return port;
    }
}
