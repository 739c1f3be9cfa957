package dev.signpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code signpost check} as scripts use it: exit codes, the JSON contract, the text report, bad usage. */
class CheckCommandTest {

    /** Output of one run. */
    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (Exception e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }
    }

    static Run run(String... args) {
        Locale previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            Locale.setDefault(previous);
        }
    }

    static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** example.com delegating to matrix.example.com:8448 (two addresses), with a good client well-known. */
    static TestWorld healthy() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.com", "203.0.113.5").aaaa("matrix.example.com", "2001:db8::5");
        w.serve("example.com", 443).serve("matrix.example.com", 443)
                .serve("203.0.113.5", 8448, "matrix.example.com").serve("2001:db8::5", 8448, "matrix.example.com");
        w.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.example.com:8448\"}"));
        w.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}").withCors());
        var hs = w.homeserver("example.com");
        hs.installFederation(w.https(), "matrix.example.com");
        hs.installClient(w.https(), "matrix.example.com");
        return w;
    }

    @Test
    void aHealthyServerExitsZeroWithTheJsonContract() {
        try (TestWorld w = healthy()) {
            Run r = run(w.args("check", "example.com", "--json", "--timeout", "5"));
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
            assertThat(r.err()).isEmpty();
            JsonNode json = r.json();
            assertThat(json.path("server_name").asText()).isEqualTo("example.com");
            JsonNode fed = json.path("federation");
            assertThat(fed.path("method").asText()).isEqualTo("well-known-explicit-port");
            assertThat(fed.path("well_known").path("http_status").asInt()).isEqualTo(200);
            assertThat(fed.path("well_known").path("m_server").asText()).isEqualTo("matrix.example.com:8448");
            assertThat(fed.path("well_known").path("error").isNull()).isTrue();
            assertThat(fed.path("host").asText()).isEqualTo("matrix.example.com");
            assertThat(fed.path("port").asInt()).isEqualTo(8448);
            assertThat(fed.path("host_header").asText()).isEqualTo("matrix.example.com:8448");
            assertThat(fed.path("tls_server_name").asText()).isEqualTo("matrix.example.com");
            assertThat(fed.path("addresses")).hasSize(2);
            assertThat(fed.path("addresses").get(0).asText()).isEqualTo("203.0.113.5");
            assertThat(fed.path("addresses").get(1).asText()).isEqualTo("2001:db8::5");
            assertThat(fed.path("connections")).hasSize(2);
            JsonNode first = fed.path("connections").get(0);
            assertThat(first.path("tls_ok").asBoolean()).isTrue();
            assertThat(first.path("version").path("name").asText()).isEqualTo("Synapse");
            assertThat(json.path("client").path("state").asText()).isEqualTo("SUCCESS");
            assertThat(json.path("client").path("base_url").asText()).isEqualTo("https://matrix.example.com");
            List<String> ids = new ArrayList<>();
            json.path("checks").forEach(c -> ids.add(c.path("id").asText()));
            assertThat(ids).contains("federation.well-known", "federation.srv", "federation.tls", "federation.version",
                    "federation.keys", "client.well-known", "client.cors", "client.content-type", "client.versions");
            json.path("checks").forEach(c -> assertThat(c.path("status").asText()).isIn("pass", "warn", "skip"));
        }
    }

    @Test
    void aFailedCheckExitsOne() {
        try (TestWorld w = healthy()) {
            w.https().route("example.com", "/.well-known/matrix/client",
                    Response.json("{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}"));
            Run r = run(w.args("check", "example.com", "--json"));
            assertThat(r.exit()).isEqualTo(1);
            JsonNode cors = null;
            for (JsonNode c : r.json().path("checks")) {
                if (c.path("id").asText().equals("client.cors")) {
                    cors = c;
                }
            }
            assertThat(cors).isNotNull();
            assertThat(cors.path("status").asText()).isEqualTo("fail");
            assertThat(cors.path("fix").asText()).contains("Access-Control-Allow-Origin");
        }
    }

    @Test
    void theTextReportShowsTheChainRulesSkippedBranchesAndFixes() {
        try (TestWorld w = healthy()) {
            w.https().route("example.com", "/.well-known/matrix/client", Response.text(
                    "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}"));
            Run r = run(w.args("check", "example.com"));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("Federation").contains("https://example.com/.well-known/matrix/server")
                    .contains("rule: Step 3.2")
                    .contains("SRV not consulted: the well-known gave an explicit port (step 3.2).")
                    .contains("(not taken)")
                    .contains("[FAIL] client.cors").contains("fix: Install the well-known snippet Signpost generates")
                    .contains("signpost-wellknown.conf for nginx")
                    .contains("2001:db8::5")
                    .doesNotContain("\u001b[");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void outputGoesToAFileWhenAsked(@TempDir Path dir) throws Exception {
        try (TestWorld w = healthy()) {
            Path file = dir.resolve("report.json");
            Run r = run(w.args("check", "example.com", "--format", "json", "--output", file.toString()));
            assertThat(r.exit()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(new ObjectMapper().readTree(Files.readString(file)).path("server_name").asText())
                    .isEqualTo("example.com");
        }
    }

    @Test
    void htmlReportIsAWellFormedFileWithEveryHop(@TempDir Path dir) throws Exception {
        try (TestWorld w = healthy()) {
            Path file = dir.resolve("report.html");
            Run r = run(w.args("check", "example.com", "--format", "html", "--output", file.toString()));
            assertThat(r.exit()).isZero();
            String html = Files.readString(file);
            var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new org.xml.sax.InputSource(new java.io.StringReader(html)));
            assertThat(document.getElementsByTagName("svg").getLength()).isPositive();
            assertThat(html).contains("matrix.example.com:8448", "203.0.113.5", "2001:db8::5", "client.cors");
        }
    }

    @Test
    void markdownReportNamesTheChecks() {
        try (TestWorld w = healthy()) {
            Run r = run(w.args("check", "example.com", "--format", "markdown"));
            assertThat(r.exit()).isZero();
            assertThat(r.out()).startsWith("#").contains("federation.keys", "matrix.example.com:8448");
        }
    }

    @Test
    void srvDelegationAndFailedResolutionInJson() {
        try (TestWorld w = new TestWorld()) {
            w.dns().srv("_matrix-fed._tcp.example.com", 10, 5, 8448, "matrix.example.com")
                    .a("matrix.example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com");
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            Run ok = run(w.args("check", "example.com", "--json"));
            JsonNode fed = ok.json().path("federation");
            assertThat(fed.path("method").asText()).isEqualTo("srv-matrix-fed");
            assertThat(fed.path("well_known").path("http_status").asInt()).isEqualTo(404);
            JsonNode srv = fed.path("srv").get(0);
            assertThat(srv.path("name").asText()).isEqualTo("_matrix-fed._tcp.example.com");
            assertThat(srv.path("target").asText()).isEqualTo("matrix.example.com");
            assertThat(srv.path("port").asInt()).isEqualTo(8448);
            assertThat(srv.path("priority").asInt()).isEqualTo(10);
            assertThat(srv.path("weight").asInt()).isEqualTo(5);
            assertThat(fed.path("host").asText()).isEqualTo("matrix.example.com");
            assertThat(fed.path("host_header").asText()).isEqualTo("example.com");

            w.dns().servfail("_matrix-fed._tcp.example.com");
            Run failed = run(w.args("check", "example.com", "--json"));
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.json().path("federation").path("method").isNull()).isTrue();
            assertThat(failed.json().path("federation").path("connections")).isEmpty();
        }
    }

    @Test
    void anIpLiteralInJson() {
        try (TestWorld w = new TestWorld()) {
            w.serve("203.0.113.7", 8448).serve("203.0.113.7", 443);
            w.homeserver("203.0.113.7").installFederation(w.https(), "*");
            Run r = run(w.args("check", "203.0.113.7", "--json"));
            JsonNode fed = r.json().path("federation");
            assertThat(fed.path("method").asText()).isEqualTo("ip-literal");
            assertThat(fed.path("tls_server_name").asText()).isEqualTo("203.0.113.7");
            assertThat(fed.path("well_known").isNull()).isTrue();
            assertThat(fed.path("connections").get(0).path("tls_ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aServerThatNeverAnswersEndsWithinTwiceTheTimeout() {
        try (TestWorld w = new TestWorld();
             dev.signpost.testkit.HangingServer hanging = dev.signpost.testkit.HangingServer.plain()) {
            w.dns().a("example.com", "203.0.113.5");
            w.resolve("example.com", 443, "127.0.0.1:" + hanging.port())
                    .resolve("203.0.113.5", 8448, "127.0.0.1:" + hanging.port());
            long start = System.nanoTime();
            Run r = run(w.args("check", "example.com", "--json", "--timeout", "1"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(r.exit()).isEqualTo(1);
            assertThat(ms).isLessThan(2000 + 1500);
            JsonNode connection = r.json().path("federation").path("connections").get(0);
            assertThat(connection.path("tls_ok").asBoolean()).isFalse();
            assertThat(connection.path("error").asText()).contains("no answer");
        }
    }

    @Test
    void anInvalidServerNameExitsTwoWithASentence() {
        Run r = run("check", "https://example.com");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("https://").contains("without https://");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(run("check").exit()).isEqualTo(2);
        assertThat(run("check", "example.com", "--timeout", "0").exit()).isEqualTo(2);
        assertThat(run("check", "example.com", "--format", "yaml").err()).contains("Unknown format \"yaml\"");
        Run resolve = run("check", "example.com", "--resolve", "example.com:443");
        assertThat(resolve.exit()).isEqualTo(2);
        assertThat(resolve.err()).contains("HOST:PORT:ADDR");
        assertThat(run("check", "example.com", "--dns", "not-an-ip").exit()).isEqualTo(2);
        assertThat(run("check", "example.com", "--ca-file", "/nonexistent/ca.pem").exit()).isEqualTo(2);
    }

    @Test
    void resolveEntriesAcceptIpv6AndPorts() {
        assertThat(dev.signpost.core.net.ResolveOverrides.parseEntry("example.com:443:127.0.0.1:8443"))
                .containsExactly("example.com:443", "127.0.0.1:8443");
        assertThat(dev.signpost.core.net.ResolveOverrides.parseEntry("[2001:db8::5]:8448:[::1]:9000"))
                .containsExactly("[2001:db8::5]:8448", "[::1]:9000");
        assertThat(dev.signpost.core.net.ResolveOverrides.parseEntry("Example.COM:443:::1")).containsExactly("example.com:443", "::1");
        assertThat(dev.signpost.core.net.ResolveOverrides.parseEntry("example.com:99999:127.0.0.1")).isNull();
        assertThat(dev.signpost.core.net.ResolveOverrides.parseEntry("example.com:443:somewhere")).isNull();
    }

    @Test
    void aServerNameEndingInDigitsIsRefusedWithASentenceNotAPass() {
        Run r = run("check", "example.123");
        assertThat(r.exit()).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(r.err()).contains("digits").doesNotContain("Exception");
    }

    @Test
    void aWellKnownRedirectingToAZoneScopedAddressExitsOne() {
        try (TestWorld w = healthy()) {
            w.https().route("example.com", "/.well-known/matrix/server",
                    Response.redirect(302, "https://[fe80::1%25eth0]:8448/"));
            Run r = run(w.args("check", "example.com"));
            assertThat(r.exit()).as(r.out()).isEqualTo(CheckCommand.EXIT_FAILED);
            assertThat(r.out()).contains("zone").doesNotContain("No check failed");
        }
    }
}
