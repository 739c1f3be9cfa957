package dev.signpost.core.matrix;

import dev.signpost.core.text.Texts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A Matrix server name, {@code hostname[:port]}, parsed by the grammar of the spec's appendices.
 *
 * <p>The same grammar applies to {@code m.server} values in {@code /.well-known/matrix/server}, so
 * {@link #parse(String, Locale)} also explains the common mistakes found there (a scheme, a path).
 * Internationalised names are kept as typed in {@link #original()} and converted to punycode in
 * {@link #host()}, which is what DNS is asked; the conversion follows UTS #46 (IDNA2008), as registries and
 * browsers do, not the JDK's IDNA2003.
 *
 * @param original the text as given, trimmed
 * @param host     the host: punycode DNS name, dotted IPv4, or IPv6 without brackets
 * @param port     the explicit port, or 0 when none was given
 * @param type     what kind of host this is
 */
public record ServerName(String original, String host, int port, HostType type) {

    /** The three forms a server name's host may take. */
    public enum HostType {
        DNS,
        IPV4,
        IPV6
    }

    /** The grammar's limit on a DNS name (dns-name = 1*255dns-char). */
    public static final int MAX_DNS_NAME_LENGTH = 255;

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern DNS_CHARS = Pattern.compile("[0-9A-Za-z.-]+");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
    private static final String BUNDLE = "dev.signpost.core.matrix.messages";

    /**
     * Parses a server name.
     *
     * @param text   what the user typed or a server sent
     * @param locale the language of the error message
     * @throws InvalidServerNameException with a sentence saying what is wrong and how to fix it
     */
    public static ServerName parse(String text, Locale locale) throws InvalidServerNameException {
        Texts texts = new Texts(BUNDLE, locale);
        if (text == null || text.isBlank()) {
            throw new InvalidServerNameException(texts.get("serverName.empty"));
        }
        String trimmed = text.strip();
        if (trimmed.contains("://")) {
            throw new InvalidServerNameException(texts.get("serverName.scheme", trimmed));
        }
        if (trimmed.indexOf('/') >= 0 || trimmed.indexOf('?') >= 0 || trimmed.indexOf('#') >= 0) {
            throw new InvalidServerNameException(texts.get("serverName.path", trimmed));
        }
        if (trimmed.indexOf('@') >= 0) {
            throw new InvalidServerNameException(texts.get("serverName.userId", trimmed));
        }
        if (trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidServerNameException(texts.get("serverName.whitespace", trimmed));
        }
        if (trimmed.startsWith("[")) {
            return parseBracketedIpv6(trimmed, texts);
        }
        int colon = trimmed.lastIndexOf(':');
        if (colon >= 0 && trimmed.indexOf(':') != colon) {
            throw new InvalidServerNameException(texts.get("serverName.ipv6NoBrackets", trimmed));
        }
        String hostPart = colon >= 0 ? trimmed.substring(0, colon) : trimmed;
        int port = colon >= 0 ? parsePort(trimmed.substring(colon + 1), trimmed, texts) : 0;
        if (hostPart.isEmpty()) {
            throw new InvalidServerNameException(texts.get("serverName.noHost", trimmed));
        }
        if (IPV4.matcher(hostPart).matches()) {
            for (String octet : hostPart.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new InvalidServerNameException(texts.get("serverName.badIpv4", hostPart));
                }
            }
            return new ServerName(trimmed, hostPart, port, HostType.IPV4);
        }
        return new ServerName(trimmed, toAsciiDnsName(hostPart, texts), port, HostType.DNS);
    }

    private static ServerName parseBracketedIpv6(String trimmed, Texts texts) throws InvalidServerNameException {
        int close = trimmed.indexOf(']');
        if (close < 0) {
            throw new InvalidServerNameException(texts.get("serverName.unclosedBracket", trimmed));
        }
        String inner = trimmed.substring(1, close);
        String rest = trimmed.substring(close + 1);
        int port = 0;
        if (!rest.isEmpty()) {
            if (!rest.startsWith(":")) {
                throw new InvalidServerNameException(texts.get("serverName.afterBracket", trimmed));
            }
            port = parsePort(rest.substring(1), trimmed, texts);
        }
        if (!IPV6_CHARS.matcher(inner).matches() || inner.indexOf(':') < 0 || !isIpv6Literal(inner)) {
            throw new InvalidServerNameException(texts.get("serverName.badIpv6", inner));
        }
        return new ServerName(trimmed, inner, port, HostType.IPV6);
    }

    private static boolean isIpv6Literal(String inner) {
        try {
            // Contains ':' so the JDK parses it as a literal and never asks DNS.
            return InetAddress.getByName(inner).getAddress().length == 16;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static int parsePort(String digits, String whole, Texts texts) throws InvalidServerNameException {
        if (!DIGITS.matcher(digits).matches()) {
            throw new InvalidServerNameException(texts.get("serverName.badPort", digits, whole));
        }
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new InvalidServerNameException(texts.get("serverName.portRange", digits));
        }
        return port;
    }

    private static String toAsciiDnsName(String hostPart, Texts texts) throws InvalidServerNameException {
        if (hostPart.endsWith(".")) {
            throw new InvalidServerNameException(texts.get("serverName.trailingDot", hostPart));
        }
        IdnaConversion.Result converted = IdnaConversion.toAscii(hostPart);
        if (!converted.ok()) {
            throw new InvalidServerNameException(texts.get(converted.failure().key, hostPart));
        }
        String ascii = converted.ascii();
        if (ascii.endsWith(".")) {
            throw new InvalidServerNameException(texts.get("serverName.trailingDot", hostPart));
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DNS_NAME_LENGTH || !DNS_CHARS.matcher(ascii).matches()) {
            throw new InvalidServerNameException(texts.get("serverName.badDnsName", hostPart));
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) {
                throw new InvalidServerNameException(texts.get("serverName.badLabel", hostPart));
            }
        }
        return ascii;
    }

    /** True when a port was given explicitly. */
    public boolean hasPort() {
        return port != 0;
    }

    /** The explicit port, if any. */
    public OptionalInt explicitPort() {
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** True for IPv4 and IPv6 literals. */
    public boolean isIpLiteral() {
        return type != HostType.DNS;
    }

    /** The host as it goes into a URL authority: IPv6 in brackets. */
    public String hostForUrl() {
        return type == HostType.IPV6 ? "[" + host + "]" : host;
    }

    /** {@code host[:port]} in ASCII, brackets around IPv6: the spec's Host header for this name. */
    public String authority() {
        return hasPort() ? hostForUrl() + ":" + port : hostForUrl();
    }

    /** True when the user typed an internationalised name that differs from its punycode form. */
    public boolean isInternationalised() {
        return type == HostType.DNS && !original.toLowerCase(Locale.ROOT).startsWith(host.toLowerCase(Locale.ROOT));
    }

    /**
     * The ASCII name that IDNA2003 software (the JDK, older libraries) would make of this name when it differs
     * from {@link #host()}, as for {@code faß.de} ({@code fass.de}, a different domain); empty when they agree.
     */
    public Optional<String> legacyIdnaHost() {
        if (type != HostType.DNS || !isInternationalised()) {
            return Optional.empty();
        }
        int colon = original.lastIndexOf(':');
        String hostPart = colon >= 0 ? original.substring(0, colon) : original;
        return IdnaConversion.legacyAscii(hostPart, host);
    }

    /** True when a label of this internationalised name mixes scripts, so it can pass for another name. */
    public boolean mixesScripts() {
        return type == HostType.DNS && isInternationalised() && IdnaConversion.mixesScripts(original);
    }

    @Override
    public String toString() {
        return original;
    }
}
