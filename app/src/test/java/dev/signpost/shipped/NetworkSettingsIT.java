package dev.signpost.shipped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.ShippedJar;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped jar checking a staging setup with {@code --dns}, {@code --ca-file} and {@code --resolve}: every report
 * names those settings, says once that remote servers may see otherwise, and {@code diff} tells two reports made with
 * different settings apart.
 */
class NetworkSettingsIT {

    private static TestWorld world() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.staging.example", "203.0.113.9");
        w.serve("staging.example", 443).serve("203.0.113.9", 8448, "matrix.staging.example");
        w.https().route("staging.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.staging.example:8448\"}"));
        w.homeserver("staging.example").installFederation(w.https(), "matrix.staging.example");
        return w;
    }

    private static ShippedJar.Run run(Path dir, List<String> args) throws Exception {
        return ShippedJar.run(dir, Duration.ofSeconds(60), env -> env.put("LC_ALL", "C.UTF-8"),
                args.toArray(String[]::new));
    }

    @Test
    void everyReportOfTheJarNamesTheNetworkItsCheckRanIn(@TempDir Path dir) throws Exception {
        try (TestWorld w = world()) {
            String dns = w.args().get(1);
            String caFile = w.args().get(3);
            List<String> check = new ArrayList<>(List.of("check", "staging.example", "--timeout", "5"));
            check.addAll(w.args());

            ShippedJar.Run text = run(dir, check);
            String summary = "Checked with DNS server " + dns + ", 1 extra CA, 2 resolve overrides";
            assertThat(text.stdout()).as(text.stderr()).containsOnlyOnce(summary)
                    .contains("  Extra CA file " + caFile + ": O=Signpost tests,CN=Signpost Test Root CA (SHA-256 ")
                    .contains("  Resolve override: staging.example:443 → " + w.https().hostPort())
                    .containsOnlyOnce("Remote servers may come to a different verdict: this check asked the DNS "
                            + "server " + dns + " and connected to the addresses you set for 203.0.113.9:8448, "
                            + "staging.example:443, not to what the public DNS gives.")
                    .contains("[ ok ] federation.tls");
            assertThat(text.stdout().indexOf(summary)).isGreaterThan(text.stdout().indexOf("Which apps will work"))
                    .isLessThan(text.stdout().indexOf("Federation: how other servers reach it"));

            List<String> json = new ArrayList<>(check);
            json.add("--json");
            ShippedJar.Run staging = run(dir, json);
            JsonNode network = new ObjectMapper().readTree(staging.stdout()).get("network");
            assertThat(network.get("dns_server").asText()).isEqualTo(dns);
            assertThat(network.get("ca_files").get(0).get("path").asText()).isEqualTo(caFile);
            assertThat(network.get("resolve")).hasSize(2);

            for (String format : List.of("markdown", "html")) {
                List<String> rendered = new ArrayList<>(check);
                rendered.addAll(List.of("--format", format));
                ShippedJar.Run r = run(dir, rendered);
                assertThat(r.stdout()).as(format + r.stderr()).containsOnlyOnce(summary)
                        .containsOnlyOnce("Remote servers may come to a different verdict");
            }

            // The same servers checked with one pin less (the test kit's DNS answers for the delegated name).
            List<String> fewer = new ArrayList<>(List.of("check", "staging.example", "--timeout", "5", "--json",
                    "--dns", dns, "--ca-file", caFile));
            for (int i = 4; i < w.args().size(); i += 2) {
                if (!w.args().get(i + 1).startsWith("staging.example:")) {
                    fewer.addAll(List.of("--resolve", w.args().get(i + 1)));
                }
            }
            ShippedJar.Run other = run(dir, fewer);
            Path before = dir.resolve("before.json");
            Path after = dir.resolve("after.json");
            Files.writeString(before, staging.stdout(), StandardCharsets.UTF_8);
            Files.writeString(after, other.stdout(), StandardCharsets.UTF_8);
            ShippedJar.Run diff = run(dir, List.of("diff", before.toString(), after.toString()));
            assertThat(diff.stdout()).as(diff.stderr()).containsOnlyOnce("The two reports were made with different "
                    + "network settings (before: with " + summary.substring("Checked with ".length())
                    + "; after: with DNS server " + dns + ", 1 extra CA, 1 resolve override)");
        }
    }
}
