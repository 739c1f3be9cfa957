package dev.signpost.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Compares output with an expected file under {@code src/test/resources/golden/report}. Run with
 * {@code -Dgolden.update=true} to rewrite the files after an intended change, then review the diff in git.
 */
final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden/report");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("No golden file " + file.toAbsolutePath() + "; run with -Dgolden.update=true and review it.");
        }
        assertThat(actual).as("output differs from golden file %s", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
