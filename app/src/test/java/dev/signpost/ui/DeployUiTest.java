package dev.signpost.ui;

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

/** The deploy page: the host-key question with its fingerprint, and the upload's outcome enabling Next. */
class DeployUiTest extends WizardUiTestBase {

    private final FakeSshUpload upload = new FakeSshUpload(WizardFixture.EXECUTOR);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return new ReplayDiscovery(SampleReports::failing, false);
    }

    @Override
    protected SshUpload upload() {
        return upload;
    }

    @Override
    protected Settings initialSettings() {
        return Settings.defaults().withLastPlan(SampleReports.plan());
    }

    @Test
    void uploadAsksAboutTheHostKeyAndThenAllowsNext(FxRobot robot) throws Exception {
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
        robot.clickOn("#deploy-ssh-upload");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-key-fingerprint").tryQuery().isPresent());
        assertThat(robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText())
                .isEqualTo("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ButtonType once = dialog.getButtonTypes().stream().filter(b -> b.getText().equals("Trust this time"))
                .findFirst().orElseThrow();
        robot.clickOn((Button) dialog.lookupButton(once));
        waitUntilIdle();
        assertThat(upload.lastAnswer).isEqualTo(SshUpload.HostKeyAnswer.ACCEPT_ONCE);
        assertThat(robot.lookup("#deploy-ssh-progress").queryAs(Label.class).getText())
                .isEqualTo("Uploaded 2 files to web.example.com.");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
    }
}
