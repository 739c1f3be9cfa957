package dev.signpost.testkit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A public resolver on loopback: DNS-over-HTTPS (RFC 8484) over HTTPS with a certificate of the given {@link TestCa},
 * answering GET ({@code ?dns=} base64url) and POST ({@code application/dns-message} body) on {@link #PATH} from its
 * own zone ({@link #zone()}, a {@link TestDnsServer} whose records and {@code servfail}/{@code drop} behave as there).
 * {@link #mode(Mode)} makes it misbehave the ways a resolver on the internet can. The certificate is valid for
 * {@code 127.0.0.1} and {@link #NAME}, so {@link #url()} works without any {@code --resolve} entry.
 */
public final class TestDohServer implements AutoCloseable {

    /** The path answered, as the large public resolvers use it. */
    public static final String PATH = "/dns-query";

    /** A name the certificate is valid for too, for tests that reach the resolver by name. */
    public static final String NAME = "doh.test";

    private static final String MEDIA_TYPE = "application/dns-message";

    /** How it answers. */
    public enum Mode {
        /** RFC 8484 answers from the zone. */
        ANSWER,
        /** {@code 500 Internal Server Error} for everything. */
        ERROR_500,
        /** {@code 200} with {@code application/dns-message} and bytes that are no DNS message. */
        GARBAGE,
        /** An HTML page, as a captive portal or a wrong URL gives. */
        HTML,
        /** Accepts the request and never answers. */
        HANG
    }

    private final TestDnsServer zone = new TestDnsServer();
    private final TestHttpsServer https;
    private volatile Mode mode = Mode.ANSWER;

    /** Starts on 127.0.0.1 with a leaf of {@code ca}. */
    public TestDohServer(TestCa ca) {
        https = new TestHttpsServer(ca.leaf("127.0.0.1", NAME));
        https.route("*", PATH, this::respond);
    }

    /** The zone answered from; add records here. */
    public TestDnsServer zone() {
        return zone;
    }

    /** Changes how it answers from now on. */
    public TestDohServer mode(Mode value) {
        mode = value;
        return this;
    }

    /** {@code https://127.0.0.1:P/dns-query}. */
    public String url() {
        return "https://" + https.hostPort() + PATH;
    }

    /** {@code https://doh.test:P/dns-query}; needs {@link #resolveEntry()} as a {@code --resolve} entry. */
    public String namedUrl() {
        return "https://" + NAME + ":" + https.port() + PATH;
    }

    /** {@code doh.test:P:127.0.0.1:P}, the {@code --resolve} entry for {@link #namedUrl()}. */
    public String resolveEntry() {
        return NAME + ":" + https.port() + ":" + https.hostPort();
    }

    /** Where it listens, for a proxy in front of it. */
    public InetSocketAddress address() {
        return https.address();
    }

    /** Every TLS handshake it saw, in order. */
    public List<TestHttpsServer.Handshake> handshakes() {
        return https.handshakes();
    }

    /** Forgets the requests, handshakes and questions seen so far. */
    public void clearRecords() {
        https.clearRecords();
        zone.clearQueries();
    }

    /** Every request received, in order (GET and POST, answered or not). */
    public List<RecordedRequest> requests() {
        return https.requests(PATH);
    }

    /** The questions asked, as {@code "name TYPE"} (see {@link TestDnsServer#queries()}). */
    public List<String> queries() {
        return zone.queries();
    }

    private Response respond(RecordedRequest request) {
        switch (mode) {
            case ERROR_500:
                return Response.status(500).withHeader("Content-Type", "text/plain").withBody("resolver broken");
            case GARBAGE:
                return Response.status(200).withHeader("Content-Type", MEDIA_TYPE)
                        .withBody(new byte[] {0x13, 0x37, 0x00, 0x01, (byte) 0xff});
            case HTML:
                return Response.html("<!doctype html><title>Sign in to the Wi-Fi</title>");
            case HANG:
                // The hang is the behaviour under test; the client's own limit must end it.
                return Response.status(200).withDelay(Duration.ofMinutes(5));
            default:
                break;
        }
        byte[] query = query(request);
        if (query == null) {
            return Response.status(400).withHeader("Content-Type", "text/plain").withBody("no DNS query");
        }
        byte[] answer = zone.answer(query);
        if (answer == null) {
            return Response.status(400).withHeader("Content-Type", "text/plain").withBody("not a DNS query");
        }
        return Response.status(200).withHeader("Content-Type", MEDIA_TYPE).withBody(answer);
    }

    private static byte[] query(RecordedRequest request) {
        if ("POST".equals(request.method())) {
            String type = request.header("Content-Type");
            return type != null && type.strip().equalsIgnoreCase(MEDIA_TYPE) ? request.body() : null;
        }
        if (!"GET".equals(request.method())) {
            return null;
        }
        int start = request.target().indexOf('?');
        if (start < 0) {
            return null;
        }
        for (String pair : request.target().substring(start + 1).split("&")) {
            Map.Entry<String, String> kv = pair.indexOf('=') < 0 ? Map.entry(pair, "")
                    : Map.entry(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            if (kv.getKey().equals("dns")) {
                try {
                    return Base64.getUrlDecoder().decode(kv.getValue());
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        https.close();
        zone.close();
    }
}
