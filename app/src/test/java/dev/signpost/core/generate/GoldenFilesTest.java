package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.InvalidPlanException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every generator's output for every scenario, compared byte for byte with the reviewed files under
 * {@code src/test/resources/golden/generate/}. {@code -Dgolden.update=true} rewrites them after a deliberate
 * change; review the diff before committing.
 */
class GoldenFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/generate");

    @TestFactory
    Stream<DynamicTest> generatedFilesMatchGoldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, DelegationPlan> scenario : Scenarios.all().entrySet()) {
            tests.add(DynamicTest.dynamicTest(scenario.getKey(), () -> check(scenario.getKey(), scenario.getValue())));
        }
        return tests.stream();
    }

    private static void check(String name, DelegationPlan plan) throws IOException, InvalidPlanException {
        List<GeneratedFile> files = new ConfigGenerator(Locale.ENGLISH).generate(plan);
        Path dir = GOLDEN.resolve(name);
        StringBuilder manifest = new StringBuilder();
        for (GeneratedFile file : files) {
            manifest.append(file.path()).append("\n    ").append(file.purpose()).append('\n');
        }
        if (Boolean.getBoolean("golden.update")) {
            write(dir.resolve("FILES.txt"), manifest.toString());
            for (GeneratedFile file : files) {
                write(dir.resolve(file.path()), file.content());
            }
        }
        assertThat(dir.resolve("FILES.txt")).as("manifest of " + name).hasContent(manifest.toString());
        for (GeneratedFile file : files) {
            assertThat(Files.readString(dir.resolve(file.path()), StandardCharsets.UTF_8))
                    .as(name + "/" + file.path()).isEqualTo(file.content());
            assertThat(file.content()).endsWith("\n");
        }
    }

    private static void write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }
}
