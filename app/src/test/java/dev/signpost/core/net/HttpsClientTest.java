package dev.signpost.core.net;

import dev.signpost.testkit.Await;
import dev.signpost.testkit.HangingServer;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestCa;
import dev.signpost.testkit.TestHttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP/1.1 client against real sockets on loopback: framing, caps, SNI/Host, timeouts, cancel. */
class HttpsClientTest {

    private static TestCa ca;
    private static TestHttpsServer server;
    private static final ExecutorService RAW = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-http-test");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void start() {
        ca = new TestCa();
        server = new TestHttpsServer(ca.leaf("127.0.0.1", "localhost"));
        server.certificate("example.com", ca.leaf("example.com"));
        server.route("example.com", "/hello", Response.json("{\"ok\":true}"));
        server.route("example.com", "/large", Response.large(100_000));
    }

    @AfterAll
    static void stop() {
        server.close();
        ca.close();
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(10);
    }

    @Test
    void sendsTheChosenSniAndHostToTheChosenAddress() {
        HttpsClient client = new HttpsClient(Duration.ofSeconds(5), "Signpost-test/1");
        HttpTarget target = new HttpTarget(true, server.address(), "example.com", "example.com", "/hello");
        HttpResponse r = client.get(target, 51_200, new CancelToken(), soon());
        assertThat(r.responded()).isTrue();
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(r.mediaType()).isEqualTo("application/json");
        assertThat(r.peerChain()).isNotEmpty();
        assertThat(CertificateValidator.matchesName(r.peerChain().get(0), "example.com")).isTrue();
        assertThat(r.tlsVersion()).isIn("TLSv1.3", "TLSv1.2");
        var recorded = server.requests("/hello").get(server.requests("/hello").size() - 1);
        assertThat(recorded.sni()).isEqualTo("example.com");
        assertThat(recorded.host()).isEqualTo("example.com");
        assertThat(recorded.header("User-Agent")).isEqualTo("Signpost-test/1");
    }

    @Test
    void sendsNoSniForIpLiterals() {
        HttpsClient client = new HttpsClient(Duration.ofSeconds(5), "t");
        server.clearRecords();
        HttpResponse r = client.get(new HttpTarget(true, server.address(), null, "127.0.0.1:8448", "/x"), 1000,
                new CancelToken(), soon());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(server.handshakes()).isNotEmpty();
        assertThat(server.handshakes().get(0).sni()).isNull();
        assertThat(server.requests().get(0).host()).isEqualTo("127.0.0.1:8448");
    }

    @Test
    void capsTheBodyAndSaysSo() {
        HttpsClient client = new HttpsClient(Duration.ofSeconds(5), "t");
        HttpResponse r = client.get(new HttpTarget(true, server.address(), "example.com", "example.com", "/large"),
                51_200, new CancelToken(), soon());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.bodyTruncated()).isTrue();
        assertThat(r.body()).hasSize(51_200);
    }

    @Test
    void decodesChunkedBodiesAndSkipsInterimResponses() throws IOException {
        String raw = "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                + "4\r\n{\"a\"\r\n5;ext=1\r\n:1234\r\n1\r\n}\r\n0\r\n\r\n";
        try (ServerSocket raws = rawServer(raw)) {
            HttpResponse r = plainGet(raws, 1000);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("{\"a\":1234}");
            assertThat(r.bodyTruncated()).isFalse();
        }
    }

    @Test
    void readsContentLengthBodiesExactly() throws IOException {
        String raw = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloTRAILING-GARBAGE";
        try (ServerSocket raws = rawServer(raw)) {
            HttpResponse r = plainGet(raws, 1000);
            assertThat(r.bodyText()).isEqualTo("hello");
        }
    }

    @Test
    void capsChunkedBodiesToo() throws IOException {
        String chunk = "a".repeat(4000);
        StringBuilder raw = new StringBuilder("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 5; i++) {
            raw.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        raw.append("0\r\n\r\n");
        try (ServerSocket raws = rawServer(raw.toString())) {
            HttpResponse r = plainGet(raws, 10_000);
            assertThat(r.bodyTruncated()).isTrue();
            assertThat(r.body()).hasSize(10_000);
        }
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cutBodies() {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("short of Content-Length",
                        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"m.server\":\"a.example:443\"}",
                        "after 28 of the 100 bytes"),
                org.junit.jupiter.params.provider.Arguments.of("inside a chunk",
                        chunked + "40\r\n{\"m.server\":\"a\"}", "inside a chunk"),
                org.junit.jupiter.params.provider.Arguments.of("before the final chunk",
                        chunked + "2\r\n{}\r\n", "before the final (zero-size) chunk"),
                org.junit.jupiter.params.provider.Arguments.of("right after a chunk's data",
                        chunked + "2\r\n{}", "before the final (zero-size) chunk"));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("cutBodies")
    void aBodyThatEndsBeforeItsFramingSaysIsAFailedResponse(String label, String raw, String reason)
            throws IOException {
        try (ServerSocket raws = rawServer(raw)) {
            HttpResponse r = plainGet(raws, 10_000);
            assertThat(r.responded()).as(label).isFalse();
            assertThat(r.failure()).isEqualTo(HttpResponse.Failure.INCOMPLETE);
            assertThat(r.failedPhase()).isEqualTo(HttpResponse.Phase.RESPONSE);
            assertThat(r.errorDetail()).contains(reason);
            assertThat(r.statusCode()).as("the head stays as evidence").isEqualTo(200);
            assertThat(r.evidence("http://raw.example/").error()).contains("incomplete");
        }
    }

    @Test
    void completeBodiesStillPass() throws IOException {
        String body = "{\"m.server\":\"a.example:443\"}";
        try (ServerSocket raws = rawServer("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)) {
            HttpResponse r = plainGet(raws, 10_000);
            assertThat(r.responded()).isTrue();
            assertThat(r.bodyText()).isEqualTo(body);
        }
        try (ServerSocket raws = rawServer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")) {
            HttpResponse r = plainGet(raws, 10_000);
            assertThat(r.responded()).isTrue();
            assertThat(r.bodyText()).isEqualTo("{}");
        }
        try (ServerSocket raws = rawServer("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{}")) {
            assertThat(plainGet(raws, 10_000).bodyText()).as("no framing: read to the end").isEqualTo("{}");
        }
    }

    @Test
    void evidenceKeepsWhatAPersonNeedsOfHugeHeadersWhileDecisionsSeeThemAll() throws IOException {
        StringBuilder raw = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i < 60; i++) {
            raw.append("X-Filler-").append(i).append(": ").append("v".repeat(900)).append("\r\n");
        }
        raw.append("Access-Control-Allow-Origin: *\r\nContent-Length: 2\r\n\r\n{}");
        try (ServerSocket raws = rawServer(raw.toString())) {
            HttpResponse r = plainGet(raws, 10_000);
            assertThat(r.responded()).isTrue();
            assertThat(r.header("Access-Control-Allow-Origin")).contains("*");
            var evidence = r.evidence("http://raw.example/").responseHeaders();
            assertThat(evidence).hasSize(HttpResponse.EVIDENCE_HEADERS + 1);
            assertThat(evidence.get(0).value()).hasSizeLessThan(HttpResponse.EVIDENCE_HEADER_CHARS + 40)
                    .endsWith("(900 characters)");
            assertThat(evidence.get(HttpResponse.EVIDENCE_HEADERS).value()).isEqualTo("22 more headers not kept");
            int kept = evidence.stream().mapToInt(h -> h.name().length() + h.value().length()).sum();
            assertThat(kept).as("evidence bytes of a 55 KB head").isLessThan(25_000);
        }
    }

    @Test
    void reportsNonHttpAnswersAsProtocolErrors() throws IOException {
        try (ServerSocket raws = rawServer("SSH-2.0-OpenSSH_9.2\r\n")) {
            HttpResponse r = plainGet(raws, 1000);
            assertThat(r.failure()).isEqualTo(HttpResponse.Failure.PROTOCOL);
            assertThat(r.failedPhase()).isEqualTo(HttpResponse.Phase.RESPONSE);
        }
    }

    @Test
    void refusedConnectionsAreNamed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpsClient client = new HttpsClient(Duration.ofSeconds(2), "t");
        HttpResponse r = client.get(new HttpTarget(true, new InetSocketAddress("127.0.0.1", port), "a.example",
                "a.example", "/"), 1000, new CancelToken(), soon());
        assertThat(r.failure()).isEqualTo(HttpResponse.Failure.REFUSED);
        assertThat(r.failedPhase()).isEqualTo(HttpResponse.Phase.CONNECT);
    }

    @Test
    void aServerThatNeverAnswersTimesOutInTheHandshake() {
        try (HangingServer hanging = HangingServer.plain()) {
            HttpsClient client = new HttpsClient(Duration.ofMillis(500), "t");
            long start = System.nanoTime();
            HttpResponse r = client.get(new HttpTarget(true, hanging.address(), "a.example", "a.example", "/"), 1000,
                    new CancelToken(), soon());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.failure()).isEqualTo(HttpResponse.Failure.TIMEOUT);
            assertThat(r.failedPhase()).isEqualTo(HttpResponse.Phase.TLS_HANDSHAKE);
            assertThat(ms).isBetween(400L, 3000L);
        }
    }

    @Test
    void aServerThatHangsAfterTlsTimesOutWaitingForTheResponse() {
        try (HangingServer hanging = HangingServer.afterTls(ca.leaf("a.example"))) {
            HttpsClient client = new HttpsClient(Duration.ofMillis(500), "t");
            HttpResponse r = client.get(new HttpTarget(true, hanging.address(), "a.example", "a.example", "/"), 1000,
                    new CancelToken(), soon());
            assertThat(r.failure()).isEqualTo(HttpResponse.Failure.TIMEOUT);
            assertThat(r.failedPhase()).isEqualTo(HttpResponse.Phase.RESPONSE);
            assertThat(r.peerChain()).isNotEmpty();
        }
    }

    @Test
    void theDeadlineBoundsTheWholeExchange() {
        try (HangingServer hanging = HangingServer.afterTls(ca.leaf("a.example"))) {
            HttpsClient client = new HttpsClient(Duration.ofSeconds(30), "t");
            long start = System.nanoTime();
            HttpResponse r = client.get(new HttpTarget(true, hanging.address(), "a.example", "a.example", "/"), 1000,
                    new CancelToken(), Instant.now().plusMillis(700));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.failure()).isEqualTo(HttpResponse.Failure.TIMEOUT);
            assertThat(ms).isLessThan(3000L);
        }
    }

    @Test
    void cancellingClosesTheSocketPromptly() throws Exception {
        try (HangingServer hanging = HangingServer.afterTls(ca.leaf("a.example"))) {
            HttpsClient client = new HttpsClient(Duration.ofSeconds(30), "t");
            CancelToken cancel = new CancelToken();
            var future = java.util.concurrent.CompletableFuture.supplyAsync(() -> client.get(
                    new HttpTarget(true, hanging.address(), "a.example", "a.example", "/"), 1000, cancel,
                    Instant.now().plusSeconds(60)), RAW);
            Await.until(Duration.ofSeconds(10), "the request waits for its answer", () -> hanging.handshakes() > 0);
            long start = System.nanoTime();
            cancel.cancel();
            HttpResponse r = future.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000L);
            assertThat(r.failure()).isEqualTo(HttpResponse.Failure.CANCELLED);
            Await.until(Duration.ofSeconds(2), "the socket is closed", () -> hanging.hungUp() == 1);
        }
    }

    private static HttpResponse plainGet(ServerSocket raws, int cap) {
        HttpsClient client = new HttpsClient(Duration.ofSeconds(5), "t");
        return client.get(new HttpTarget(false, new InetSocketAddress("127.0.0.1", raws.getLocalPort()), null,
                "raw.example", "/"), cap, new CancelToken(), soon());
    }

    /** A one-shot plain server that reads the request head and writes {@code raw}. */
    private static ServerSocket rawServer(String raw) throws IOException {
        ServerSocket s = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
        RAW.execute(() -> {
            try (Socket c = s.accept()) {
                InputStream in = c.getInputStream();
                int state = 0;
                while (state < 4) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    state = (b == '\r' || b == '\n') ? state + 1 : 0;
                }
                OutputStream out = c.getOutputStream();
                out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException ignored) {
                // the test sees the outcome on the client side
            }
        });
        return s;
    }
}
