package dev.signpost.core.net;

import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

/**
 * Asks one public resolver over DNS-over-HTTPS (RFC 8484, GET with {@code ?dns=}), through Signpost's own
 * {@link HttpsClient}: the same timeouts, cancellation, {@code --resolve} overrides and trust ({@code --ca-file}) as
 * every other request. An answer counts only over a certificate that is trusted and valid for the resolver's name:
 * what an untrusted server says about DNS is not what remote servers see.
 */
public final class DohClient {

    /** The largest answer read; DNS messages end at 64 KiB. */
    static final int MAX_ANSWER_BYTES = 65_535;

    static final String MEDIA_TYPE = "application/dns-message";

    /** Why a resolver gave no usable answer. */
    public enum Problem {
        /** Its own name could not be resolved, or nothing answered at its address. */
        UNREACHABLE,
        /** No answer within the time allowed. */
        TIMEOUT,
        /** The run was stopped. */
        CANCELLED,
        /** Its certificate is not trusted or not valid for its name. */
        UNTRUSTED,
        /** It answered with an HTTP status other than 200. */
        HTTP_STATUS,
        /** What it sent is no DNS answer to the question. */
        NOT_DNS
    }

    /**
     * One question's outcome: the answer, or why there is none.
     *
     * @param answer  the resolver's answer (its rcode may be SERVFAIL…), or null
     * @param problem why there is no answer, or null
     * @param detail  the technical detail of the problem (a status line, an error message), or null
     */
    public record Result(DnsAnswer answer, Problem problem, String detail) {

        static Result failed(Problem problem, String detail) {
            return new Result(null, problem, detail);
        }
    }

    /** Where the resolver was found: its address, or why none. */
    public record Endpoint(InetSocketAddress address, Problem problem, String detail) {
    }

    private final URI uri;
    private final HttpsClient http;
    private final CertificateValidator certificates;
    private final ResolveOverrides overrides;
    private final DnsClient bootstrap;

    /**
     * @param uri          an https URL accepted by {@link #endpoint(String)}
     * @param bootstrap    resolves the resolver's own name (the system's resolvers)
     */
    public DohClient(URI uri, HttpsClient http, CertificateValidator certificates, ResolveOverrides overrides,
                     DnsClient bootstrap) {
        this.uri = uri;
        this.http = http;
        this.certificates = certificates;
        this.overrides = overrides;
        this.bootstrap = bootstrap;
    }

    /**
     * Parses a resolver URL as typed: {@code https://}, a host, an optional port and path, no user info or fragment.
     *
     * @throws IllegalArgumentException when it is not such a URL
     */
    public static URI endpoint(String text) {
        URI parsed;
        try {
            parsed = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + text, e);
        }
        if (!"https".equalsIgnoreCase(parsed.getScheme()) || parsed.getHost() == null
                || parsed.getRawUserInfo() != null || parsed.getRawFragment() != null) {
            throw new IllegalArgumentException("not an https URL with a host: " + text);
        }
        return parsed;
    }

    /** The resolver's URL, as shown in the report. */
    public String url() {
        return uri.toString();
    }

    private String host() {
        String host = uri.getHost();
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        return (bracketed ? host.substring(1, host.length() - 1) : host).toLowerCase(Locale.ROOT);
    }

    private int port() {
        return uri.getPort() < 0 ? 443 : uri.getPort();
    }

    /** Finds the resolver's address: an IP literal, a {@code --resolve} entry, or the system's resolvers. */
    public Endpoint locate(CancelToken cancel, Instant deadline) {
        String host = host();
        if (CertificateValidator.isIpLiteral(host)) {
            InetAddress ip = ResolveOverrides.literal(host, host);
            InetSocketAddress direct = new InetSocketAddress(ip, port());
            return new Endpoint(overrides.lookup(IpText.format(ip), port()).orElse(direct), null, null);
        }
        var override = overrides.lookup(host, port());
        if (override.isPresent()) {
            return new Endpoint(override.get(), null, null);
        }
        for (int type : new int[] {Type.A, Type.AAAA}) {
            DnsAnswer answer = bootstrap.query(host, type, cancel, deadline);
            if (!answer.addresses().isEmpty()) {
                InetAddress ip = answer.addresses().get(0);
                return new Endpoint(overrides.lookup(IpText.format(ip), port())
                        .orElse(new InetSocketAddress(ip, port())), null, null);
            }
            if (DnsAnswer.TIMEOUT.equals(answer.rcode())) {
                return new Endpoint(null, Problem.TIMEOUT, host + ": " + answer.error());
            }
        }
        return new Endpoint(null, Problem.UNREACHABLE, host + ": no address");
    }

    /** Asks the resolver at {@code endpoint} for {@code type} records of {@code name}. Never throws for bad answers. */
    public Result query(Endpoint endpoint, String name, int type, CancelToken cancel, Instant deadline) {
        if (endpoint.address() == null) {
            return Result.failed(endpoint.problem(), endpoint.detail());
        }
        String dns;
        try {
            dns = DohMessages.queryParameter(name, type);
        } catch (IllegalArgumentException e) {
            return Result.failed(Problem.NOT_DNS, e.getMessage());
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "?" : "?" + uri.getRawQuery() + "&") + "dns=" + dns;
        String host = host();
        boolean literal = CertificateValidator.isIpLiteral(host);
        String hostHeader = (literal && host.indexOf(':') >= 0 ? "[" + host + "]" : host)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        HttpTarget target = new HttpTarget(true, endpoint.address(), literal ? null : host, hostHeader, path);
        HttpResponse response = http.get(target, MEDIA_TYPE, MAX_ANSWER_BYTES, cancel, deadline);
        if (!response.responded()) {
            Problem problem = switch (response.failure()) {
                case TIMEOUT -> Problem.TIMEOUT;
                case CANCELLED -> Problem.CANCELLED;
                default -> Problem.UNREACHABLE;
            };
            return Result.failed(problem, response.errorDetail());
        }
        CertificateVerdict verdict = certificates.validate(response.peerChain(), host, Instant.now(),
                response.tlsVersion(), response.cipherSuite());
        if (!verdict.ok()) {
            return Result.failed(Problem.UNTRUSTED, verdict.trust() + (verdict.nameMatches() ? "" : ", not valid for "
                    + host) + (verdict.validity() == CertificateVerdict.Validity.VALID ? "" : ", " + verdict.validity()));
        }
        if (response.statusCode() != 200) {
            return Result.failed(Problem.HTTP_STATUS, shortLine(response.statusLine()));
        }
        if (response.bodyTruncated()) {
            return Result.failed(Problem.NOT_DNS, "an answer larger than a DNS message");
        }
        if (!MEDIA_TYPE.equals(response.mediaType())) {
            return Result.failed(Problem.NOT_DNS, "Content-Type: " + response.header("Content-Type").orElse("none"));
        }
        try {
            return new Result(DohMessages.parse(response.body(), name, type, url(), response.elapsed()), null, null);
        } catch (DohMessages.NotDnsException e) {
            return Result.failed(Problem.NOT_DNS, e.getMessage());
        }
    }

    /** A line of network text as it may be shown: one line, control characters neutralised, at most 200 chars. */
    private static String shortLine(String text) {
        String line = dev.signpost.core.text.SafeText.oneLine(text == null ? "" : text);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
