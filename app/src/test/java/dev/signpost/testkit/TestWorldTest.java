package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.signpost.core.net.NetOptions;

class TestWorldTest {

    @Test
    void argsAndNetOptionsPointAtTheLocalServers() throws Exception {
        try (TestWorld world = new TestWorld()) {
            world.serve("example.com", 443).serve("203.0.113.5", 8448, "matrix.example.com")
                    .serve("2001:db8::5", 8448, "matrix.example.com");
            String https = world.https().hostPort();
            List<String> args = world.args();
            assertThat(args).containsExactly("--dns", world.dns().hostPort(),
                    "--ca-file", world.ca().rootPemFile().toString(),
                    "--resolve", "example.com:443:" + https,
                    "--resolve", "203.0.113.5:8448:" + https,
                    "--resolve", "[2001:db8::5]:8448:" + https);
            assertThat(world.args("check", "example.com", "--json")).startsWith("check", "example.com", "--json",
                    "--dns");
            NetOptions options = world.netOptions(Duration.ofSeconds(3));
            assertThat(options.dnsServer()).isEqualTo(world.dns().address());
            assertThat(options.caFiles()).containsExactly(world.ca().rootPemFile());
            assertThat(options.resolve()).containsEntry("example.com:443", https)
                    .containsEntry("[2001:db8::5]:8448", https);
            assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(3));

            // The SNI "matrix.example.com" gets a certificate for that name, trusted through the root file.
            world.https().route("*", "/hello", Response.text("hi"));
            TlsClient client = new TlsClient(world.ca().rootPem());
            InetSocketAddress target = world.https().address();
            client.connect(target, "matrix.example.com", "matrix.example.com").close();
            client.connect(target, "example.com", "example.com").close();
            assertThat(client.get(target, "example.com", "example.com", "/hello")).endsWith("hi");
        }
    }
}
