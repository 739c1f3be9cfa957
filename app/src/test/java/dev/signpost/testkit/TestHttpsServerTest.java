package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestHttpsServerTest {

    private static TestCa ca;
    private static TlsClient client;

    @BeforeAll
    static void createCa() throws GeneralSecurityException, IOException {
        ca = new TestCa();
        client = new TlsClient(ca.rootPem());
    }

    @AfterAll
    static void closeCa() {
        ca.close();
    }

    private static X509Certificate leafSeen(TestHttpsServer server, String sni, String verifyHost)
            throws IOException {
        try (SSLSocket socket = client.connect(server.address(), sni, verifyHost)) {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** The server records a handshake on its own thread, possibly just after the client has returned. */
    private static void awaitHandshakes(TestHttpsServer server, int count) {
        Await.holdsWithin(Duration.ofSeconds(3), () -> server.handshakes().size() >= count);
    }

    @Test
    void certificateIsChosenBySniAndDefaultWithoutSni() throws IOException, InterruptedException {
        ServerIdentity example = ca.leaf("example.com", "*.example.com");
        ServerIdentity other = ca.leaf("other.org");
        ServerIdentity ip = ca.leaf("127.0.0.1");
        try (TestHttpsServer server = new TestHttpsServer(ip).certificate("example.com", example)
                .certificate("other.org", other)) {
            assertThat(leafSeen(server, "example.com", "example.com")).isEqualTo(example.leaf());
            assertThat(leafSeen(server, "other.org", "other.org")).isEqualTo(other.leaf());
            assertThat(leafSeen(server, null, "127.0.0.1")).isEqualTo(ip.leaf());
            awaitHandshakes(server, 3);
            assertThat(server.handshakes()).extracting(TestHttpsServer.Handshake::sni)
                    .containsExactly("example.com", "other.org", null);
            assertThat(server.handshakes()).allMatch(TestHttpsServer.Handshake::completed);
        }
    }

    @Test
    void badCertificatesFailVerificationTheWayTheyShould() throws IOException, InterruptedException {
        try (TestHttpsServer server = new TestHttpsServer(ca.leaf("localhost"))) {
            server.certificate("expired.example", ca.expiredLeaf("expired.example"))
                    .certificate("future.example", ca.notYetValidLeaf("future.example"))
                    .certificate("wrong.example", ca.wrongNameLeaf())
                    .certificate("self.example", ca.selfSignedLeaf("self.example"))
                    .certificate("nochain.example", ca.leafWithoutIntermediate("nochain.example"))
                    .certificate("soon.example", ca.leafExpiringInDays(5, "soon.example"));
            for (String bad : new String[] {"expired.example", "future.example", "wrong.example", "self.example",
                    "nochain.example"}) {
                assertThatThrownBy(() -> leafSeen(server, bad, bad)).as(bad).isInstanceOf(SSLException.class);
            }
            X509Certificate soon = leafSeen(server, "soon.example", "soon.example");
            long daysLeft = Duration.between(java.time.Instant.now(), soon.getNotAfter().toInstant()).toDays();
            assertThat(daysLeft).isBetween(4L, 5L);
            awaitHandshakes(server, 6);
            assertThat(server.handshakes()).filteredOn(h -> !h.completed()).hasSize(5);
        }
    }

    @Test
    void wrongNameLeafIsTrustedButDoesNotMatch() throws IOException {
        try (TestHttpsServer server = new TestHttpsServer(ca.wrongNameLeaf())) {
            assertThat(leafSeen(server, "example.com", null).getSubjectX500Principal().getName())
                    .contains("wrong-name.invalid");
            assertThatThrownBy(() -> leafSeen(server, "example.com", "example.com"))
                    .isInstanceOf(SSLException.class);
        }
    }

    @Test
    void routesRedirectsAndExactHeaders() throws IOException {
        try (TestHttpsServer server = new TestHttpsServer(ca.leaf("example.com"))) {
            server.route("example.com", "/.well-known/matrix/server",
                            Response.status(200).withBody("{\"m.server\":\"matrix.example.com:443\"}"))
                    .route("example.com", "/moved", Response.redirect(308, "https://www.example.com/x"))
                    .route("*", "/big", Response.large(60 * 1024))
                    .catchAllHtml();
            String plain = client.get(server.address(), "example.com", "example.com:443",
                    "/.well-known/matrix/server?x=1");
            assertThat(plain).startsWith("HTTP/1.1 200 OK\r\n").doesNotContainIgnoringCase("content-type")
                    .endsWith("{\"m.server\":\"matrix.example.com:443\"}");
            assertThat(client.get(server.address(), "example.com", "example.com", "/moved"))
                    .startsWith("HTTP/1.1 308 ").contains("Location: https://www.example.com/x\r\n");
            assertThat(client.get(server.address(), "example.com", "other.host", "/big").length())
                    .isGreaterThan(60 * 1024);
            assertThat(client.get(server.address(), "example.com", "example.com", "/anything"))
                    .startsWith("HTTP/1.1 200 OK").contains("text/html").contains("<html>");
            RecordedRequest first = server.requests().get(0);
            assertThat(first.sni()).isEqualTo("example.com");
            assertThat(first.host()).isEqualTo("example.com:443");
            assertThat(first.hostWithoutPort()).isEqualTo("example.com");
            assertThat(first.method()).isEqualTo("GET");
            assertThat(first.path()).isEqualTo("/.well-known/matrix/server");
            assertThat(first.header("user-agent")).isEqualTo("kit-test");
            assertThat(first.remote().getAddress().isLoopbackAddress()).isTrue();
            assertThat(server.requests("/moved")).hasSize(1);
        }
    }

    @Test
    void slowResponseIsDelayed() throws IOException {
        try (TestHttpsServer server = new TestHttpsServer(ca.leaf("example.com"))) {
            server.route("*", "/slow", Response.text("late").withDelay(Duration.ofMillis(400)));
            long start = System.nanoTime();
            assertThat(client.get(server.address(), "example.com", "example.com", "/slow")).endsWith("late");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void bindsOtherLoopbackAddresses() throws IOException, GeneralSecurityException {
        try (TestHttpsServer server = new TestHttpsServer(ca.leaf("127.0.0.2"), "127.0.0.2")) {
            assertThat(server.hostPort()).isEqualTo("127.0.0.2:" + server.port());
            assertThat(leafSeen(server, null, "127.0.0.2").getSubjectAlternativeNames()).isNotEmpty();
        }
        Assumptions.assumeTrue(TestHttpsServer.ipv6LoopbackAvailable(), "no IPv6 loopback (::1) on this machine");
        try (TestHttpsServer server = new TestHttpsServer(ca.leaf("::1"), "::1")) {
            assertThat(server.hostPort()).isEqualTo("[::1]:" + server.port());
            assertThat(leafSeen(server, null, "::1")).isNotNull();
            assertThat(server.address()).isEqualTo(new InetSocketAddress("::1", server.port()));
        }
    }

    @Test
    void pemFilesAreWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        ServerIdentity.PemFiles files = ca.leaf("example.com").writePem(dir);
        assertThat(java.nio.file.Files.readString(files.fullchain()))
                .startsWith(java.nio.file.Files.readString(files.cert()));
        assertThat(java.util.regex.Pattern.compile("BEGIN CERTIFICATE").matcher(
                java.nio.file.Files.readString(files.fullchain())).results().count()).isEqualTo(2);
        assertThat(java.nio.file.Files.readString(files.key())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(java.nio.file.Files.readString(files.combined())).contains("BEGIN PRIVATE KEY")
                .contains("BEGIN CERTIFICATE");
        assertThat(java.nio.file.Files.readString(ca.rootPemFile())).isEqualTo(ca.rootPem());
    }
}
