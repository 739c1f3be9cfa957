package dev.signpost.shipped;

import dev.signpost.testkit.ShippedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped jar writes its support log to a file and keeps the terminal free of log lines. */
class SupportLogIT {

    @Test
    void aCommandIsLoggedWithItsExitStatusAndNothingLeaksToTheTerminal(@TempDir Path dir) throws Exception {
        ShippedJar.Run run = ShippedJar.run(dir, Duration.ofSeconds(60),
                "generate", "--server-name", "example.net", "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).doesNotContain("INFO").doesNotContain("SLF4J");

        String log = Files.readString(dir.resolve("logs/signpost-0.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("signpost generate --server-name example.net").contains("exit status 0");
    }
}
