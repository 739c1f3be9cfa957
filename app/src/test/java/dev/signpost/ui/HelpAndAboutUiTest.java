package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.Version;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.log.LogDirectory;
import dev.signpost.testkit.Await;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F1 opens the shipped documentation at the current step; About names the version, the licence and the docs, and
 * opens the support log's folder.
 */
class HelpAndAboutUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(FixtureWorld.NO_DELEGATION, false);
    }

    @Test
    void f1OpensTheHelpOfTheCurrentStep(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.org");
        robot.clickOn("#next");
        assertThat(title(robot)).isEqualTo("Hosting");
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        Stage help = wizard.helpWindows().helpWindow();
        assertThat(help).isNotNull();
        assertThat(help.isShowing()).isTrue();
        assertThat(help.getTitle()).isEqualTo("Signpost help: 3 Hosting");
        List<String> texts = texts(robot, help);
        assertThat(texts.get(0)).isEqualTo("3 Hosting");
        assertThat(texts).anyMatch(t -> t.contains("Homeserver host: proposed as matrix.<server name>"))
                .noneMatch(t -> t.startsWith("4 Live check"));
    }

    @Test
    void aboutShowsVersionLicenceAndTheShippedDocs(FxRobot robot) throws Exception {
        robot.clickOn("#about");
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Signpost " + Version.get());
        assertThat(robot.from(pane).lookup(".label").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .contains("Licensed under the Apache License, Version 2.0.");
        assertThat(robot.from(pane).lookup(".hyperlink").queryAllAs(Hyperlink.class)).extracting(Hyperlink::getText)
                .contains("Read the licence", "The Signpost wizard");
        robot.interact(() -> robot.lookup("#about-licence").queryAs(Hyperlink.class).fire());
        Stage help = wizard.helpWindows().helpWindow();
        assertThat(help.getTitle()).isEqualTo("Signpost help: Licence");
        assertThat(texts(robot, help)).anyMatch(t -> t.contains("Apache License") && t.contains("Version 2.0"));
        robot.interact(() -> robot.lookup("#about-doc-wizard").queryAs(Hyperlink.class).fire());
        assertThat(help.getTitle()).isEqualTo("Signpost help: The Signpost wizard");
    }

    @Test
    void openLogFolderOpensTheLogDirectoryInTheFileManagerOffTheUiThread(FxRobot robot) {
        AtomicReference<Path> opened = new AtomicReference<>();
        AtomicBoolean onUiThread = new AtomicBoolean(true);
        wizard.helpWindows().setFolderOpener(folder -> {
            onUiThread.set(Platform.isFxApplicationThread());
            opened.set(folder);
            return true;
        });
        try {
            Label note = openAboutAndClickOpenLogFolder(robot);
            Path folder = LogDirectory.current();
            Await.until(Duration.ofSeconds(20), "the note saying the folder was opened",
                    () -> note.getText().equals("Opened " + folder + " in the file manager."));
            assertThat(opened.get()).isEqualTo(folder);
            assertThat(onUiThread.get()).as("opened on the UI thread").isFalse();
            assertThat(Files.isDirectory(folder)).isTrue();
        } finally {
            closeAbout(robot);
        }
    }

    @Test
    void withoutAFileManagerOpenLogFolderSaysWhereTheFolderIs(FxRobot robot) {
        wizard.helpWindows().setFolderOpener(folder -> false);
        try {
            Label note = openAboutAndClickOpenLogFolder(robot);
            Await.until(Duration.ofSeconds(20), "the sentence that no file manager is available",
                    () -> note.getText().startsWith("No file manager is available to open the folder: go to "
                            + LogDirectory.current() + " yourself"));
            Await.until(Duration.ofSeconds(20), "the link enabled again", () -> !aboutNode(robot,
                    "#about-log-folder").isDisabled());
        } finally {
            closeAbout(robot);
        }
    }

    private Label openAboutAndClickOpenLogFolder(FxRobot robot) {
        robot.clickOn("#about");
        WaitForAsyncUtils.waitForFxEvents();
        Label note = (Label) aboutNode(robot, "#about-log-note");
        Hyperlink open = (Hyperlink) aboutNode(robot, "#about-log-folder");
        assertThat(open.getText()).isEqualTo("Open log folder");
        assertThat(note.getText()).isEqualTo("Signpost writes its log to " + LogDirectory.current()
                + "; attach the newest file in it when you report a problem.");
        robot.interact(open::fire);
        return note;
    }

    private javafx.scene.Node aboutNode(FxRobot robot, String id) {
        return robot.from(wizard.helpWindows().aboutDialog().getDialogPane()).lookup(id).query();
    }

    private void closeAbout(FxRobot robot) {
        robot.interact(() -> wizard.helpWindows().aboutDialog().close());
    }

    private static List<String> texts(FxRobot robot, Stage window) {
        return robot.from(window.getScene().getRoot()).lookup(".label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }
}
