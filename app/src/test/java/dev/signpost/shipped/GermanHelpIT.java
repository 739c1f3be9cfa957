package dev.signpost.shipped;

import dev.signpost.testkit.ShippedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped jar's help follows the user's language as the terminal sets it, also where the C library has no
 * German locale installed (servers and containers often have only C.UTF-8): the JVM then falls back to English
 * and ASCII, and Signpost still prints German, umlauts intact.
 */
class GermanHelpIT {

    @Test
    void germanTerminalGetsGermanHelp(@TempDir Path dir) throws Exception {
        ShippedJar.Run run = ShippedJar.run(dir, Duration.ofSeconds(60), env -> {
            env.remove("LC_ALL");
            env.remove("LC_MESSAGES");
            env.put("LANG", "de_DE.UTF-8");
        }, "check", "--help");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Aufruf: signpost check")
                .contains("Die Matrix-Delegation eines Servernamens prüfen")
                .contains("Optionen:")
                .contains("Jede DNS-Anfrage an diesen Server schicken");
    }

    @Test
    void englishOrCTerminalGetsEnglishHelp(@TempDir Path dir) throws Exception {
        ShippedJar.Run run = ShippedJar.run(dir, Duration.ofSeconds(60), env -> {
            env.remove("LC_ALL");
            env.remove("LC_MESSAGES");
            env.put("LANG", "C.UTF-8");
        }, "check", "--help");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("Usage: signpost check").contains("Send every DNS query to this server");
    }
}
