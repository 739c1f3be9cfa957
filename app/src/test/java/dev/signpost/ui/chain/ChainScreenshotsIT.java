package dev.signpost.ui.chain;

import dev.signpost.core.model.Report;
import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Not a test but the tool that writes the README's pictures of the diagram to {@code docs/screenshots}
 * ({@code -Dscreenshots.dir=DIR} writes them elsewhere); run with the others by
 * {@code ./mvnw -B -o -pl app test -Pscreenshots}. Its name keeps it out of the normal test run, which must not
 * rewrite tracked files.
 */
@ExtendWith(ApplicationExtension.class)
class ChainScreenshotsIT {

    private static final Path OUT = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
    private ChainDiagram diagram;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        diagram = new ChainDiagram(Locale.ENGLISH);
        stage.setScene(new Scene(diagram, 1280, 760));
        stage.show();
    }

    @Test
    void writeScreenshots(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        export(robot, EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION), "chain-broken-delegation.png", false);
        export(robot, EngineFixtures.report(FixtureWorld.SIX_ADDRESSES), "chain-six-addresses.png", false);
        export(robot, EngineFixtures.report(FixtureWorld.CLIENT_WITHOUT_CORS), "chain-client-cors.png", false);
        export(robot, EngineFixtures.report(FixtureWorld.SIX_ADDRESSES), "chain-six-addresses-dark.png", true);

        // The whole control as a user sees it: a broken hop selected, its details and fix open beside the chain.
        robot.interact(() -> {
            diagram.setDark(false);
            diagram.setReport(EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION));
            diagram.fitToWindow();
            diagram.openDetails(EngineFixtures.report(FixtureWorld.BROKEN_DELEGATION).hop("fed.tls.203.0.113.5").orElseThrow());
        });
        robot.interact(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        OUT.resolve("chain-details.png").toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void export(FxRobot robot, Report report, String name, boolean dark) {
        robot.interact(() -> {
            diagram.closeDetails();
            diagram.setDark(dark);
            diagram.setReport(report);
            diagram.exportPng(OUT.resolve(name)).join();
        });
    }
}
