package dev.signpost.ui;

import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the set-up path end to end as a user, with a replayed engine. */
@ExtendWith(ApplicationExtension.class)
class WizardWalkTest {

    @TempDir
    static Path settingsDir;

    private Wizard wizard;

    @Start
    void start(Stage stage) {
        ReplayDiscovery discovery = new ReplayDiscovery(
                name -> EngineFixtures.report(FixtureWorld.HEALTHY), false);
        wizard = new Wizard(WizardFixture.deps(settingsDir, discovery, Locale.ENGLISH));
        wizard.show(stage);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1000);
        stage.setHeight(720);
    }

    @Test
    void walksFromStartToDone(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        assertThat(robot.lookup("#step-title").queryAs(Label.class).getText()).isEqualTo("Server name");
        Button next = robot.lookup("#next").queryButton();
        assertThat(next.isDisabled()).isTrue();

        robot.clickOn("#identity-server-name").write("example.com");
        assertThat(next.isDisabled()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#step-title").queryAs(Label.class).getText()).isEqualTo("Hosting");
        assertThat(robot.lookup("#hosting-host").queryAs(TextField.class).getText()).isEqualTo("matrix.example.com");
        assertThat(robot.lookup("#hosting-base-url").queryAs(TextField.class).getText())
                .isEqualTo("https://matrix.example.com");

        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText()).contains("example.com");
        Node findings = robot.lookup("#check-findings").query();
        assertThat(robot.from(findings).lookup(".label").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().contains("already points to matrix.example.com:8448"));

        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        assertThat(robot.lookup(".file-path").queryAllAs(Label.class)).hasSize(2);
        robot.clickOn("#next");
        assertThat(robot.lookup("#next").queryButton().isDisabled()).isTrue();
        robot.clickOn("#deploy-placed");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        robot.clickOn("#next");
        assertThat(robot.lookup("#done-headline").queryAs(Label.class).getText())
                .isEqualTo("example.com is delegated and everything checks out.");
        assertThat(wizard.settings().lastPlan().serverName()).isEqualTo("example.com");
    }
}
