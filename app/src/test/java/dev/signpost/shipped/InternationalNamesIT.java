package dev.signpost.shipped;

import dev.signpost.testkit.ShippedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped jar converts internationalised names with UTS #46 (ICU's data must be inside the jar). */
class InternationalNamesIT {

    @Test
    void faßDotDeIsGeneratedForItsOwnDomainNotForFassDotDe(@TempDir Path dir) throws Exception {
        ShippedJar.Run run = ShippedJar.run(dir, Duration.ofSeconds(60),
                env -> env.put("LC_ALL", "C.UTF-8"),
                "generate", "--server-name", "faß.de", "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        String server = Files.readString(dir.resolve("out/.well-known/matrix/server"), StandardCharsets.UTF_8);
        assertThat(server).contains("matrix.xn--fa-hia.de").doesNotContain("fass.de");
        assertThat(run.stdout() + run.stderr()).contains("fass.de, a different domain");
    }
}
