package dev.signpost.shipped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.ShippedJar;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped jar's check judges the modern apps: the JSON's {@code apps} and the text report's opening lines. */
class AppsReportIT {

    private static TestWorld world() {
        TestWorld w = new TestWorld();
        w.dns().a("matrix.example.com", "203.0.113.5");
        w.serve("example.com", 443).serve("matrix.example.com", 443).serve("203.0.113.5", 8448,
                "matrix.example.com");
        w.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.example.com:8448\"}"));
        w.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}").withCors());
        var homeserver = w.homeserver("example.com");
        homeserver.installFederation(w.https(), "matrix.example.com");
        homeserver.installClient(w.https(), "matrix.example.com");
        new ModernHomeserver().flags().auth(ModernHomeserver.Auth.HTML).install(w.https(), "matrix.example.com");
        return w;
    }

    @Test
    void theJarReportsWhichAppsWillWork(@TempDir Path dir) throws Exception {
        try (TestWorld w = world()) {
            ShippedJar.Run json = ShippedJar.run(dir, Duration.ofSeconds(60),
                    w.args("check", "example.com", "--json", "--timeout", "5"));
            assertThat(json.exitCode()).as(json.stderr()).isEqualTo(1);
            JsonNode report = new ObjectMapper().readTree(json.stdout());
            List<String> apps = new ArrayList<>();
            report.path("apps").forEach(a -> apps.add(a.path("id").asText() + "=" + a.path("status").asText()));
            assertThat(apps).containsExactly("element-web=fail", "element-x=fail", "element-call=skip",
                    "federation=pass");
            ShippedJar.Run text = ShippedJar.run(dir, Duration.ofSeconds(60),
                    w.args("check", "example.com", "--timeout", "5"));
            assertThat(text.stdout()).contains("Which apps will work")
                    .contains("Element Web: cannot connect — sign-in cannot be worked out");
            assertThat(text.stdout().indexOf("Which apps will work"))
                    .isLessThan(text.stdout().indexOf("client.auth"));
        }
    }
}
