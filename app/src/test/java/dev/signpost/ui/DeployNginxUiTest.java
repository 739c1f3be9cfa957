package dev.signpost.ui;

import dev.signpost.core.deploy.LoopbackNginx;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard's Deploy step on a loopback VPS (real OpenSSH sshd, real nginx; see {@link LoopbackVps}): from an empty
 * web root and a site without Matrix lines, the step installs the snippet and its include line through the core's
 * install, Verify then finds every check passing, and a second install changes nothing. A failing configuration
 * test puts the old configuration back and shows the sentence with nginx's own lines.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DeployNginxUiTest extends VpsWizardUiTestBase {

    @AfterEach
    void stopNginx() throws Exception {
        vps.closeNginx();
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void deployInstallsEverythingVerifyIsAllGreenAndASecondDeployChangesNothing(FxRobot robot) throws Exception {
        LoopbackNginx nginx = vps.startNginx("");
        long reloads = nginx.reloads();
        walkToDeploy(robot);
        fillSshForm(robot, nginx);
        press(robot, "#deploy-ssh-upload");

        DialogPane confirm = awaitConfirmation(robot);
        Path snippet = nginx.prefix.resolve("snippets/signpost-wellknown.conf");
        assertThat(labels(robot, "#setup-confirm-pane .label")).contains(nginx.site + " (changed)", snippet + " (new)");
        assertThat(robot.lookup("#setup-confirm-pane .setup-diff").queryAllAs(TextArea.class))
                .extracting(TextArea::getText).anySatisfy(diff -> assertThat(diff)
                        .contains("+    include " + snippet + ";"));
        assertThat(robot.lookup("#setup-confirm-commands").queryAs(TextArea.class).getText())
                .isEqualTo(nginx.shell("-t", "-q") + "\n" + nginx.shell("-s", "reload"));
        assertThat(((Button) confirm.lookupButton(ButtonType.CANCEL)).isDefaultButton())
                .as("Enter never changes the server").isTrue();
        assertThat(Files.exists(snippet)).as("nothing is written before the go-ahead").isFalse();
        goAhead(robot, confirm);
        awaitIdle();

        assertThat(text(robot, "#deploy-ssh-error")).isNullOrEmpty();
        assertThat(text(robot, "#deploy-ssh-progress")).startsWith("Installed on 127.0.0.1: 2 files written");
        assertThat(labels(robot, "#deploy-ssh-stages .label"))
                .anyMatch(s -> s.startsWith("• Testing the configuration: " + nginx.shell("-t", "-q")))
                .anyMatch(s -> s.startsWith("• Reloading: "))
                .anyMatch(s -> s.startsWith("• Checking example.org after the reload"));
        assertThat(Files.readString(nginx.site)).contains("include " + snippet + ";");
        assertThat(nginx.reloads()).isEqualTo(reloads + 1);

        robot.clickOn("#next");
        awaitIdle();
        assertThat(title(robot)).isEqualTo("Verify");
        Report verified = wizard.session().verifyReportProperty().get();
        assertThat(verified).isNotNull();
        assertThat(verified.checks()).as("no check fails or warns after the install")
                .allSatisfy(c -> assertThat(c.status()).as(c.id()).isIn(Status.PASS, Status.SKIP));
        // Skipped by design, never by failure: SRV is not consulted when the well-known delegates, the loopback
        // homeserver has no IPv6 address, the plan has no call service, and the test's engine (its own DNS server,
        // no public resolvers) does not compare with public DNS.
        assertThat(verified.checks().stream().filter(c -> c.status() == Status.SKIP).map(Check::id))
                .isSubsetOf("federation.srv", "federation.ipv6", "client.rtc", "dns.outside-view");
        assertThat(verified.checks().stream().filter(c -> c.status() == Status.PASS)).hasSizeGreaterThan(5);

        robot.clickOn("#back");
        assertThat(title(robot)).isEqualTo("Deploy");
        String site = Files.readString(nginx.site);
        press(robot, "#deploy-ssh-upload");
        awaitIdle();
        assertThat(robot.lookup("#setup-confirm-pane").tryQuery()).as("nothing to confirm").isEmpty();
        assertThat(text(robot, "#deploy-ssh-error")).isNullOrEmpty();
        assertThat(text(robot, "#deploy-ssh-progress"))
                .isEqualTo("127.0.0.1 already has exactly this setup; nothing was changed. Go on to verify.");
        assertThat(Files.readString(nginx.site)).isEqualTo(site);
        assertThat(nginx.reloads()).as("a second install reloads nothing").isEqualTo(reloads + 1);
    }

    @Test
    void aFailedConfigTestPutsTheOldConfigBackAndShowsNginxsOwnLines(FxRobot robot) throws Exception {
        // The admin once answered the well-known by hand: with the snippet included, nginx -t refuses the
        // duplicate location.
        LoopbackNginx nginx = vps.startNginx("    location = /.well-known/matrix/server {\n        return 404;\n    }\n");
        long reloads = nginx.reloads();
        walkToDeploy(robot);
        fillSshForm(robot, nginx);
        press(robot, "#deploy-ssh-upload");
        goAhead(robot, awaitConfirmation(robot));
        awaitIdle();

        assertThat(text(robot, "#deploy-ssh-error")).startsWith("The configuration test \"" + nginx.shell("-t", "-q"))
                .endsWith("so nothing was reloaded and the previous configuration was put back. The server said:");
        assertThat(robot.lookup("#deploy-ssh-server-lines").queryAs(TextArea.class).getText())
                .contains("duplicate location");
        assertThat(visible(robot, "#deploy-ssh-server-lines")).isTrue();
        assertThat(Files.readString(nginx.site)).isEqualTo(nginx.originalSite);
        assertThat(nginx.prefix.resolve("snippets/signpost-wellknown.conf")).doesNotExist();
        assertThat(nginx.reloads()).isEqualTo(reloads);
        assertThat(button(robot, "#next").isDisabled()).as("nothing was installed").isTrue();
    }

    private void walkToDeploy(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        robot.clickOn("#next");
        robot.clickOn("#next");
        awaitIdle();
        assertThat(title(robot)).isEqualTo("Live check");
        robot.clickOn("#next");
        awaitIdle();
        assertThat(title(robot)).isEqualTo("Files");
        robot.clickOn("#next");
        assertThat(title(robot)).isEqualTo("Deploy");
    }

    /** The SSH path by keyboard (focus and Space), the fields filled in one go each. */
    private void fillSshForm(FxRobot robot, LoopbackNginx nginx) {
        press(robot, "#deploy-ssh");
        fill(robot, "#deploy-ssh-host", "127.0.0.1");
        fill(robot, "#deploy-ssh-port", String.valueOf(vps.sshd.port()));
        fill(robot, "#deploy-ssh-user", vps.sshd.user());
        fill(robot, "#deploy-ssh-key", vps.keys.ed25519.toString());
        assertThat(robot.lookup("#deploy-setup-test").queryAs(javafx.scene.control.TextField.class).getPromptText())
                .as("the distribution's default is the prompt").isEqualTo("nginx -t");
        fill(robot, "#deploy-setup-config", nginx.site.toString());
        fill(robot, "#deploy-setup-test", nginx.shell("-t", "-q"));
        fill(robot, "#deploy-setup-reload", nginx.shell("-s", "reload"));
        // The test's nginx runs as this user: no sudo.
        press(robot, "#deploy-setup-sudo");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deploy-setup-sudo").queryAs(javafx.scene.control.CheckBox.class).isSelected())
                .isFalse();
    }

    /** Focuses a control and presses Space, as a keyboard user does. */
    private static void press(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).query().requestFocus());
        robot.type(KeyCode.SPACE);
    }

    private static DialogPane awaitConfirmation(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#setup-confirm-pane").tryQuery().isPresent());
        return robot.lookup("#setup-confirm-pane").queryAs(DialogPane.class);
    }

    private static void goAhead(FxRobot robot, DialogPane confirm) {
        Button go = confirm.getButtonTypes().stream().filter(b -> b.getText().equals("Change the server"))
                .map(b -> (Button) confirm.lookupButton(b)).findFirst().orElseThrow();
        robot.interact(go::requestFocus);
        robot.type(KeyCode.SPACE);
    }

    /** An install runs two live checks; bounded well above what it takes on loopback. */
    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static List<String> labels(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
