package dev.signpost.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.signpost.cli.SignpostCommand;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestCa;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestHttpsServer;

/**
 * {@code signpost check --dns} against a real DNS server, dnsmasq, rather than the test kit's own: proves the
 * engine's queries and its reading of answers work with a resolver it did not grow up with. The HTTPS side is the
 * test kit's server, reached with {@code --resolve} from the documentation addresses dnsmasq hands out.
 * Skipped, visibly, where dnsmasq is not installed.
 */
class DnsmasqCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Dnsmasq dnsmasq;
    private static TestCa ca;
    private static TestHttpsServer https;

    @BeforeAll
    static void start() {
        Optional<Path> binary = Dnsmasq.binary();
        Assumptions.assumeTrue(binary.isPresent(), "dnsmasq is not installed: real-DNS-server test skipped");
        dnsmasq = Dnsmasq.start(binary.get(), List.of(
                // Answer everything under example.test from this file: unknown names are NXDOMAIN.
                "local=/example.test/",
                "host-record=example.test,203.0.113.1",
                "srv-host=_matrix-fed._tcp.example.test,matrix.example.test,8448,10,5",
                "host-record=matrix.example.test,203.0.113.7,2001:db8::7",
                "host-record=well.example.test,203.0.113.2",
                "srv-host=_matrix-fed._tcp.hs.example.test,matrix.example.test,8448,10,5"),
                "example.test");
        ca = new TestCa("dnsmasq");
        https = new TestHttpsServer(ca.leaf("127.0.0.1"));
        for (String name : List.of("example.test", "well.example.test", "hs.example.test", "matrix.example.test")) {
            https.certificate(name, ca.leaf(name));
        }
        // example.test: no server well-known, so SRV of the server name itself decides.
        new TestHomeserver("example.test").installFederation(https, "example.test");
        // well.example.test: delegates to hs.example.test, whose SRV record points at matrix.example.test.
        https.route("well.example.test", "/.well-known/matrix/server",
                Response.json("{\"m.server\": \"hs.example.test\"}"));
        new TestHomeserver("well.example.test").installFederation(https, "hs.example.test");
        for (String name : List.of("example.test", "well.example.test")) {
            https.route(name, "/.well-known/matrix/client",
                    Response.json("{\"m.homeserver\": {\"base_url\": \"https://matrix.example.test\"}}").withCors());
        }
        new TestHomeserver("example.test").installClient(https, "matrix.example.test");
    }

    @AfterAll
    static void stop() {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
        if (https != null) {
            https.close();
        }
        if (ca != null) {
            ca.close();
        }
    }

    @Test
    void srvRecordOfTheServerNameDecidesAndEveryAddressIsChecked() throws Exception {
        Outcome outcome = check("example.test");

        assertThat(outcome.exit()).as(outcome.describe()).isZero();
        JsonNode federation = outcome.json().path("federation");
        assertThat(federation.path("method").asText()).isEqualTo("srv-matrix-fed");
        assertSrv(federation, "_matrix-fed._tcp.example.test");
        assertThat(federation.path("host").asText()).isEqualTo("matrix.example.test");
        assertThat(federation.path("port").asInt()).isEqualTo(8448);
        assertThat(federation.path("host_header").asText()).isEqualTo("example.test");
        assertThat(federation.path("tls_server_name").asText()).isEqualTo("example.test");
        assertAddressesAndConnections(federation);
        assertPassing(outcome, "federation.srv", "federation.tls", "federation.version", "federation.keys",
                "client.well-known", "client.versions");
        assertThat(outcome.json().path("client").path("state").asText()).isEqualTo("SUCCESS");
        assertThat(dnsmasq.log())
                .as("the queries went to dnsmasq")
                .contains("query[SRV] _matrix-fed._tcp.example.test from 127.0.0.1")
                .contains("query[A] matrix.example.test from 127.0.0.1")
                .contains("query[AAAA] matrix.example.test from 127.0.0.1");
    }

    @Test
    void wellKnownThenSrvOfTheDelegatedName() throws Exception {
        Outcome outcome = check("well.example.test");

        assertThat(outcome.exit()).as(outcome.describe()).isZero();
        JsonNode federation = outcome.json().path("federation");
        assertThat(federation.path("method").asText()).isEqualTo("well-known-srv-matrix-fed");
        assertThat(federation.path("well_known").path("m_server").asText()).isEqualTo("hs.example.test");
        assertThat(federation.path("well_known").path("http_status").asInt()).isEqualTo(200);
        assertSrv(federation, "_matrix-fed._tcp.hs.example.test");
        assertThat(federation.path("host").asText()).isEqualTo("matrix.example.test");
        assertThat(federation.path("host_header").asText()).isEqualTo("hs.example.test");
        assertThat(federation.path("tls_server_name").asText()).isEqualTo("hs.example.test");
        assertAddressesAndConnections(federation);
        assertPassing(outcome, "federation.well-known", "federation.srv", "federation.tls", "federation.version",
                "federation.keys", "client.well-known", "client.cors", "client.content-type", "client.versions");
    }

    @Test
    void nonexistentNameFailsWithTheNxdomainAsEvidence() throws Exception {
        Outcome outcome = check("missing.example.test");

        assertThat(outcome.exit()).as(outcome.describe()).isEqualTo(1);
        JsonNode federation = outcome.json().path("federation");
        // Every step was tried and found nothing: no address, so nothing to connect to.
        assertThat(federation.path("addresses")).isEmpty();
        assertThat(federation.path("connections")).isEmpty();
        assertThat(federation.path("srv")).isEmpty();
        JsonNode dns = checkById(outcome, "federation.dns");
        assertThat(dns.path("status").asText()).as(outcome.describe()).isEqualTo("fail");
        assertThat(dns.path("summary").asText()).contains("missing.example.test");
        assertThat(dns.path("fix").asText()).isNotBlank();
        assertThat(dns.path("evidence").findValuesAsText("rcode")).isNotEmpty().containsOnly("NXDOMAIN");
        assertThat(checkById(outcome, "federation.tls").path("status").asText()).isEqualTo("skip");
        assertThat(outcome.json().path("client").path("state").asText()).isEqualTo("FAIL_PROMPT");
        assertThat(dnsmasq.log())
                .contains("config missing.example.test is NXDOMAIN")
                .contains("config _matrix-fed._tcp.missing.example.test is NXDOMAIN")
                .contains("config _matrix._tcp.missing.example.test is NXDOMAIN");
    }

    private static JsonNode checkById(Outcome outcome, String id) {
        for (JsonNode check : outcome.json().path("checks")) {
            if (id.equals(check.path("id").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + outcome.describe());
    }

    private static void assertSrv(JsonNode federation, String name) {
        JsonNode srv = federation.path("srv");
        assertThat(srv).hasSize(1);
        assertThat(srv.get(0).path("name").asText()).isEqualTo(name);
        assertThat(srv.get(0).path("target").asText()).isEqualTo("matrix.example.test");
        assertThat(srv.get(0).path("port").asInt()).isEqualTo(8448);
        assertThat(srv.get(0).path("priority").asInt()).isEqualTo(10);
        assertThat(srv.get(0).path("weight").asInt()).isEqualTo(5);
    }

    private static void assertAddressesAndConnections(JsonNode federation) {
        assertThat(texts(federation.path("addresses"))).containsExactlyInAnyOrder("203.0.113.7", "2001:db8::7");
        JsonNode connections = federation.path("connections");
        assertThat(connections).hasSize(2);
        for (JsonNode connection : connections) {
            assertThat(connection.path("tls_ok").asBoolean()).as(connection.toString()).isTrue();
            assertThat(connection.path("port").asInt()).isEqualTo(8448);
            assertThat(connection.path("version").path("name").asText()).isEqualTo("Synapse");
        }
    }

    private static void assertPassing(Outcome outcome, String... ids) {
        Map<String, String> statuses = new java.util.HashMap<>();
        for (JsonNode check : outcome.json().path("checks")) {
            statuses.put(check.path("id").asText(), check.path("status").asText());
        }
        for (String id : ids) {
            assertThat(statuses.get(id)).as(id + " in " + outcome.describe()).isEqualTo("pass");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(node -> result.add(node.asText()));
        return result;
    }

    private record Outcome(int exit, JsonNode json, String out, String err) {

        List<String> failing() {
            List<String> result = new ArrayList<>();
            for (JsonNode check : json.path("checks")) {
                if ("fail".equals(check.path("status").asText())) {
                    result.add(check.path("id").asText() + ": " + check.path("summary").asText());
                }
            }
            return result;
        }

        String describe() {
            return "exit " + exit + ", stderr: " + err + ", stdout: " + out;
        }
    }

    private static Outcome check(String serverName) throws Exception {
        List<String> args = new ArrayList<>(List.of("check", serverName, "--json", "--timeout", "5",
                "--dns", dnsmasq.hostPort(), "--ca-file", ca.rootPemFile().toString()));
        for (String endpoint : List.of("203.0.113.1:443", "203.0.113.2:443", "203.0.113.7:443",
                "[2001:db8::7]:443", "203.0.113.7:8448", "[2001:db8::7]:8448")) {
            args.add("--resolve");
            args.add(endpoint + ":" + https.hostPort());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true),
                args.toArray(String[]::new));
        JsonNode json = JSON.readTree(out.toString().isBlank() ? "{}" : out.toString());
        return new Outcome(exit, json, out.toString(), err.toString());
    }
}
