package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

class HangingServerTest {

    @Test
    void plainServerAcceptsAndNeverAnswers() throws IOException {
        try (HangingServer server = HangingServer.plain(); Socket socket = new Socket()) {
            socket.connect(server.address(), 2000);
            socket.setSoTimeout(300);
            long start = System.nanoTime();
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(server.hostPort()).isEqualTo("127.0.0.1:" + server.port());
        }
    }

    @Test
    void tlsVariantCompletesTheHandshakeThenNeverAnswers() throws Exception {
        try (TestCa ca = new TestCa(); HangingServer server = HangingServer.afterTls(ca.leaf("example.com"))) {
            TlsClient client = new TlsClient(ca.rootPem());
            try (SSLSocket socket = client.connect(server.address(), "example.com", "example.com")) {
                socket.setSoTimeout(300);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertThatThrownBy(() -> socket.getInputStream().read())
                        .isInstanceOf(SocketTimeoutException.class);
            }
            assertThat(server.accepted()).isEqualTo(1);
            assertThat(server.handshakes()).isEqualTo(1);
        }
    }
}
