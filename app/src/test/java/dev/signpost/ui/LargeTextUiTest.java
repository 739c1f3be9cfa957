package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.ui.settings.Settings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** At 200 % text size (chosen in the header) every page still shows its labels and buttons whole (wrapping or scrolling, never "…"). */
class LargeTextUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
        stage.setWidth(1240);
        stage.setHeight(780);
    }

    @Override
    protected Settings initialSettings() {
        return Settings.defaults().withTextPercent(200);
    }

    @Test
    void theChosenSizeScalesTheWholeWindow(FxRobot robot) {
        assertThat(robot.lookup("#next").queryButton().getFont().getSize()).isEqualTo(26.0);
        robot.interact(() -> wizard.textSize().percentProperty().set(100));
        assertThat(robot.lookup("#next").queryButton().getFont().getSize()).isEqualTo(13.0);
        assertThat(wizard.settings().textPercent()).as("remembered").isEqualTo(100);
        robot.interact(() -> wizard.textSize().percentProperty().set(Settings.FOLLOW_DESKTOP));
        assertThat(robot.lookup("#next").queryButton().getFont().getSize()).as("the desktop's size").isEqualTo(13.0);
        robot.interact(() -> wizard.textSize().percentProperty().set(175));
        assertThat(robot.lookup("#next").queryButton().getFont().getSize()).isCloseTo(22.75, org.assertj.core.api.Assertions.within(0.1));
    }

    /**
     * A field marked invalid makes ControlsFX wrap the window's content in its decoration pane (a new scene root);
     * a size picked in the header afterwards must still reach every page.
     */
    @Test
    void aSizePickedAfterAFieldWasMarkedInvalidStillApplies(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "not a server name!");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#identity-server-name").query().getStyleClass().contains("error"));
        robot.interact(() -> robot.lookup("#text-size-choice").<ChoiceBox<Integer>>query().setValue(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#next").queryButton().getFont().getSize()).as("button bar").isEqualTo(13.0);
        assertThat(robot.lookup("#step-title").queryAs(Labeled.class).getFont().getSize())
                .as("page title, larger than body text").isLessThan(26.0);
        robot.interact(() -> robot.lookup("#text-size-choice").<ChoiceBox<Integer>>query().setValue(150));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#next").queryButton().getFont().getSize()).isEqualTo(19.5);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Test
    void noTextIsCutOffOnTheFirstPages(FxRobot robot) throws Exception {
        assertThat(truncated()).as("start page").isEmpty();
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.com");
        assertThat(truncated()).as("identity page").isEmpty();
        robot.clickOn("#next");
        assertThat(truncated()).as("hosting page").isEmpty();
        robot.clickOn("#next");
        waitUntilIdle();
        assertThat(truncated()).as("live check page").isEmpty();
    }

    /** Labels and buttons whose shown text is shorter than their text (JavaFX's ellipsis). */
    private List<String> truncated() {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        collect(stage.getScene().getRoot(), cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        // The chain diagram scales itself (zoom to fit) and is tested by its own package.
        if (!node.isVisible() || node.getStyleClass().contains("chain-diagram")) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text text && !text.getText().replace("_", "").equals(
                        labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText().replace("_", ""))) {
                    cut.add(labeled.getText() + " shown as " + text.getText());
                }
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, cut));
        }
    }
}
