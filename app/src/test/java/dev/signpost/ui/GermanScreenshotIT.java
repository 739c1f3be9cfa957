package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Makes {@code docs/screenshots/de-step-3-hosting.png}: the hosting page in German, with one invalid field. */
@ExtendWith(ApplicationExtension.class)
class GermanScreenshotIT {

    @TempDir
    static Path settingsDir;

    private Stage stage;
    private Wizard wizard;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wizard = new Wizard(WizardFixture.deps(settingsDir, ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false),
                Locale.GERMAN));
        wizard.show(stage);
        stage.setWidth(1000);
        stage.setHeight(760);
    }

    @Test
    void hostingInGerman(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        robot.interact(() -> wizard.session().draft().serverName.set("beispiel.de"));
        robot.clickOn("#next");
        robot.interact(() -> wizard.session().draft().clientBaseUrl.set("matrix.beispiel.de"));
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = stage.getScene().snapshot(null));
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve("de-step-3-hosting.png").toFile());
    }
}
