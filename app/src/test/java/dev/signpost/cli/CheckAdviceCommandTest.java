package dev.signpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.testkit.AdviceWorlds;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.signpost.cli.CheckCommandTest.run;
import static dev.signpost.testkit.AdviceWorlds.HOMESERVER;
import static dev.signpost.testkit.AdviceWorlds.NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** The advice as {@code signpost check} prints it: one root cause, one fix, what it kept from running under it. */
class CheckAdviceCommandTest {

    @Test
    void offlineSaysSoOnceExitsOneAndListsEverythingElseAsNotReached() {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            List<String> args = new ArrayList<>(List.of("check", NAME, "--timeout", "1"));
            args.addAll(AdviceWorlds.argsWithUnreachableDns(w));
            CheckCommandTest.Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.out()).contains("[FAIL] local.network")
                    .contains("Signpost could not reach any DNS server")
                    .contains("is this computer online?")
                    .contains("↳ not reached (federation.srv):")
                    .doesNotContain("DNS provider")
                    .containsOnlyOnce("fix: ");
        }
    }

    @Test
    void noDelegationYetPrintsDelegateToTheHomeserverWithVersionAndKeysUnderTls() {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            CheckCommandTest.Run r = run(w.args("check", NAME));
            assertThat(r.exit()).isEqualTo(1);
            String out = r.out();
            assertThat(out).contains("fix: Delegate " + NAME + " to " + HOMESERVER);
            String afterTls = out.substring(out.indexOf("[FAIL] federation.tls"));
            assertThat(afterTls).contains("↳ not reached (federation.version):")
                    .contains("↳ not reached (federation.keys):");
            assertThat(out).doesNotContain("fix the reverse proxy").doesNotContain("[FAIL] federation.version");
        }
    }

    @Test
    void theJsonCarriesBlockedByAndTheMissingCorsFixNamesTheSnippet() {
        try (TestWorld w = AdviceWorlds.wellKnownWithoutSnippet()) {
            CheckCommandTest.Run r = run(w.args("check", NAME, "--json"));
            assertThat(r.exit()).isEqualTo(1);
            JsonNode cors = null;
            for (JsonNode c : r.json().path("checks")) {
                if (c.path("id").asText().equals("client.cors")) {
                    cors = c;
                }
            }
            assertThat(cors).isNotNull();
            assertThat(cors.path("fix").asText()).contains("signpost-wellknown.conf").contains(NAME);
            assertThat(cors.has("blocked_by")).isFalse();
        }
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            JsonNode json = run(w.args("check", NAME, "--json")).json();
            List<String> blocked = new ArrayList<>();
            json.path("checks").forEach(c -> {
                if (c.has("blocked_by")) {
                    blocked.add(c.path("id").asText() + "<" + c.path("blocked_by").asText() + ":"
                            + c.path("status").asText());
                }
            });
            assertThat(blocked).contains("federation.version<federation.tls:skip", "federation.keys<federation.tls:skip");
        }
    }
}
