package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.ui.settings.Settings;
import dev.signpost.ui.settings.SettingsStore;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The check-a-domain path, Cancel / Esc during a check, and the close confirmation, driven as a user. */
class CheckAndCloseUiTest extends WizardUiTestBase {

    /** Holds every run open until released, so a check is "running" as long as the test wants. */
    private final ReplayDiscovery held = ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, true);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return held;
    }

    @Override
    protected Settings initialSettings() {
        return Settings.defaults().withRecentDomain("old.example").withRecentDomain("example.com");
    }

    @Test
    void checkADomainFromTheRecentListGoesStraightToTheLiveCheck(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#start-recent .hyperlink").queryAllAs(Hyperlink.class))
                .extracting(Hyperlink::getText).containsExactly("example.com", "old.example");
        robot.clickOn(robot.lookup("#start-recent .hyperlink").queryAllAs(Hyperlink.class).iterator().next());
        assertThat(robot.lookup("#start-domain").queryAs(TextField.class).getText()).isEqualTo("example.com");
        robot.clickOn("#start-check");
        assertThat(title(robot)).isEqualTo("Live check");
        assertThat(robot.lookup(".step-item").queryAll()).as("start, live check, done").hasSize(3);
        assertThat(wizard.navigator().busyProperty().get()).isTrue();
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        robot.interact(held::release);
        waitUntilIdle();
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText())
                .startsWith("example.com: something fails");
        robot.clickOn("#next");
        assertThat(title(robot)).isEqualTo("Done");
        assertThat(robot.lookup("#done-headline").queryAs(Label.class).getText())
                .isEqualTo("example.com has problems; the checks say how to fix them.");
    }

    @Test
    void escapeCancelsTheRunningCheck(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "example.com");
        robot.clickOn("#start-check");
        assertThat(wizard.navigator().busyProperty().get()).isTrue();
        assertThat(visible(robot, ".busy-indicator")).isTrue();
        robot.type(KeyCode.ESCAPE);
        waitUntilIdle();
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText()).startsWith("Check cancelled");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
        assertThat(stage.isShowing()).as("Esc cancels the work, it does not close the window").isTrue();
    }

    @Test
    void cancelButtonStopsTheCheckAndCheckAgainRestartsIt(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "example.com");
        robot.clickOn("#start-check");
        robot.clickOn("#cancel");
        waitUntilIdle();
        assertThat(held.starts()).isEqualTo(1);
        robot.clickOn("#check-again");
        assertThat(held.starts()).isEqualTo(2);
        robot.interact(held::release);
        waitUntilIdle();
        assertThat(robot.lookup("#check-list .check-summary").queryAllAs(Label.class))
                .extracting(Label::getText).contains("example.com has no A or AAAA record.");
    }

    @Test
    void closingDuringACheckAsksFirstAndStayKeepsTheWindow(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "example.com");
        robot.clickOn("#start-check");
        requestClose(robot);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).isEqualTo("A check is still running. Closing stops it.");
        robot.clickOn((Button) dialog.lookupButton(buttonType(dialog, "Stay")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(wizard.navigator().busyProperty().get()).isTrue();
    }

    @Test
    void closingWithUnsavedInputAsksThenRemembersThePlan(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.com");
        robot.clickOn("#next");
        requestClose(robot);
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).startsWith("You have typed a plan");
        robot.clickOn((Button) dialog.lookupButton(buttonType(dialog, "Close anyway")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isFalse();
        Settings saved = new SettingsStore(settingsDir).load();
        assertThat(saved.lastPlan().serverName()).isEqualTo("example.com");
        assertThat(saved.lastPlan().federationHost()).isEqualTo("matrix.example.com");
        assertThat(saved.windowWidth()).isPositive();
    }

    @Test
    void closingWithNothingToLoseDoesNotAsk(FxRobot robot) {
        requestClose(robot);
        assertThat(stage.isShowing()).isFalse();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    private void requestClose(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ButtonType buttonType(DialogPane dialog, String text) {
        List<ButtonType> types = dialog.getButtonTypes();
        return types.stream().filter(t -> t.getText().equals(text)).findFirst().orElseThrow();
    }
}
