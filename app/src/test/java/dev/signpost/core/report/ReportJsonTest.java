package dev.signpost.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void meetsTheCheckCommandContract() throws Exception {
        JsonNode json = MAPPER.readTree(ReportJson.write(ReportJsonSamples.wellKnownSrv()));
        assertThat(json.get("server_name").asText()).isEqualTo("example.com");
        JsonNode federation = json.get("federation");
        assertThat(federation.get("method").asText()).isEqualTo("well-known-srv-matrix-fed");
        assertThat(federation.get("well_known").get("url").asText()).endsWith("/.well-known/matrix/server");
        assertThat(federation.get("well_known").get("http_status").asInt()).isEqualTo(200);
        assertThat(federation.get("well_known").get("m_server").asText()).isEqualTo("matrix.example.com");
        assertThat(federation.get("well_known").get("error").isNull()).isTrue();
        JsonNode srv = federation.get("srv").get(0);
        assertThat(srv.get("name").asText()).isEqualTo("_matrix-fed._tcp.matrix.example.com");
        assertThat(srv.get("target").asText()).isEqualTo("hs1.example.com");
        assertThat(srv.get("port").asInt()).isEqualTo(8448);
        assertThat(srv.get("priority").asInt()).isEqualTo(10);
        assertThat(srv.get("weight").asInt()).isEqualTo(5);
        assertThat(federation.get("host").asText()).isEqualTo("hs1.example.com");
        assertThat(federation.get("port").asInt()).isEqualTo(8448);
        assertThat(federation.get("host_header").asText()).isEqualTo("matrix.example.com");
        assertThat(federation.get("tls_server_name").asText()).isEqualTo("matrix.example.com");
        assertThat(federation.get("addresses")).hasSize(2);
        JsonNode connection = federation.get("connections").get(0);
        assertThat(connection.get("address").asText()).isEqualTo("203.0.113.5");
        assertThat(connection.get("tls_ok").asBoolean()).isTrue();
        assertThat(connection.get("error").isNull()).isTrue();
        assertThat(connection.get("version").get("name").asText()).isEqualTo("Synapse");
        assertThat(connection.get("version").get("version").asText()).isEqualTo("1.120.0");
        assertThat(federation.get("connections").get(1).get("version").isNull()).isTrue();
        assertThat(json.get("client").get("state").asText()).isEqualTo("SUCCESS");
        assertThat(json.get("client").get("base_url").asText()).isEqualTo("https://matrix.example.com");
        JsonNode check = json.get("checks").get(0);
        assertThat(check.get("id").asText()).isEqualTo("federation.well-known");
        assertThat(check.get("status").asText()).isEqualTo("pass");
        assertThat(check.get("summary").asText()).isNotBlank();
        assertThat(check.get("fix").isNull()).isTrue();
        assertThat(json.get("checks").get(1).get("status").asText()).isEqualTo("fail");
    }

    @Test
    void writesTheRestOfTheReport() throws Exception {
        JsonNode json = MAPPER.readTree(ReportJson.write(ReportJsonSamples.wellKnownSrv()));
        assertThat(json.get("ascii_server_name").asText()).isEqualTo("example.com");
        assertThat(json.get("checked_at").asText()).isEqualTo("2026-11-22T01:30:00.123456789Z");
        assertThat(json.get("elapsed_ms").asLong()).isEqualTo(1500);
        assertThat(json.get("signpost_version").asText()).isEqualTo("0.1.0");
        assertThat(json.get("overall").asText()).isEqualTo("fail");
        JsonNode hop = json.get("hops").get(1);
        assertThat(hop.get("lane").asText()).isEqualTo("federation");
        assertThat(hop.get("kind").asText()).isEqualTo("server_well_known");
        assertThat(hop.get("parent_id").asText()).isEqualTo("fed.server-name");
        assertThat(hop.get("status").asText()).isEqualTo("pass");
        assertThat(hop.get("taken").asBoolean()).isTrue();
        assertThat(hop.get("evidence").get(0).get("type").asText()).isEqualTo("http");
        assertThat(hop.get("evidence").get(0).get("response_headers").get(0).get("name").asText())
                .isEqualTo("Content-Type");
        JsonNode dns = json.get("hops").get(2).get("evidence").get(0);
        assertThat(dns.get("type").asText()).isEqualTo("dns");
        assertThat(dns.get("record_type").asText()).isEqualTo("SRV");
        assertThat(dns.get("records").get(0).get("ttl").asLong()).isEqualTo(300);
        assertThat(dns.get("elapsed_ms").decimalValue()).isEqualByComparingTo("1.234567");
        JsonNode evidence = json.get("checks").get(1).get("evidence");
        assertThat(evidence.get(0).get("type").asText()).isEqualTo("certificates");
        assertThat(evidence.get(0).get("chain").get(0).get("not_after").asText()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(evidence.get(1).get("type").asText()).isEqualTo("note");
        assertThat(json.get("hops").get(0).get("elapsed_ms").isNull()).isTrue();
    }

    @Test
    void isPrettyPrinted() {
        assertThat(ReportJson.write(ReportJsonSamples.wellKnownSrv())).contains("\n  \"server_name\" : \"example.com\"");
    }

    @Test
    void readsBackAnEqualReport() throws Exception {
        Report report = ReportJsonSamples.wellKnownSrv();
        assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
    }

    @Test
    void negativeAndSubMillisecondDurationsRoundTrip() throws Exception {
        Report sample = ReportJsonSamples.wellKnownSrv();
        for (Duration elapsed : List.of(Duration.ofNanos(-1), Duration.ofNanos(999_999_999), Duration.ofDays(-3),
                Duration.ofSeconds(Long.MAX_VALUE / 1000, 999_999_999))) {
            Report report = new Report(sample.serverName(), null, null, elapsed, null, null, null, List.of(),
                    List.of());
            assertThat(ReportJson.read(ReportJson.write(report))).isEqualTo(report);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "nonsense", "[]", "{}", "{\"server_name\":\"a\"}",
            "{\"server_name\":\"a\",\"checks\":[{\"id\":\"x\",\"status\":\"great\"}]}",
            "{\"server_name\":\"a\",\"checks\":{}}", "{\"server_name\":1,\"checks\":[]}",
            "{\"server_name\":\"a\",\"checks\":[],\"federation\":{\"method\":\"carrier-pigeon\"}}",
            "{\"server_name\":\"a\",\"checks\":[],\"elapsed_ms\":\"soon\"}",
            "{\"server_name\":\"a\",\"checks\":[],\"checked_at\":\"yesterday\"}"})
    void otherTextIsNotAReport(String json) {
        assertThatThrownBy(() -> ReportJson.read(json, Locale.ENGLISH)).isInstanceOf(ReportFormatException.class)
                .hasMessageStartingWith("not a Signpost report: ");
    }

    @Test
    void badValueNamesTheFieldAndTheChoices() {
        assertThatThrownBy(() -> ReportJson.read(
                "{\"server_name\":\"a\",\"checks\":[{\"id\":\"x\",\"status\":\"great\"}]}", Locale.ENGLISH))
                .hasMessageContaining("checks[0].status").hasMessageContaining("pass, warn, fail, skip");
        assertThatThrownBy(() -> ReportJson.read("[]", Locale.GERMAN))
                .hasMessageStartingWith("kein Signpost-Bericht: ");
    }

    @Test
    void germanHasEveryKey() throws IOException {
        Properties english = load("messages.properties");
        Properties german = load("messages_de.properties");
        assertThat(german.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportJsonTest.class.getResourceAsStream("/dev/signpost/core/report/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
