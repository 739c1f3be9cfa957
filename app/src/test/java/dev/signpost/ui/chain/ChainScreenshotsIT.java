package dev.signpost.ui.chain;

import dev.signpost.core.model.Report;
import dev.signpost.core.report.ChainFixtures;
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

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writes the README's pictures of the diagram to {@code docs/screenshots}. Runs only when asked
 * ({@code -Dsignpost.screenshots=true}), so the normal build does not rewrite tracked files.
 */
@ExtendWith(ApplicationExtension.class)
class ChainScreenshotsTest {

    private static final Path OUT = Path.of("../docs/screenshots");
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
        assumeTrue(Boolean.getBoolean("signpost.screenshots"),
                "Screenshots are written only with -Dsignpost.screenshots=true");
        Files.createDirectories(OUT);
        export(robot, ChainFixtures.brokenDelegation(), "chain-broken-delegation.png", false);
        export(robot, ChainFixtures.sixAddressFanOut(), "chain-six-addresses.png", false);
        export(robot, ChainFixtures.clientCorsFailure(), "chain-client-cors.png", false);
        export(robot, ChainFixtures.sixAddressFanOut(), "chain-six-addresses-dark.png", true);

        // The whole control as a user sees it: a broken hop selected, its details and fix open beside the chain.
        robot.interact(() -> {
            diagram.setDark(false);
            diagram.setReport(ChainFixtures.brokenDelegation());
            diagram.fitToWindow();
            diagram.openDetails(ChainFixtures.brokenDelegation().hop("fed.tls.203.0.113.5:443").orElseThrow());
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
