package dev.signpost.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
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
import java.util.concurrent.TimeUnit;

/**
 * Not a test but the tool that makes {@code docs/screenshots/step-*.png} from the real wizard, headless:
 * {@code ./mvnw -o test -Dtest=StepScreenshotsIT -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class StepScreenshotsIT {

    @TempDir
    static Path settingsDir;

    private Wizard wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ReplayDiscovery discovery = new ReplayDiscovery(name -> name.equals("example.org")
                ? SampleReports.failing(name)
                : SampleReports.passing(name, "matrix." + name + ":8448", "https://matrix." + name), false);
        WizardDependencies fixture = WizardFixture.deps(settingsDir, discovery, Locale.ENGLISH);
        // The real generator and report formats, so the files page shows what users get.
        wizard = new Wizard(new WizardDependencies(fixture.texts(), fixture.tasks(), fixture.settings(),
                fixture.discovery(), CoreServices.generator(Locale.ENGLISH), CoreServices.reportFormats(Locale.ENGLISH),
                new FakeSshUpload(WizardFixture.EXECUTOR), false));
        wizard.show(stage);
        stage.setWidth(1000);
        stage.setHeight(760);
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        snap(robot, out, "step-1-start");
        robot.clickOn("#start-set-up");
        robot.interact(() -> robot.lookup("#identity-server-name").queryAs(TextField.class).setText("matrix.example.org"));
        snap(robot, out, "step-2-identity-question");
        robot.clickOn("#identity-use-suggestion");
        snap(robot, out, "step-2-identity");
        robot.clickOn("#next");
        snap(robot, out, "step-3-hosting");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        snap(robot, out, "step-4-check");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        snap(robot, out, "step-5-files");
        robot.clickOn("#next");
        robot.clickOn("#deploy-placed");
        snap(robot, out, "step-6-deploy");
        robot.clickOn("#deploy-ssh");
        robot.interact(() -> {
            robot.lookup("#deploy-ssh-host").queryAs(TextField.class).setText("web.example.org");
            robot.lookup("#deploy-ssh-after").queryAs(TextField.class).setText("sudo systemctl reload nginx");
        });
        snap(robot, out, "step-6-deploy-ssh");
        robot.clickOn("#deploy-manual");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        snap(robot, out, "step-7-verify");
        robot.clickOn("#next");
        snap(robot, out, "step-8-done");
        robot.interact(() -> wizard.theme().darkProperty().set(true));
        robot.interact(() -> wizard.navigator().jumpTo(2));
        snap(robot, out, "dark-hosting");
        robot.interact(() -> {
            wizard.theme().darkProperty().set(false);
            stage.getScene().getStylesheets().add(getClass().getResource("large-text.css").toExternalForm());
        });
        snap(robot, out, "large-text-hosting");
    }

    private void snap(FxRobot robot, Path out, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = stage.getScene();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve(name + ".png").toFile());
    }
}
