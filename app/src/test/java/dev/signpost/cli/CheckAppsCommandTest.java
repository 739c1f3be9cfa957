package dev.signpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.signpost.cli.CheckCommandTest.healthy;
import static dev.signpost.cli.CheckCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code signpost check}: the new check ids and {@code apps} in the JSON, and the text report's opening lines. */
class CheckAppsCommandTest {

    @Test
    void theJsonCarriesTheAppsAndTheNewChecks() {
        try (TestWorld w = healthy()) {
            CheckCommandTest.Run r = run(w.args("check", "example.com", "--json", "--timeout", "5"));
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            JsonNode json = r.json();
            List<String> ids = new ArrayList<>();
            json.path("checks").forEach(c -> ids.add(c.path("id").asText()));
            assertThat(ids).contains("client.sliding-sync", "client.auth", "client.rtc", "client.media",
                    "federation.media");
            List<String> apps = new ArrayList<>();
            json.path("apps").forEach(a -> apps.add(a.path("id").asText() + "=" + a.path("status").asText()));
            assertThat(apps).containsExactly("element-web=pass", "element-x=pass", "element-call=skip",
                    "federation=pass");
            assertThat(json.path("apps").get(1).path("check_ids").toString()).contains("client.sliding-sync");
        }
    }

    @Test
    void theTextReportOpensWithWhichAppsWillWork() {
        try (TestWorld w = healthy()) {
            new ModernHomeserver().flags().install(w.https(), "matrix.example.com");
            CheckCommandTest.Run r = run(w.args("check", "example.com", "--timeout", "5"));
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            String[] lines = r.out().split("\n");
            assertThat(lines[1]).isEmpty();
            assertThat(lines[2]).isEqualTo("Which apps will work");
            assertThat(lines[3]).contains("Element Web: works");
            assertThat(lines[4]).contains("FAIL").contains("Element X: cannot connect — sliding sync is off");
            assertThat(r.out()).contains("Apps: what Element X, Element Call and sign-in need");
        }
    }
}
