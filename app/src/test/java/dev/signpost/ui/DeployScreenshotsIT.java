package dev.signpost.ui;

import dev.signpost.core.deploy.LoopbackNginx;
import dev.signpost.core.model.Status;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test but the tool that makes {@code docs/screenshots/deploy-vps-*.png} and {@code verify-vps-*.png}: the
 * wizard's Deploy and Verify steps on the loopback VPS ({@link LoopbackVps}: real sshd, real nginx), at the
 * window's default size, light and dark:
 * {@code ./mvnw -B -o -pl app test -Pscreenshots}
 * ({@code -Dscreenshots.dir=DIR} writes them elsewhere). It stops when Verify is not all green.
 */
class DeployScreenshotsIT extends VpsWizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
        stage.setWidth(980);
        stage.setHeight(720);
    }

    @Test
    void screenshots(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
        Files.createDirectories(out);
        LoopbackNginx nginx = vps.startNginx("");
        press(robot, "#start-set-up");
        press(robot, "#next");
        press(robot, "#next");
        awaitIdle();
        press(robot, "#next");
        awaitIdle();
        press(robot, "#next");
        press(robot, "#deploy-ssh");
        robot.interact(() -> {
            text(robot, "#deploy-ssh-host").setText("127.0.0.1");
            text(robot, "#deploy-ssh-port").setText(String.valueOf(vps.sshd.port()));
            text(robot, "#deploy-ssh-user").setText(vps.sshd.user());
            text(robot, "#deploy-ssh-key").setText(vps.keys.ed25519.toString());
            text(robot, "#deploy-setup-config").setText(nginx.site.toString());
            text(robot, "#deploy-setup-test").setText(nginx.shell("-t", "-q"));
            text(robot, "#deploy-setup-reload").setText(nginx.shell("-s", "reload"));
        });
        press(robot, "#deploy-setup-sudo");
        snap(robot, out, "deploy-vps-form");
        press(robot, "#deploy-ssh-upload");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#setup-confirm-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Scene dialog = robot.lookup("#setup-confirm-pane").query().getScene();
        snapScene(robot, dialog, out, "deploy-vps-confirm");
        javafx.scene.control.DialogPane pane = robot.lookup("#setup-confirm-pane")
                .queryAs(javafx.scene.control.DialogPane.class);
        Button go = pane.getButtonTypes().stream().filter(b -> b.getText().equals("Change the server"))
                .map(b -> (Button) pane.lookupButton(b)).findFirst().orElseThrow();
        robot.interact(go::fire);
        awaitIdle();
        assertThat(robot.lookup("#deploy-ssh-error").queryAs(javafx.scene.control.Label.class).getText())
                .isNullOrEmpty();
        scrollToEnd(robot);
        snap(robot, out, "deploy-vps");
        dark(robot, true);
        snap(robot, out, "deploy-vps-dark");
        dark(robot, false);
        press(robot, "#next");
        awaitIdle();
        assertThat(wizard.session().verifyReportProperty().get().checks())
                .allSatisfy(c -> assertThat(c.status()).as(c.id()).isIn(Status.PASS, Status.SKIP));
        snap(robot, out, "verify-vps");
        dark(robot, true);
        snap(robot, out, "verify-vps-dark");
        dark(robot, false);
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private void dark(FxRobot robot, boolean dark) {
        robot.interact(() -> wizard.theme().darkProperty().set(dark));
    }

    /** The page's end: the result of the install under its stages. */
    private static void scrollToEnd(FxRobot robot) {
        robot.interact(() -> robot.lookup(".scroll-pane").queryAllAs(ScrollPane.class).stream()
                .filter(s -> s.getContent() instanceof dev.signpost.ui.steps.DeployView).forEach(s -> s.setVvalue(1)));
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void press(FxRobot robot, String id) {
        robot.interact(() -> {
            ButtonBase button = robot.lookup(id).queryAs(ButtonBase.class);
            button.requestFocus();
            button.fire();
        });
    }

    private void snap(FxRobot robot, Path out, String name) throws Exception {
        snapScene(robot, stage.getScene(), out, name);
    }

    private static void snapScene(FxRobot robot, Scene scene, Path out, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve(name + ".png").toFile());
    }
}
