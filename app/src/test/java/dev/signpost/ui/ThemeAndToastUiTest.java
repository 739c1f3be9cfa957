package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.ui.settings.Settings;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.widgets.Toasts;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The theme menu says which theme is in force and remembers it; confirmations stay clear of the button bar. */
class ThemeAndToastUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Test
    void theThemeMenuShowsTheChoiceAndSwitchesThePalette(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ChoiceBox<Settings.ThemeChoice> menu = robot.lookup("#theme-choice").queryAs(ChoiceBox.class);
        assertThat(menu.getValue()).isEqualTo(Settings.ThemeChoice.SYSTEM);
        assertThat(robot.from(menu).lookup(".label").queryAs(Label.class).getText()).isEqualTo("System");
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));

        robot.interact(() -> menu.setValue(Settings.ThemeChoice.DARK));
        assertThat(robot.from(menu).lookup(".label").queryAs(Label.class).getText()).isEqualTo("Dark");
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("dark.css"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> new SettingsStore(settingsDir).load().theme() == Settings.ThemeChoice.DARK);

        robot.interact(() -> menu.setValue(Settings.ThemeChoice.LIGHT));
        assertThat(robot.from(menu).lookup(".label").queryAs(Label.class).getText()).isEqualTo("Light");
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));
    }

    @Test
    void aConfirmationSitsAboveTheButtonBarWithItsText(FxRobot robot) throws Exception {
        SimpleStringProperty message = new SimpleStringProperty("");
        robot.interact(() -> {
            Toasts.follow(wizard.navigator().current().view(), message);
            message.set("Saved 2 files to /tmp/signpost");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label toast = robot.lookup(".toast").queryAs(Label.class);
        assertThat(toast.getText()).isEqualTo("Saved 2 files to /tmp/signpost");
        Bounds toastBounds = toast.localToScene(toast.getBoundsInLocal());
        Node bar = robot.lookup(".button-bar").query();
        Bounds barBounds = bar.localToScene(bar.getBoundsInLocal());
        assertThat(toastBounds.getHeight()).as("a box with text, not an empty one").isGreaterThan(10);
        assertThat(toastBounds.getMaxY()).isLessThanOrEqualTo(barBounds.getMinY());
        assertThat(toastBounds.getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
    }
}
