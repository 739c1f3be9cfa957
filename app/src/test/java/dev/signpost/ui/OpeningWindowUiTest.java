package dev.signpost.ui;

import dev.signpost.ui.settings.Settings;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's start: the window appears first with the wizard's title and background, then the wizard moves into that
 * same window, ready for the keyboard, exactly as when it is shown directly.
 */
@ExtendWith(ApplicationExtension.class)
class OpeningWindowUiTest {

    @TempDir
    static Path settingsDir;

    private Stage stage;
    private Wizard wizard;
    private final List<String> openingStyleClasses = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage primary) {
        stage = primary;
        WizardDependencies deps = WizardFixture.deps(settingsDir,
                ReplayDiscovery.of(dev.signpost.testkit.FixtureWorld.HEALTHY, false), Locale.ENGLISH);
        OpeningWindow.show(stage, "Signpost", Settings.defaults(), false, 1, () -> {
            wizard = new Wizard(deps);
            wizard.show(stage);
        });
        openingStyleClasses.addAll(stage.getScene().getRoot().getStyleClass());
    }

    @Test
    void theWizardMovesIntoTheOpenedWindowWithTheFocusOnItsFirstChoice(FxRobot robot) throws Exception {
        assertThat(openingStyleClasses).as("the opening page has the wizard's background").contains("wizard");
        dev.signpost.testkit.Await.until(java.time.Duration.ofSeconds(20), "the wizard's start page in the opened window",
                () -> stage.getScene().lookup("#start-set-up") != null);
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Signpost");
        assertThat(stage.getScene().getStylesheets()).anyMatch(s -> s.endsWith("light.css"));
        boolean focused = dev.signpost.testkit.Await.holdsWithin(java.time.Duration.ofSeconds(20), () -> {
            Node owner = stage.getScene().getFocusOwner();
            return owner != null && "start-set-up".equals(owner.getId());
        });
        assertThat(focused).as("the focus on the set-up choice; it is on %s", stage.getScene().getFocusOwner())
                .isTrue();
        robot.clickOn("#start-set-up");
        assertThat(wizard.navigator().current().id()).isEqualTo("identity");
    }
}
