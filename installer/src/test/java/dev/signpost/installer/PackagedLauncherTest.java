package dev.signpost.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged launcher runs the command line when given arguments, without a display. */
class PackagedLauncherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    void versionPrintsTheProjectVersionWithoutADisplay() {
        Run run = Run.of(TIMEOUT, PackagedLauncherTest::withoutDisplay, Packaged.launcher().toString(), "--version");

        assertThat(run.exitStatus()).as("exit status; stderr: %s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("signpost " + Packaged.version());
        assertThat(run.err()).doesNotContain("Exception");
    }

    /**
     * A healthy delegation on loopback servers (test kit): DNS through dnsjava, TLS with EC certificates and
     * Ed25519-signed server keys, so this fails if the jlink'd runtime lacks a module only reached through a
     * security provider or service (jdk.crypto.ec above all).
     */
    @Test
    void checkOfAHealthyDelegationPassesInThePackagedRuntime() throws IOException {
        try (TestWorld world = healthyDelegation()) {
            List<String> command = new ArrayList<>(List.of(Packaged.launcher().toString()));
            command.addAll(List.of(world.args("check", "example.com", "--json", "--timeout", "5")));

            Run run = Run.of(TIMEOUT, PackagedLauncherTest::withoutDisplay, command.toArray(String[]::new));

            assertThat(run.exitStatus()).as("exit status; stdout: %s stderr: %s", run.out(), run.err()).isZero();
            assertThat(run.err()).isEmpty();
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.path("server_name").asText()).isEqualTo("example.com");
            assertThat(report.path("federation").path("connections").get(0).path("tls_ok").asBoolean()).isTrue();
            List<String> passed = new ArrayList<>();
            report.path("checks").forEach(check -> {
                if ("pass".equals(check.path("status").asText())) {
                    passed.add(check.path("id").asText());
                }
            });
            assertThat(passed).contains("federation.tls", "federation.version", "federation.keys", "client.versions");
        }
    }

    /** example.com delegates to matrix.example.com:8448 by its well-known file; the client well-known is good. */
    private static TestWorld healthyDelegation() {
        TestWorld world = new TestWorld();
        world.dns().a("matrix.example.com", "203.0.113.5");
        world.serve("example.com", 443).serve("matrix.example.com", 443)
                .serve("203.0.113.5", 8448, "matrix.example.com");
        world.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.example.com:8448\"}"));
        world.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}").withCors());
        TestHomeserver homeserver = world.homeserver("example.com");
        homeserver.installFederation(world.https(), "matrix.example.com");
        homeserver.installClient(world.https(), "matrix.example.com");
        return world;
    }

    private static void withoutDisplay(Map<String, String> env) {
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
    }
}
