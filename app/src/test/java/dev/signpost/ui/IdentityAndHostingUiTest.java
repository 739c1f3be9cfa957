package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.Discovery;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity and hosting pages driven as a user: typing, decorations, Next, Back keeping values, mnemonics. */
class IdentityAndHostingUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Test
    void invalidServerNameIsDecoratedAndBlocksNext(FxRobot robot) {
        robot.clickOn("#start-set-up");
        TextField name = robot.lookup("#identity-server-name").queryAs(TextField.class);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getFocusOwner()).isSameAs(name);
        assertThat(name.getStyleClass()).doesNotContain("error");

        robot.write("https://x");
        assertThat(name.getStyleClass()).contains("error");
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class))
                .anyMatch(l -> l.isVisible() && l.getText().contains("without https://"));
        assertThat(button(robot, "#next").isDisabled()).isTrue();

        fill(robot, "#identity-server-name", "example.com");
        assertThat(name.getStyleClass()).doesNotContain("error");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
    }

    @Test
    void internationalNameShowsItsPunycode(FxRobot robot) {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "bücher.example");
        assertThat(robot.lookup("#identity-punycode").queryAs(Label.class).getText()).contains("xn--bcher-kva.example");
        assertThat(visible(robot, "#identity-punycode")).isTrue();
    }

    @Test
    void delegatedHostQuestionMustBeAnswered(FxRobot robot) {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "matrix.example.com");
        assertThat(visible(robot, "#identity-suggestion")).isTrue();
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        robot.clickOn("#identity-use-suggestion");
        assertThat(robot.lookup("#identity-server-name").queryAs(TextField.class).getText()).isEqualTo("example.com");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
        robot.clickOn("#next");
        assertThat(robot.lookup("#hosting-host").queryAs(TextField.class).getText()).isEqualTo("matrix.example.com");
    }

    @Test
    void hostingFieldsAreValidatedAndBackKeepsWhatWasTyped(FxRobot robot) {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.com");
        robot.type(KeyCode.ENTER);
        assertThat(title(robot)).isEqualTo("Hosting");

        TextField baseUrl = robot.lookup("#hosting-base-url").queryAs(TextField.class);
        fill(robot, "#hosting-base-url", "matrix.example.com");
        assertThat(baseUrl.getStyleClass()).contains("error");
        assertThat(robot.lookup("#hosting-base-url-error").queryAs(Label.class).getText()).contains("has no scheme");
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        fill(robot, "#hosting-base-url", "https://chat.example.com");
        assertThat(baseUrl.getStyleClass()).doesNotContain("error");

        robot.clickOn("#hosting-port-other");
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        assertThat(robot.lookup("#hosting-other-port").queryAs(TextField.class).getStyleClass()).contains("error");
        fill(robot, "#hosting-other-port", "8449");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
        fill(robot, "#hosting-support-email", "admin");
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        fill(robot, "#hosting-support-email", "admin@example.com");

        robot.clickOn("#back");
        assertThat(robot.lookup("#identity-server-name").queryAs(TextField.class).getText()).isEqualTo("example.com");
        robot.clickOn("#next");
        assertThat(robot.lookup("#hosting-base-url").queryAs(TextField.class).getText())
                .isEqualTo("https://chat.example.com");
        assertThat(robot.lookup("#hosting-port-other").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#hosting-other-port").queryAs(TextField.class).getText()).isEqualTo("8449");
    }

    @Test
    void stepIndicatorJumpsBackToCompletedSteps(FxRobot robot) {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.com");
        robot.clickOn("#next");
        assertThat(robot.lookup("#step-check").queryButton().isDisabled()).as("steps ahead are not jumped to").isTrue();
        robot.clickOn("#step-identity");
        assertThat(title(robot)).isEqualTo("Server name");
        assertThat(robot.lookup("#identity-server-name").queryAs(TextField.class).getText()).isEqualTo("example.com");
    }

    @Test
    void mnemonicsMoveTheFocusAndPressButtons(FxRobot robot) {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.com");
        robot.press(KeyCode.ALT).type(KeyCode.N).release(KeyCode.ALT);
        assertThat(title(robot)).isEqualTo("Hosting");
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT);
        assertThat(title(robot)).isEqualTo("Server name");
    }
}
