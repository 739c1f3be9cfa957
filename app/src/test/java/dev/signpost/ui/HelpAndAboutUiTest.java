package dev.signpost.ui;

import dev.signpost.testkit.FixtureWorld;
import dev.signpost.Version;
import dev.signpost.core.discovery.Discovery;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** F1 opens the shipped documentation at the current step; About names the version, the licence and the docs. */
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

    private static List<String> texts(FxRobot robot, Stage window) {
        return robot.from(window.getScene().getRoot()).lookup(".label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList();
    }
}
