package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one request over one connection: a response, or the phase and kind of failure.
 *
 * @param target        what was asked of which address
 * @param failure       null when a complete response arrived (a body longer than the cap counts, see
 *                      {@code bodyTruncated}); else what went wrong
 * @param failedPhase   the phase that failed, or null
 * @param errorDetail   technical detail of the failure, or null
 * @param statusCode    the status, or null
 * @param statusLine    the status line as received, or null
 * @param headers       response headers in order
 * @param body          the body, at most the cap
 * @param bodyTruncated true when the body was longer than the cap (reading stopped there)
 * @param peerChain     the certificates the server presented, leaf first (empty for http or before TLS)
 * @param tlsVersion    negotiated protocol, or null
 * @param cipherSuite   negotiated suite, or null
 * @param elapsed       time from connect to the end
 */
public record HttpResponse(
        HttpTarget target,
        Failure failure,
        Phase failedPhase,
        String errorDetail,
        Integer statusCode,
        String statusLine,
        List<Evidence.Header> headers,
        byte[] body,
        boolean bodyTruncated,
        List<X509Certificate> peerChain,
        String tlsVersion,
        String cipherSuite,
        Duration elapsed) {

    /** How much of the body goes into evidence. */
    public static final int EXCERPT_CHARS = 2_000;

    /** How many headers go into evidence; a person debugging delegation needs the first few dozen. */
    public static final int EVIDENCE_HEADERS = 40;

    /** How much of one header value goes into evidence. */
    public static final int EVIDENCE_HEADER_CHARS = 512;

    public HttpResponse {
        headers = List.copyOf(headers);
        peerChain = List.copyOf(peerChain);
        body = body == null ? new byte[0] : body;
    }

    /** Where a request can fail. */
    public enum Phase {
        CONNECT,
        TLS_HANDSHAKE,
        REQUEST,
        RESPONSE
    }

    /** What kind of failure it was. */
    public enum Failure {
        /** Nothing answered within the time allowed. */
        TIMEOUT,
        /** The address actively refused the connection. */
        REFUSED,
        /** No route to the address, or the network is unreachable. */
        UNREACHABLE,
        /** The TLS handshake failed (protocol, no common cipher, alert). */
        TLS,
        /** The connection closed before a complete response head arrived. */
        CLOSED,
        /** What came back was not HTTP/1.x. */
        PROTOCOL,
        /**
         * The head arrived but the body ended before its framing said it would: short of its Content-Length,
         * inside a chunk, or before the final chunk. The status and headers stay as evidence; nothing is judged
         * on a body that may be cut anywhere.
         */
        INCOMPLETE,
        /** The run was cancelled or its overall deadline passed. */
        CANCELLED,
        /** Any other I/O error. */
        IO
    }

    /** True when a whole response arrived. */
    public boolean responded() {
        return failure == null;
    }

    /** The first header with this name (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Evidence.Header::value)
                .findFirst();
    }

    /** The media type of Content-Type, lower-case and without parameters, or empty. */
    public String mediaType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Evidence for the report, with the URL as the person would read it. */
    public Evidence.Http evidence(String url) {
        String text = bodyText();
        boolean excerptCut = text.length() > EXCERPT_CHARS;
        String excerpt = excerptCut ? text.substring(0, EXCERPT_CHARS) : text;
        String error = failure == null ? null
                : failure.name().toLowerCase(Locale.ROOT) + " during " + failedPhase.name().toLowerCase(Locale.ROOT)
                + (errorDetail == null ? "" : ": " + errorDetail);
        return new Evidence.Http("GET", url, target.addressText(), target.address().getPort(), target.sniHost(),
                target.hostHeader(), statusCode, statusLine, evidenceHeaders(), excerpt, bodyTruncated || excerptCut,
                elapsed, error);
    }

    /**
     * The headers as kept in evidence: a server may send up to the head limit of them, and a report of many
     * addresses would carry each copy; decisions always use the full {@link #headers()}.
     */
    private List<Evidence.Header> evidenceHeaders() {
        List<Evidence.Header> kept = new java.util.ArrayList<>();
        for (Evidence.Header h : headers) {
            if (kept.size() == EVIDENCE_HEADERS) {
                kept.add(new Evidence.Header("…", (headers.size() - EVIDENCE_HEADERS) + " more headers not kept"));
                break;
            }
            String value = h.value();
            kept.add(value.length() <= EVIDENCE_HEADER_CHARS ? h
                    : new Evidence.Header(h.name(), value.substring(0, EVIDENCE_HEADER_CHARS) + "… ("
                            + value.length() + " characters)"));
        }
        return kept;
    }
}
