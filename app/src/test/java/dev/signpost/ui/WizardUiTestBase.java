package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.ui.settings.Settings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Opens a real wizard window (headless) for each test, with the engine and remembered settings the test picks. */
@ExtendWith(ApplicationExtension.class)
abstract class WizardUiTestBase {

    /** Static: TestFX calls {@code @Start} before JUnit injects instance fields; each test gets its own folder below. */
    @TempDir
    static Path tempRoot;

    protected Path settingsDir;

    protected Wizard wizard;
    protected Stage stage;

    /** The engine the live check and verify pages use. */
    protected abstract Discovery discovery();

    /** Settings present before the window opens. */
    protected Settings initialSettings() {
        return Settings.defaults();
    }

    /** The SSH uploader of the deploy page, or null for none. */
    protected dev.signpost.ui.steps.SshUpload upload() {
        return null;
    }

    protected Locale locale() {
        return Locale.ENGLISH;
    }

    /**
     * Opens the window. TestFX only finds {@code @Start} methods declared on the test class itself, so each
     * subclass has a one-line {@code @Start} that calls this.
     */
    protected void open(Stage stage) throws Exception {
        this.stage = stage;
        settingsDir = java.nio.file.Files.createTempDirectory(tempRoot, "settings");
        WizardFixture.seedSettings(settingsDir, initialSettings());
        wizard = new Wizard(deps());
        wizard.show(stage);
        // The primary stage is shared by all tests; a size left by another test could push the button bar
        // off Monocle's 1280×800 screen, where clicks miss.
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1000);
        stage.setHeight(720);
    }

    /** What the wizard is built from; tests that need the real engine factory replace it. */
    protected WizardDependencies deps() {
        return WizardFixture.deps(settingsDir, discovery(), locale(), upload());
    }

    protected String title(FxRobot robot) {
        return robot.lookup("#step-title").queryAs(Label.class).getText();
    }

    protected Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    protected boolean visible(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.isVisible() && node.getScene() != null;
    }

    protected void waitUntilIdle() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !wizard.navigator().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sets a field's text in one go (typing char by char is slow headless); the view model sees it the same way. */
    protected void fill(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(javafx.scene.control.TextInputControl.class).setText(text));
    }
}
