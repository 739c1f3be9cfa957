package dev.signpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.testkit.OutsideWorlds;
import dev.signpost.testkit.TestDohServer;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import static dev.signpost.cli.CheckCommandTest.run;
import static dev.signpost.cli.CheckCommandTest.with;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --public-dns} and {@code --no-public-dns}: the comparison with public resolvers in every report format. */
class PublicDnsOptionsTest {

    private static final String SENTENCE_START = "Remote servers see 127.0.0.3 for " + OutsideWorlds.NAME
            + ", this computer sees ";

    @Test
    void aSplitHorizonIsAWarningInJsonTextMarkdownAndHtml() {
        try (TestWorld world = OutsideWorlds.delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            doh.zone().a(OutsideWorlds.NAME, "127.0.0.3")
                    .a(OutsideWorlds.HOMESERVER, OutsideWorlds.pinnedAddress(world));
            String[] args = OutsideWorlds.args(world, doh, "check", OutsideWorlds.NAME, "--timeout", "4");

            CheckCommandTest.Run json = run(with(args, "--json"));
            JsonNode outside = null;
            for (JsonNode check : json.json().get("checks")) {
                if (check.get("id").asText().equals("dns.outside-view")) {
                    outside = check;
                }
            }
            assertThat(outside).as(json.out()).isNotNull();
            assertThat(outside.get("status").asText()).isEqualTo("warn");
            assertThat(outside.get("summary").asText()).startsWith(SENTENCE_START);
            assertThat(outside.get("evidence").toString()).contains("127.0.0.3", doh.url());

            assertThat(run(args).out()).contains("dns.outside-view").contains(SENTENCE_START);
            assertThat(run(with(args, "--format", "markdown")).out()).contains(SENTENCE_START);
            assertThat(run(with(args, "--format", "html")).out()).contains(SENTENCE_START);
        }
    }

    @Test
    void noPublicDnsSkipsWithoutAskingTheResolver() {
        try (TestWorld world = OutsideWorlds.delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            String[] args = OutsideWorlds.args(world, doh, "check", OutsideWorlds.NAME, "--timeout", "4");
            // --public-dns is among the world's arguments, so --no-public-dns contradicts it.
            CheckCommandTest.Run both = run(with(args, "--no-public-dns"));
            assertThat(both.exit()).isEqualTo(2);
            assertThat(both.err()).contains("--public-dns and --no-public-dns contradict each other");

            String[] without = java.util.Arrays.copyOf(args, args.length - 2);
            CheckCommandTest.Run off = run(with(without, "--no-public-dns", "--json"));
            assertThat(off.out()).contains("\"dns.outside-view\"").contains("the comparison is turned off");
            assertThat(doh.requests()).isEmpty();
        }
    }

    @Test
    void aResolverUrlThatIsNotHttpsIsOneSentence() {
        CheckCommandTest.Run r = run("check", "example.test", "--public-dns", "http://127.0.0.1/dns-query");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--public-dns needs the https URL of a DNS-over-HTTPS resolver")
                .doesNotContain("Exception");
    }
}
