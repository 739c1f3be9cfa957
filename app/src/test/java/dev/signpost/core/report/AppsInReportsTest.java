package dev.signpost.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-app summary: in the JSON (written and read back) and at the top of every readable rendering. */
class AppsInReportsTest {

    private static Report sample() {
        return ReportJsonSamples.wellKnownSrv().withApps(List.of(
                new AppVerdict("element-web", Status.PASS, "Element Web: works", List.of("client.well-known")),
                new AppVerdict("element-x", Status.FAIL, "Element X: cannot connect — sliding sync is off",
                        List.of("client.well-known", "client.sliding-sync")),
                new AppVerdict("element-call", Status.SKIP, "Element Call: no call service is set up",
                        List.of("client.rtc")),
                new AppVerdict("federation", Status.WARN, "Federation: works, with a problem — TLS fails",
                        List.of("federation.tls"))));
    }

    @Test
    void appsAreWrittenFieldByFieldAndReadBack() throws Exception {
        Report report = sample();
        String json = ReportJson.write(report);
        JsonNode apps = new ObjectMapper().readTree(json).get("apps");
        assertThat(apps).hasSize(4);
        assertThat(apps.get(1).get("id").asText()).isEqualTo("element-x");
        assertThat(apps.get(1).get("status").asText()).isEqualTo("fail");
        assertThat(apps.get(1).get("summary").asText()).isEqualTo("Element X: cannot connect — sliding sync is off");
        assertThat(apps.get(1).get("check_ids")).extracting(JsonNode::asText)
                .containsExactly("client.well-known", "client.sliding-sync");
        assertThat(ReportJson.read(json)).isEqualTo(report);
    }

    @Test
    void aReportWrittenBeforeAppsReadsWithNone() throws Exception {
        Report report = sample();
        com.fasterxml.jackson.databind.node.ObjectNode tree = ReportJson.tree(report);
        tree.remove("apps");
        assertThat(ReportJson.read(tree.toString()).apps()).isEmpty();
    }

    @Test
    void badAppsAreOneSentence() {
        com.fasterxml.jackson.databind.node.ObjectNode tree = ReportJson.tree(sample());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("apps").get(0)).remove("id");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ReportJson.read(tree.toString())))
                .isInstanceOf(ReportFormatException.class).hasMessageContaining("apps[0].id");
    }

    @Test
    void everyReadableReportOpensWithTheApps() {
        Report report = sample();
        String text = new TextReport(Locale.ENGLISH, false).render(report);
        assertThat(text.indexOf("Which apps will work")).isPositive()
                .isLessThan(text.indexOf("Federation: how other servers reach it"));
        assertThat(text).contains("Element X: cannot connect — sliding sync is off");
        String markdown = MarkdownReport.write(report, Locale.ENGLISH);
        assertThat(markdown.indexOf("### Which apps will work")).isPositive()
                .isLessThan(markdown.indexOf("### What needs fixing"));
        String html = HtmlReport.write(report, Locale.GERMAN);
        assertThat(html.indexOf("Welche Apps funktionieren")).isPositive()
                .isLessThan(html.indexOf("id=\"problems\""));
        assertThat(html).contains("Element X: cannot connect — sliding sync is off");
    }
}
