package dev.signpost.core.plan;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.text.Texts;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An absolute http(s) URL as the plan accepts it: a scheme, a host by the server-name grammar (IDN converted to
 * punycode), an optional port, and a path of plain characters. Queries, fragments, user info and any character a
 * web-server config could interpret (quotes, {@code $}, {@code ;}, braces, spaces) are refused, so a parsed URL
 * can be written into any config format as it is.
 *
 * @param scheme {@code https} or {@code http}, lower case
 * @param host   the ASCII host: punycode DNS name, IPv4, or IPv6 without brackets
 * @param ipv6   whether the host is an IPv6 literal (needs brackets in URLs and many configs)
 * @param port   the explicit port, or 0 when none was given
 * @param path   the path as typed, possibly empty; only {@code A-Z a-z 0-9 . _ ~ - /} and {@code %XX}
 */
public record WebUrl(String scheme, String host, boolean ipv6, int port, String path) {

    private static final Pattern SHAPE = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<authority>[^/?#]*)(?<path>[^?#]*)(?<rest>[?#].*)?",
            Pattern.DOTALL);
    private static final Pattern SAFE_PATH = Pattern.compile("(?:[A-Za-z0-9._~/-]|%[0-9A-Fa-f]{2})*");
    private static final String BUNDLE = "dev.signpost.core.plan.messages";

    /**
     * Parses {@code text} as a URL with one of the allowed schemes.
     *
     * @param allowHttp whether {@code http://} is acceptable (only for a local upstream)
     * @throws PlanValueException with a sentence saying what is wrong and how to fix it
     */
    public static WebUrl parse(String text, boolean allowHttp, Locale locale) throws PlanValueException {
        Texts texts = new Texts(BUNDLE, locale);
        if (text == null || text.isBlank()) {
            throw new PlanValueException(texts.get("url.empty"));
        }
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new PlanValueException(texts.get("url.whitespace", printable(trimmed)));
        }
        Matcher m = SHAPE.matcher(trimmed);
        if (!m.matches()) {
            throw new PlanValueException(texts.get("url.noScheme", trimmed));
        }
        String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowHttp) {
            throw new PlanValueException(texts.get("url.http", trimmed));
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new PlanValueException(texts.get("url.scheme", trimmed));
        }
        if (m.group("rest") != null) {
            throw new PlanValueException(texts.get("url.query", trimmed));
        }
        String authority = m.group("authority");
        if (authority.indexOf('@') >= 0) {
            throw new PlanValueException(texts.get("url.userInfo", trimmed));
        }
        if (authority.isEmpty()) {
            throw new PlanValueException(texts.get("url.noHost", trimmed));
        }
        ServerName host;
        try {
            host = ServerName.parse(authority, locale);
        } catch (InvalidServerNameException e) {
            throw new PlanValueException(texts.get("url.badHost", trimmed, e.getMessage()));
        }
        String path = m.group("path");
        if (!SAFE_PATH.matcher(path).matches()) {
            throw new PlanValueException(texts.get("url.badPath", trimmed));
        }
        return new WebUrl(scheme, host.host(), host.type() == ServerName.HostType.IPV6, host.port(), path);
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    /** The host as it appears in a URL: IPv6 in brackets. */
    public String hostForUrl() {
        return ipv6 ? "[" + host + "]" : host;
    }

    /** The port a client connects to: the explicit one or the scheme's default. */
    public int effectivePort() {
        if (port != 0) {
            return port;
        }
        return scheme.equals("https") ? 443 : 80;
    }

    /** {@code host[:port]} with brackets around IPv6, as written in the URL. */
    public String authority() {
        return port == 0 ? hostForUrl() : hostForUrl() + ":" + port;
    }

    /** The normalised URL: lower-case scheme, punycode host, the path as given. */
    @Override
    public String toString() {
        return scheme + "://" + authority() + path;
    }
}
