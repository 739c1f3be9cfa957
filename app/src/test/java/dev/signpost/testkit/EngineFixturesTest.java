package dev.signpost.testkit;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored reports the UI and renderer tests use are what the engine answers today: each world is checked again
 * and the result compared with its file. When the engine changes, this fails and names the command that
 * regenerates the files ({@code -Dfixtures.update=true}); review their diff like code.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineFixturesTest {

    /** First, so that with {@code -Dfixtures.update=true} the files exist before they are read back. */
    @Order(1)
    @ParameterizedTest
    @EnumSource(FixtureWorld.class)
    void theStoredReportIsWhatTheEngineAnswersToday(FixtureWorld world) throws IOException {
        String fresh = EngineFixtures.produce(world);
        if (Boolean.getBoolean("fixtures.update")) {
            EngineFixtures.store(world, fresh);
        }
        Path file = EngineFixtures.DIR.resolve(world.id() + ".json");
        assertThat(file).as("stored report of %s; create it with %s", world, EngineFixtures.UPDATE_COMMAND).exists();
        assertThat(fresh).as("the engine's report for the world %s differs from %s: if the change is intended, "
                        + "regenerate the stored reports with%n    %s%nand review their diff", world, file,
                EngineFixtures.UPDATE_COMMAND)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(FixtureWorld.class)
    void theStoredReportReadsBackAsAChainOfTheServerChecked(FixtureWorld world) {
        Report report = EngineFixtures.report(world);
        assertThat(report.serverName()).isEqualTo(world.serverName());
        assertThat(report.checkedAt()).isEqualTo(EngineFixtures.CHECKED_AT);
        assertThat(report.hops()).isNotEmpty();
        for (Hop hop : report.hops()) {
            if (hop.parentId() != null) {
                assertThat(report.hop(hop.parentId())).as("parent of %s", hop.id()).isPresent();
            }
        }
    }
}
