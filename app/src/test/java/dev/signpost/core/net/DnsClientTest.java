package dev.signpost.core.net;

import dev.signpost.testkit.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The DNS client against the test kit's DNS server on loopback. */
class DnsClientTest {

    private static Instant soon() {
        return Instant.now().plusSeconds(10);
    }

    @Test
    void answersAddressesWithTtlsAndTheServerAsked() throws Exception {
        try (TestDnsServer dns = new TestDnsServer()) {
            dns.a("example.com", "203.0.113.5", 120).aaaa("example.com", "2001:db8::5");
            DnsClient client = new DnsClient(dns.address(), Duration.ofSeconds(2));
            DnsAnswer a = client.query("example.com", Type.A, new CancelToken(), soon());
            assertThat(a.rcode()).isEqualTo("NOERROR");
            assertThat(a.addresses()).containsExactly(InetAddress.getByName("203.0.113.5"));
            assertThat(a.exchanges().get(0).records().get(0).ttl()).isEqualTo(120);
            assertThat(a.server()).isEqualTo(dns.hostPort());
            DnsAnswer aaaa = client.query("example.com.", Type.AAAA, new CancelToken(), soon());
            assertThat(aaaa.addresses()).containsExactly(InetAddress.getByName("2001:db8::5"));
        }
    }

    @Test
    void followsCnameChains() throws Exception {
        try (TestDnsServer dns = new TestDnsServer()) {
            dns.cname("www.example.com", "edge.example.net").cname("edge.example.net", "host.example.org")
                    .a("host.example.org", "203.0.113.9");
            DnsAnswer a = new DnsClient(dns.address(), Duration.ofSeconds(2))
                    .query("www.example.com", Type.A, new CancelToken(), soon());
            assertThat(a.cnameChain()).containsExactly("edge.example.net", "host.example.org");
            assertThat(a.addresses()).containsExactly(InetAddress.getByName("203.0.113.9"));
            assertThat(a.finalName()).isEqualTo("host.example.org");
        }
    }

    @Test
    void theMissingAaaaBehindACnameIsTakenFromTheAnswerNotAskedAgain() throws Exception {
        try (TestDnsServer dns = new TestDnsServer()) {
            dns.cname("fed.example.com", "hs.example.net").a("hs.example.net", "203.0.113.9");
            DnsClient client = new DnsClient(dns.address(), Duration.ofSeconds(2));
            DnsAnswer aaaa = client.query("fed.example.com", Type.AAAA, new CancelToken(), soon());
            assertThat(aaaa.rcode()).isEqualTo("NOERROR");
            assertThat(aaaa.addresses()).isEmpty();
            assertThat(aaaa.cnameChain()).containsExactly("hs.example.net");
            // The resolver chased the alias and found no AAAA there: asking hs.example.net would repeat that.
            assertThat(dns.queries()).containsExactly("fed.example.com AAAA");
        }
    }

    @Test
    void anAliasIntoAnotherZoneOfAnAuthoritativeServerIsFollowedWithAQueryOfItsOwn() {
        try (TestDnsServer dns = new TestDnsServer()) {
            dns.cname("away.example.com", "elsewhere.example.net");
            DnsAnswer a = new DnsClient(dns.address(), Duration.ofSeconds(2))
                    .query("away.example.com", Type.A, new CancelToken(), soon());
            assertThat(dns.queries()).containsExactly("away.example.com A", "elsewhere.example.net A");
            assertThat(a.rcode()).isEqualTo("NXDOMAIN");
            assertThat(a.finalName()).isEqualTo("elsewhere.example.net");
        }
    }

    @Test
    void tellsNxdomainFromServfailFromTimeout() {
        try (TestDnsServer dns = new TestDnsServer()) {
            dns.servfail("_matrix-fed._tcp.broken.example").drop("_matrix-fed._tcp.silent.example");
            DnsClient client = new DnsClient(dns.address(), Duration.ofMillis(500));
            DnsAnswer none = client.query("_matrix-fed._tcp.nothing.example", Type.SRV, new CancelToken(), soon());
            assertThat(none.rcode()).isEqualTo("NXDOMAIN");
            assertThat(none.doesNotExist()).isTrue();
            assertThat(none.failed()).isFalse();
            DnsAnswer servfail = client.query("_matrix-fed._tcp.broken.example", Type.SRV, new CancelToken(), soon());
            assertThat(servfail.rcode()).isEqualTo("SERVFAIL");
            assertThat(servfail.failed()).isTrue();
            long start = System.nanoTime();
            DnsAnswer silent = client.query("_matrix-fed._tcp.silent.example", Type.SRV, new CancelToken(), soon());
            assertThat(silent.rcode()).isEqualTo("TIMEOUT");
            assertThat(silent.failed()).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000L);
        }
    }

    @Test
    void readsSrvRecords() {
        try (TestDnsServer dns = new TestDnsServer()) {
            dns.srv("_matrix-fed._tcp.example.com", 10, 5, 8448, "matrix.example.com");
            DnsAnswer srv = new DnsClient(dns.address(), Duration.ofSeconds(2))
                    .query("_matrix-fed._tcp.example.com", Type.SRV, new CancelToken(), soon());
            assertThat(srv.srv()).hasSize(1);
            assertThat(srv.srv().get(0).target()).isEqualTo("matrix.example.com");
            assertThat(srv.srv().get(0).port()).isEqualTo(8448);
            assertThat(srv.srv().get(0).priority()).isEqualTo(10);
            assertThat(srv.srv().get(0).weight()).isEqualTo(5);
        }
    }

    @Test
    void retriesOverTcpWhenTheUdpAnswerIsTruncated() {
        try (TestDnsServer dns = new TestDnsServer()) {
            for (int i = 1; i <= 60; i++) {
                dns.a("many.example.com", "203.0.113." + i);
            }
            DnsAnswer a = new DnsClient(dns.address(), Duration.ofSeconds(2))
                    .query("many.example.com", Type.A, new CancelToken(), soon());
            assertThat(a.rcode()).isEqualTo("NOERROR");
            assertThat(a.addresses()).hasSize(60);
        }
    }
}
