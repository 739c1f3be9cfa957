package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.deploy.ClientKeys;
import dev.signpost.core.deploy.MinaSshServer;
import dev.signpost.core.deploy.SshEnvironment;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.Settings;
import dev.signpost.ui.steps.SshUpload;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy page against a real SSH server (Apache MINA in this JVM, key login only for the test user's keys):
 * the private key field, an upload over an existing file and the one-click rollback to its backup.
 */
class DeployRollbackUiTest extends WizardUiTestBase {

    private static final String OLD = "{\"m.server\": \"old.example.com:8448\"}\n";

    private ClientKeys keys;
    private MinaSshServer server;
    private Path www;

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected SshUpload upload() {
        try {
            Path dir = Files.createTempDirectory(tempRoot, "ssh");
            keys = ClientKeys.create(dir.resolve("client"));
            server = new MinaSshServer(dir.resolve("server/root"), keys);
            www = Files.createDirectories(server.newDirectory("ui").resolve("www"));
            Files.writeString(Files.createDirectories(www.resolve(".well-known/matrix")).resolve("server"), OLD);
            Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
            SshEnvironment environment = new SshEnvironment(sshConfig, knownHosts, null, List.of());
            return CoreServices.deployer(environment, new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH),
                    WizardFixture.EXECUTOR);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
            // MINA's own threads may report its executor shutting down while the last session closes; TestFX
            // would hand that fixture noise to whichever UI test runs next. The assertions above are done.
            org.testfx.util.WaitForAsyncUtils.clearExceptions();
        }
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Override
    protected Settings initialSettings() {
        // Static hosting: SSH uploads the files to the web root (a web server's setup is installed instead, as the
        // loopback nginx test shows).
        return Settings.defaults().withLastPlan(SamplePlan.plan().toBuilder()
                .webServer(dev.signpost.core.plan.WebServerKind.STATIC).federationProxy(false).build());
    }

    @Test
    void uploadWithTheChosenKeyThenRollBackRestoresTheOldFile(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        robot.clickOn("#next");
        robot.clickOn("#next");
        waitUntilIdle();
        robot.clickOn("#next");
        waitUntilIdle();
        robot.clickOn("#next");
        assertThat(title(robot)).isEqualTo("Deploy");
        robot.clickOn("#deploy-ssh");
        fill(robot, "#deploy-ssh-host", "127.0.0.1");
        fill(robot, "#deploy-ssh-port", String.valueOf(server.port()));
        fill(robot, "#deploy-ssh-user", server.user());
        fill(robot, "#deploy-ssh-web-root", server.remotePath(www));

        Path missing = keys.dir.resolve("no_such_key");
        fill(robot, "#deploy-ssh-key", missing.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deploy-ssh-form-error").queryAs(Label.class).getText())
                .isEqualTo("There is no file at " + missing + ". Choose your private key (such as ~/.ssh/id_ed25519, "
                        + "not the .pub file) or leave the field empty.");
        assertThat(button(robot, "#deploy-ssh-upload").isDisabled()).isTrue();
        assertThat(visible(robot, "#deploy-ssh-rollback")).isFalse();

        // The server only knows this key; no password is set up in this wizard, so a login means the key was used.
        fill(robot, "#deploy-ssh-key", keys.ecdsa.toString());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#deploy-ssh-form-error").queryAs(Label.class).getText()).isNullOrEmpty();
        robot.clickOn("#deploy-ssh-upload");
        confirmChanges(robot);
        waitUntilIdle();
        assertThat(robot.lookup("#deploy-ssh-error").queryAs(Label.class).getText()).isNullOrEmpty();
        assertThat(robot.lookup("#deploy-ssh-progress").queryAs(Label.class).getText())
                .startsWith("Uploaded 2 files to 127.0.0.1").contains("kept as backups");
        Path served = www.resolve(".well-known/matrix/server");
        assertThat(Files.readString(served)).contains("matrix.example.com:443");
        assertThat(visible(robot, "#deploy-ssh-rollback")).isTrue();

        robot.clickOn("#deploy-ssh-rollback");
        waitUntilIdle();
        assertThat(robot.lookup("#deploy-ssh-progress").queryAs(Label.class).getText())
                .startsWith("Rolled back 1 files on 127.0.0.1 to their backups:");
        assertThat(Files.readString(served)).isEqualTo(OLD);
        assertThat(visible(robot, "#deploy-ssh-rollback")).isFalse();
        assertThat(button(robot, "#next").isDisabled()).as("the uploaded files are gone again").isTrue();
    }

    private void confirmChanges(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).contains(".well-known/matrix/server");
        robot.clickOn((Button) dialog.lookupButton(ButtonType.OK));
    }
}
