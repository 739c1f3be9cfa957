package dev.signpost.integration;

import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's DNS side against a real DNS server, dnsmasq, instead of the test kit's: SRV with priority and
 * weight, A and AAAA, as a DNS provider would serve them.
 */
class EngineAgainstDnsmasqTest {

    @Test
    void srvDelegationThroughARealDnsServer() throws Exception {
        Path binary = Dnsmasq.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "dnsmasq is not installed: the real-DNS-server path is not tested");
        try (TestWorld w = new TestWorld();
             Dnsmasq dns = Dnsmasq.start(binary, List.of(
                     "srv-host=_matrix-fed._tcp.example.com,matrix.example.com,8448,10,5",
                     "host-record=matrix.example.com,203.0.113.5,2001:db8::5",
                     "host-record=example.com,203.0.113.1"), "matrix.example.com")) {
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com")
                    .serve("2001:db8::5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            NetOptions base = w.netOptions(Duration.ofSeconds(4));
            NetOptions options = new NetOptions(dns.address(), base.caFiles(), base.resolve(), base.timeout(),
                    base.userAgent());
            Report r = DiscoveryEngine.create(options, Locale.ENGLISH).check("example.com");
            assertThat(r.federation().method()).isEqualTo(FederationMethod.SRV_MATRIX_FED);
            assertThat(r.federation().srv()).singleElement()
                    .satisfies(s -> {
                        assertThat(s.target()).isEqualTo("matrix.example.com");
                        assertThat(s.priority()).isEqualTo(10);
                        assertThat(s.weight()).isEqualTo(5);
                    });
            assertThat(r.federation().addresses()).containsExactly("203.0.113.5", "2001:db8::5");
            assertThat(r.check("federation.keys").orElseThrow().status()).isEqualTo(Status.PASS);
            assertThat(r.check("federation.ipv6").orElseThrow().status()).isEqualTo(Status.PASS);
            assertThat(dns.log()).contains("_matrix-fed._tcp.example.com");
        }
    }
}
