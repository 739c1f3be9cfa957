package dev.signpost.core.net;

import dev.signpost.core.text.Texts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar a host must follow before Signpost connects to it, for hosts that came from a server (a redirect's
 * Location, a {@code base_url}) or a person. A value that fails is a verdict with a reason, never an exception
 * later in the check.
 *
 * <p>The rules are those of the URLs Matrix clients and servers build: DNS names of letters, digits and hyphens
 * (labels of 1–63 characters, no hyphen at either end, at most 253 characters, and a last label that is not all
 * digits, which the WHATWG URL standard would read as an IPv4 address and refuse); dotted IPv4 with four
 * decimal parts of at most 255; IPv6 in brackets, without a zone. A zone ({@code %eth0}) names an interface of the
 * machine that wrote the address, so it means nothing on the machine running Signpost.
 */
public final class HostSyntax {

    /** Why a host is refused. */
    public enum Flaw {
        EMPTY,
        ZONE_ID,
        BAD_IPV6,
        BAD_IPV4,
        NUMERIC_LAST_LABEL,
        BAD_LABEL,
        TOO_LONG,
        BAD_CHARACTER
    }

    public static final int MAX_NAME_LENGTH = 253;

    private static final String BUNDLE = "dev.signpost.core.net.messages";

    private static final Pattern IPV4_SHAPE = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private HostSyntax() {
    }

    /**
     * The flaw of a host as it appears in a URL authority (IPv6 in brackets), or empty when Signpost may connect
     * to it. A single trailing dot (the DNS root) is accepted.
     */
    public static Optional<Flaw> check(String host) {
        if (host == null || host.isEmpty()) {
            return Optional.of(Flaw.EMPTY);
        }
        if (host.startsWith("[")) {
            if (!host.endsWith("]")) {
                return Optional.of(Flaw.BAD_IPV6);
            }
            return ipv6(host.substring(1, host.length() - 1));
        }
        if (host.indexOf(':') >= 0) {
            return Optional.of(host.indexOf('%') >= 0 ? Flaw.ZONE_ID : Flaw.BAD_IPV6);
        }
        if (IPV4_SHAPE.matcher(host).matches()) {
            for (String part : host.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.of(Flaw.BAD_IPV4);
                }
            }
            return Optional.empty();
        }
        return dnsName(host);
    }

    /** True when {@link #check} finds nothing wrong. */
    public static boolean acceptable(String host) {
        return check(host).isEmpty();
    }

    private static Optional<Flaw> ipv6(String inner) {
        if (inner.indexOf('%') >= 0) {
            return Optional.of(Flaw.ZONE_ID);
        }
        if (!IPV6_CHARS.matcher(inner).matches() || inner.indexOf(':') < 0) {
            return Optional.of(Flaw.BAD_IPV6);
        }
        try {
            // Only hex digits, colons and dots reach here, so the JDK parses a literal and never asks DNS
            // (an IPv4-mapped address comes back as IPv4, which is still a valid literal).
            InetAddress.getByName(inner);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of(Flaw.BAD_IPV6);
        }
    }

    private static Optional<Flaw> dnsName(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.isEmpty()) {
            return Optional.of(Flaw.EMPTY);
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(Flaw.TOO_LONG);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '.');
            if (!ok) {
                return Optional.of(Flaw.BAD_CHARACTER);
            }
        }
        String[] labels = name.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of(Flaw.BAD_LABEL);
            }
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return Optional.of(Flaw.NUMERIC_LAST_LABEL);
        }
        return Optional.empty();
    }

    /** Why a host is refused, as a clause for a sentence, or null when it is acceptable. */
    public static String problem(String host, Locale locale) {
        Optional<Flaw> flaw = check(host);
        return flaw.map(f -> new Texts(BUNDLE, locale).get("host." + key(f), host)).orElse(null);
    }

    private static String key(Flaw flaw) {
        String[] words = flaw.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return out.toString();
    }
}
