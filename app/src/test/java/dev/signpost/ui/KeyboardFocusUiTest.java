package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.Discovery;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyboard rules of a native app: every page starts with the focus on its first input or primary action (never on
 * Cancel or the theme toggle), Enter never leaves the wizard, and the close question defaults to staying.
 */
class KeyboardFocusUiTest extends WizardUiTestBase {

    private final ReplayDiscovery held = ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, true);

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return held;
    }

    @Test
    void everyFreshPageFocusesItsOwnControlAndEnterNeverLeavesTheWizard(FxRobot robot) throws Exception {
        assertFocusOnPage(robot);
        assertThat(focusOwner(robot).getId()).isEqualTo("start-set-up");
        robot.clickOn("#start-set-up");
        assertFocusOnPage(robot);
        assertThat(focusOwner(robot)).isSameAs(robot.lookup("#identity-server-name").query());
        robot.type(KeyCode.ENTER);
        assertThat(title(robot)).as("Enter with an empty name stays on the page").isEqualTo("Server name");
        robot.write("example.org");
        robot.type(KeyCode.ENTER);
        assertThat(title(robot)).isEqualTo("Hosting");
        assertFocusOnPage(robot);
        assertThat(focusOwner(robot)).isSameAs(robot.lookup("#hosting-host").query());
        robot.type(KeyCode.ENTER);
        assertThat(title(robot)).isEqualTo("Live check");
        robot.interact(held::release);
        waitUntilIdle();
        assertFocusOnPage(robot);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("Enter after a check does not ask to close").isEmpty();
    }

    @Test
    void whenACheckEndsTheFocusLeavesCancel(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "example.com");
        robot.clickOn("#start-check");
        assertThat(wizard.navigator().busyProperty().get()).isTrue();
        robot.interact(() -> robot.lookup("#cancel").query().requestFocus());
        robot.interact(held::release);
        waitUntilIdle();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> focusOwner(robot) != robot.lookup("#cancel").query());
        assertFocusOnPage(robot);

        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void twoEntersFromCancelWithATypedPlanNeverQuit(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.org");
        robot.interact(() -> robot.lookup("#cancel").query().requestFocus());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("Cancel asks before closing").isPresent();
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).as("the question's default keeps the window").isTrue();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    @Test
    void theCloseQuestionDefaultsToStayAndSitsOnTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.org");
        robot.interact(() -> wizard.requestClose());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button stay = pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(b -> b.getText().equals("Stay")).findFirst().orElseThrow();
        assertThat(stay.isDefaultButton()).isTrue();
        assertThat(pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(Button::isDefaultButton)).containsExactly(stay);
        Window dialog = pane.getScene().getWindow();
        assertThat(dialog.getWidth()).isLessThan(stage.getWidth());
        double centre = dialog.getX() + dialog.getWidth() / 2;
        assertThat(centre).isCloseTo(stage.getX() + stage.getWidth() / 2, org.assertj.core.data.Offset.offset(2.0));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.isShowing()).isTrue();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
    }

    private Node focusOwner(FxRobot robot) {
        return stage.getScene().getFocusOwner();
    }

    /** The focus is on the current page's content or on Next, never on Cancel, the theme toggle or nowhere. */
    private void assertFocusOnPage(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Node page = wizard.navigator().current().view();
        Node next = robot.lookup("#next").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
            Node owner = focusOwner(robot);
            return owner != null && (owner == next || isInside(owner, page));
        });
        Node owner = focusOwner(robot);
        assertThat(owner.getId()).isNotIn("cancel", "theme-choice");
        if (owner instanceof TextField field) {
            assertThat(field.isEditable()).isTrue();
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }
}
