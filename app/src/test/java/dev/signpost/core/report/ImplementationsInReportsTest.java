package dev.signpost.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Where implementations disagree on a check: in the JSON (written and read back) and in every readable rendering. */
class ImplementationsInReportsTest {

    private static final String WEB_SAYS = "logs in and shows a warning about the identity server.";

    private static Report sample() {
        Report base = ReportJsonSamples.wellKnownSrv();
        List<Check> checks = new ArrayList<>(base.checks());
        checks.add(new Check("client.identity", Status.FAIL, "The identity server does not answer: 404", "Remove it.",
                List.of(), List.of(), null, List.of(
                        new ImplementationVerdict("spec", Status.FAIL, "a broken identity server is a failure."),
                        new ImplementationVerdict("element-web", Status.WARN, WEB_SAYS),
                        new ImplementationVerdict("element-x", Status.PASS, "does not use the identity server."))));
        return new Report(base.serverName(), base.asciiServerName(), base.checkedAt(), base.elapsed(),
                base.signpostVersion(), base.federation(), base.client(), base.hops(), checks, base.apps());
    }

    @Test
    void theJsonCarriesTheVerdictsOnlyWhereTheyDisagreeAndReadsThemBack() throws Exception {
        Report report = sample();
        String json = ReportJson.write(report);
        JsonNode checks = new ObjectMapper().readTree(json).get("checks");
        JsonNode identity = null;
        for (JsonNode c : checks) {
            if (c.get("id").asText().equals("client.identity")) {
                identity = c;
            } else {
                assertThat(c.has("implementations")).as(c.get("id").asText()).isFalse();
            }
        }
        assertThat(identity).isNotNull();
        JsonNode list = identity.get("implementations");
        assertThat(list).hasSize(3);
        assertThat(list.get(1).get("id").asText()).isEqualTo("element-web");
        assertThat(list.get(1).get("status").asText()).isEqualTo("warn");
        assertThat(list.get(1).get("summary").asText()).isEqualTo(WEB_SAYS);
        assertThat(ReportJson.read(json)).isEqualTo(report);
    }

    @Test
    void everyReadableReportShowsThemUnderTheCheck() {
        Report report = sample();
        String text = new TextReport(Locale.ENGLISH, false).render(report);
        assertThat(text).contains("Element Web (browser) (Warning): " + WEB_SAYS)
                .contains("Element X (Pass): does not use the identity server.");
        assertThat(text.split("Element Web \\(browser\\)", -1)).hasSize(2);
        String markdown = MarkdownReport.write(report, Locale.ENGLISH);
        assertThat(markdown).contains("Where the implementations disagree:").contains(WEB_SAYS);
        String html = HtmlReport.write(report, Locale.GERMAN);
        assertThat(html).contains("<ul class=\"impl\">").contains("Element Web (Browser) (Warnung)");
    }

    @Test
    void aReportWithoutDisagreementShowsNoneOfIt() {
        Report report = ReportJsonSamples.wellKnownSrv();
        assertThat(new TextReport(Locale.ENGLISH, false).render(report)).doesNotContain("Element Web (browser)");
        assertThat(MarkdownReport.write(report, Locale.ENGLISH)).doesNotContain("implementations disagree");
        assertThat(HtmlReport.write(report, Locale.ENGLISH)).doesNotContain("class=\"impl\"");
    }
}
