package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DelayProxyTest {

    private static final Duration L = Duration.ofMillis(40);

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Test
    void tcpProxyForwardsHttpsAndAddsLatency() throws Exception {
        try (TestCa ca = new TestCa();
                TestHttpsServer server = new TestHttpsServer(ca.leaf("example.com"));
                DelayProxy direct = DelayProxy.tcp(server.address(), Duration.ZERO);
                DelayProxy slow = DelayProxy.tcp(server.address(), L)) {
            server.route("*", "/ping", Response.text("pong"));
            TlsClient client = new TlsClient(ca.rootPem());
            client.get(direct.address(), "example.com", "example.com", "/ping"); // warm up the JIT
            // The minimum of a few alternating runs filters out noise from a busy machine.
            Duration fast = Duration.ofDays(1);
            Duration delayed = Duration.ofDays(1);
            for (int run = 0; run < 5; run++) {
                long start = System.nanoTime();
                assertThat(client.get(direct.address(), "example.com", "example.com", "/ping")).endsWith("pong");
                fast = min(fast, Duration.ofNanos(System.nanoTime() - start));
                start = System.nanoTime();
                assertThat(client.get(slow.address(), "example.com", "example.com", "/ping")).endsWith("pong");
                delayed = min(delayed, Duration.ofNanos(System.nanoTime() - start));
            }
            // TCP connect is not delayed by a user-space proxy; TLS 1.3 (1 RTT) + HTTP (1 RTT) are: ≈ 2L.
            assertThat(delayed.minus(fast)).isGreaterThanOrEqualTo(L.dividedBy(2));
            assertThat(slow.roundTrip()).isEqualTo(L);
        }
    }

    @Test
    void udpProxyForwardsDnsAndAddsLatency() throws IOException {
        try (TestDnsServer dns = new TestDnsServer(); DelayProxy slow = DelayProxy.udp(dns.address(), L)) {
            dns.a("example.com", "203.0.113.5");
            SimpleResolver resolver = new SimpleResolver(slow.address());
            resolver.setTimeout(Duration.ofSeconds(2));
            Message query = Message.newQuery(Record.newRecord(Name.fromString("example.com."), Type.A, DClass.IN));
            resolver.send(query);
            long start = System.nanoTime();
            Message answer = resolver.send(query);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(((ARecord) answer.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
                    .isEqualTo("203.0.113.5");
            assertThat(took).isGreaterThanOrEqualTo(L.dividedBy(2));
            resolver.setTCP(true);
            Message overTcp = resolver.send(query);
            assertThat(overTcp.getSection(Section.ANSWER)).hasSize(1);
            assertThat(slow.hostPort()).isEqualTo("127.0.0.1:" + slow.address().getPort());
        }
    }
}
