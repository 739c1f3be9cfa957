package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.ui.settings.Settings;
import dev.signpost.ui.steps.SshUpload;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy page for a web server with a configuration: the host-key question with its fingerprint, one go-ahead
 * showing each remote file's diff and the commands (Enter never confirms), the stages, and the outcome enabling Next.
 */
class DeployUiTest extends WizardUiTestBase {

    private final FakeSshUpload upload = new FakeSshUpload(WizardFixture.EXECUTOR);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Override
    protected SshUpload upload() {
        return upload;
    }

    @Override
    protected Settings initialSettings() {
        return Settings.defaults().withLastPlan(SamplePlan.plan());
    }

    @Test
    void installAsksAboutTheHostKeyShowsTheChangesAndThenAllowsNext(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        robot.clickOn("#next");
        robot.clickOn("#next");
        waitUntilIdle();
        robot.clickOn("#next");
        waitUntilIdle();
        robot.clickOn("#next");
        assertThat(title(robot)).isEqualTo("Deploy");

        robot.clickOn("#deploy-ssh");
        assertThat(button(robot, "#deploy-ssh-upload").isDisabled()).isTrue();
        fill(robot, "#deploy-ssh-host", "web.example.com");
        assertThat(button(robot, "#deploy-ssh-upload").isDisabled()).isFalse();
        // By keyboard: Tab from the host field to the button below the fields scrolls it into view, and Space
        // presses it.
        robot.interact(() -> robot.lookup("#deploy-ssh-host").query().requestFocus());
        Button install = button(robot, "#deploy-ssh-upload");
        for (int i = 0; i < 30 && !install.isFocused(); i++) {
            robot.type(javafx.scene.input.KeyCode.TAB);
        }
        assertThat(install.isFocused()).as("Tab reaches the Install button").isTrue();
        javafx.scene.control.ScrollPane page = robot.lookup(".step-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        javafx.geometry.Bounds shown = page.localToScene(page.getLayoutBounds());
        javafx.geometry.Bounds at = install.localToScene(install.getLayoutBounds());
        assertThat(at.getMinY()).as("the focused button is scrolled into view").isBetween(shown.getMinY(),
                shown.getMaxY() - at.getHeight());
        robot.type(javafx.scene.input.KeyCode.SPACE);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-key-fingerprint").tryQuery().isPresent());
        assertThat(robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText())
                .isEqualTo("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ButtonType once = dialog.getButtonTypes().stream().filter(b -> b.getText().equals("Trust this time"))
                .findFirst().orElseThrow();
        robot.clickOn((Button) dialog.lookupButton(once));

        // One question before anything is written: every remote file's diff and the commands, in order.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#setup-confirm-pane").tryQuery().isPresent());
        DialogPane confirm = robot.lookup("#setup-confirm-pane").queryAs(DialogPane.class);
        assertThat(robot.lookup("#setup-confirm-pane .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("/etc/web/snippet.conf (new)", "Then these commands run on the server, in this order:");
        assertThat(robot.lookup("#setup-confirm-commands").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("web -t\nweb reload");
        Button go = confirm.getButtonTypes().stream().filter(b -> b.getText().equals("Change the server"))
                .map(b -> (Button) confirm.lookupButton(b)).findFirst().orElseThrow();
        assertThat(go.isDefaultButton()).as("Enter never changes the server").isFalse();
        assertThat(((Button) confirm.lookupButton(ButtonType.CANCEL)).isDefaultButton()).isTrue();
        robot.clickOn(go);
        waitUntilIdle();
        assertThat(upload.lastAnswer).isEqualTo(SshUpload.HostKeyAnswer.ACCEPT_ONCE);
        assertThat(upload.setups).singleElement().satisfies(s -> {
            assertThat(s.plan().webServer()).isEqualTo(dev.signpost.core.plan.WebServerKind.CADDY);
            assertThat(s.sudo()).isTrue();
            assertThat(s.configPath()).isNull();
        });
        assertThat(robot.lookup("#deploy-ssh-progress").queryAs(Label.class).getText())
                .isEqualTo("Installed on web.example.com.");
        assertThat(robot.lookup("#deploy-ssh-stages .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("• Connecting to web.example.com…", "• Testing the configuration: web -t");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
    }
}
