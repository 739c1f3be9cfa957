package dev.signpost.shipped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.testkit.OutsideWorlds;
import dev.signpost.testkit.ShippedJar;
import dev.signpost.testkit.TestDohServer;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped jar compares what this computer sees with a public resolver over DNS-over-HTTPS. */
class OutsideViewIT {

    @Test
    void theJarWarnsAboutASplitHorizonWithBothAnswers(@TempDir Path dir) throws Exception {
        try (TestWorld world = OutsideWorlds.delegation(); TestDohServer doh = new TestDohServer(world.ca())) {
            doh.zone().a(OutsideWorlds.NAME, "127.0.0.3")
                    .a(OutsideWorlds.HOMESERVER, OutsideWorlds.pinnedAddress(world));
            ShippedJar.Run r = ShippedJar.run(dir, Duration.ofSeconds(60), env -> env.put("LC_ALL", "C.UTF-8"),
                    OutsideWorlds.args(world, doh, "check", OutsideWorlds.NAME, "--json", "--timeout", "5"));
            JsonNode report = new ObjectMapper().readTree(r.stdout());
            JsonNode outside = null;
            for (JsonNode check : report.get("checks")) {
                if (check.get("id").asText().equals("dns.outside-view")) {
                    outside = check;
                }
            }
            assertThat(outside).as(r.stdout() + r.stderr()).isNotNull();
            assertThat(outside.get("status").asText()).isEqualTo("warn");
            assertThat(outside.get("summary").asText()).isEqualTo("Remote servers see 127.0.0.3 for "
                    + OutsideWorlds.NAME + ", this computer sees " + OutsideWorlds.pinnedAddress(world)
                    + " (from a resolve override).");
            assertThat(doh.queries()).contains(OutsideWorlds.NAME + " A", OutsideWorlds.HOMESERVER + " A");
        }
    }
}
