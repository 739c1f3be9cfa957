package dev.signpost.core.net;

import dev.signpost.testkit.TestCa;
import dev.signpost.testkit.TestDohServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The DNS-over-HTTPS client against the test kit's resolver on loopback, answering and misbehaving. */
class DohClientTest {

    private static TestCa ca;

    @BeforeAll
    static void makeCa() {
        ca = new TestCa();
    }

    @AfterAll
    static void closeCa() {
        ca.close();
    }

    private static DohClient client(String url, boolean trustTestCa, Map<String, String> resolve, Duration timeout)
            throws IOException {
        TrustAnchors anchors = TrustAnchors.load(trustTestCa ? List.of(ca.rootPemFile()) : List.of());
        return new DohClient(DohClient.endpoint(url), new HttpsClient(timeout, "signpost-test"),
                new CertificateValidator(anchors), new ResolveOverrides(resolve),
                new DnsClient(null, timeout));
    }

    private static DohClient.Result ask(DohClient client, String name, int type, Instant deadline) {
        CancelToken cancel = new CancelToken();
        return client.query(client.locate(cancel, deadline), name, type, cancel, deadline);
    }

    @Test
    void answersAddressesCnamesAndSrvOverGet() throws Exception {
        try (TestDohServer doh = new TestDohServer(ca)) {
            doh.zone().cname("www.example.com", "host.example.com").a("host.example.com", "203.0.113.7")
                    .srv("_matrix-fed._tcp.example.com", 10, 5, 8448, "host.example.com");
            DohClient client = client(doh.url(), true, Map.of(), Duration.ofSeconds(5));
            Instant deadline = Instant.now().plusSeconds(10);

            DohClient.Result a = ask(client, "WWW.example.com.", Type.A, deadline);
            assertThat(a.problem()).isNull();
            assertThat(a.answer().addresses()).containsExactly(InetAddress.getByName("203.0.113.7"));
            assertThat(a.answer().cnameChain()).containsExactly("host.example.com");
            assertThat(a.answer().server()).isEqualTo(doh.url());
            assertThat(a.answer().exchanges().get(0).records()).hasSize(2);

            DohClient.Result srv = ask(client, "_matrix-fed._tcp.example.com", Type.SRV, deadline);
            assertThat(srv.answer().srv()).singleElement()
                    .satisfies(e -> assertThat(e.target() + ":" + e.port()).isEqualTo("host.example.com:8448"));

            DohClient.Result none = ask(client, "nothing.example.com", Type.AAAA, deadline);
            assertThat(none.answer().rcode()).isEqualTo(DnsAnswer.NXDOMAIN);
            assertThat(none.answer().addresses()).isEmpty();

            assertThat(doh.requests()).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("GET");
                assertThat(r.header("Accept")).isEqualTo("application/dns-message");
            });
            assertThat(doh.queries()).contains("www.example.com A", "_matrix-fed._tcp.example.com SRV");
        }
    }

    @Test
    void reachesAResolverByNameThroughAResolveOverride() throws Exception {
        try (TestDohServer doh = new TestDohServer(ca)) {
            doh.zone().a("example.com", "203.0.113.8");
            String[] entry = ResolveOverrides.parseEntry(doh.resolveEntry());
            DohClient client = client(doh.namedUrl(), true, Map.of(entry[0], entry[1]), Duration.ofSeconds(5));
            DohClient.Result a = ask(client, "example.com", Type.A, Instant.now().plusSeconds(10));
            assertThat(a.answer().addresses()).containsExactly(InetAddress.getByName("203.0.113.8"));
            assertThat(doh.requests().get(0).sni()).isEqualTo(TestDohServer.NAME);
        }
    }

    @Test
    void refusesAnswersBehindAnUntrustedCertificate() throws Exception {
        try (TestDohServer doh = new TestDohServer(ca)) {
            doh.zone().a("example.com", "203.0.113.8");
            DohClient.Result a = ask(client(doh.url(), false, Map.of(), Duration.ofSeconds(5)), "example.com", Type.A,
                    Instant.now().plusSeconds(10));
            assertThat(a.answer()).isNull();
            assertThat(a.problem()).isEqualTo(DohClient.Problem.UNTRUSTED);
        }
    }

    @Test
    void namesEachWayAResolverFails() throws Exception {
        try (TestDohServer doh = new TestDohServer(ca)) {
            DohClient client = client(doh.url(), true, Map.of(), Duration.ofSeconds(5));
            Instant deadline = Instant.now().plusSeconds(10);
            doh.mode(TestDohServer.Mode.ERROR_500);
            DohClient.Result status = ask(client, "example.com", Type.A, deadline);
            assertThat(status.problem()).isEqualTo(DohClient.Problem.HTTP_STATUS);
            assertThat(status.detail()).contains("500");
            doh.mode(TestDohServer.Mode.GARBAGE);
            assertThat(ask(client, "example.com", Type.A, deadline).problem()).isEqualTo(DohClient.Problem.NOT_DNS);
            doh.mode(TestDohServer.Mode.HTML);
            DohClient.Result html = ask(client, "example.com", Type.A, deadline);
            assertThat(html.problem()).isEqualTo(DohClient.Problem.NOT_DNS);
            assertThat(html.detail()).contains("text/html");
        }
    }

    @Test
    void aHangingResolverIsCutOffByThePerOperationTimeout() throws Exception {
        try (TestDohServer doh = new TestDohServer(ca)) {
            doh.mode(TestDohServer.Mode.HANG);
            DohClient client = client(doh.url(), true, Map.of(), Duration.ofMillis(800));
            long start = System.nanoTime();
            DohClient.Result hung = ask(client, "example.com", Type.A, Instant.now().plusSeconds(30));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(hung.problem()).isEqualTo(DohClient.Problem.TIMEOUT);
            // The limit is per operation (connect, handshake, each read); the wait is the read's.
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void anUnreachableResolverIsNamedSo() throws Exception {
        // A port on loopback that nothing listens on: the connection is refused at once.
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        DohClient.Result refused = ask(client("https://127.0.0.1:" + port + "/dns-query", true, Map.of(),
                Duration.ofSeconds(2)), "example.com", Type.A, Instant.now().plusSeconds(10));
        assertThat(refused.problem()).isEqualTo(DohClient.Problem.UNREACHABLE);
    }

    @Test
    void acceptsOnlyHttpsUrlsWithAHost() {
        assertThat(DohClient.endpoint("https://dns.google/dns-query").getHost()).isEqualTo("dns.google");
        for (String bad : List.of("http://dns.google/dns-query", "dns.google", "https:///dns-query",
                "https://user@dns.google/dns-query", "https://dns.google/dns-query#x", "https://a b/")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DohClient.endpoint(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
