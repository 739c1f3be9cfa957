package dev.signpost.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The packaged launcher runs the command line when given arguments, without a display. */
class PackagedLauncherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void versionPrintsTheProjectVersionWithoutADisplay() {
        Run run = Run.of(TIMEOUT, PackagedLauncherTest::withoutDisplay, Packaged.launcher().toString(), "--version");

        assertThat(run.exitStatus()).as("exit status; stderr: %s", run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo("signpost " + Packaged.version());
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void checkReportsOnALoopbackServerAsJson() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Plain HTTP where federation expects TLS: the check must run end to end and report the failure.
        server.createContext("/", exchange -> {
            byte[] body = "{\"server\":{\"name\":\"test\",\"version\":\"1\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String target = "127.0.0.1:" + server.getAddress().getPort();
            Run run = Run.of(TIMEOUT, PackagedLauncherTest::withoutDisplay,
                    Packaged.launcher().toString(), "check", target, "--timeout", "2", "--json");

            assumeFalse(run.err().toLowerCase(Locale.ROOT).contains("not available in this build yet"),
                    "`signpost check` is still a placeholder in this build");
            assertThat(run.exitStatus()).as("exit status (2 = usage error); stderr: %s", run.err()).isIn(0, 1);
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("unexpected error");
            JsonNode report = new ObjectMapper().readTree(run.out());
            assertThat(report.toString()).contains("127.0.0.1");
        } finally {
            server.stop(0);
        }
    }

    private static void withoutDisplay(Map<String, String> env) {
        env.remove("DISPLAY");
        env.remove("WAYLAND_DISPLAY");
    }
}
