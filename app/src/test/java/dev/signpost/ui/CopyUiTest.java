package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's sentences use the user's own names, say things once, and only promise what happens. */
class CopyUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** The engine's report of a healthy delegation: 15 checks passed, 4 did not apply (SRV, IPv6, support, calls). */
    @Override
    protected Discovery discovery() {
        return new ReplayDiscovery(name -> EngineFixtures.report(FixtureWorld.HEALTHY), false);
    }

    @Test
    void theHostingPageNamesTheServerAndExplainsPort443Once(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.org");
        robot.clickOn("#next");
        List<String> texts = pageTexts(robot);
        assertThat(texts).noneMatch(t -> t.contains("your-server-name"));
        assertThat(texts).anyMatch(t -> t.contains("https://example.org/.well-known/matrix/server"))
                .anyMatch(t -> t.contains("What serves https://example.org today"));
        robot.clickOn("#hosting-port-443");
        waitUntilIdle();
        assertThat(pageTexts(robot)).filteredOn(t -> t.contains("443") && t.contains("proxy")).hasSize(1);
    }

    @Test
    void checkingADomainPromisesNoRememberedPlanAndCountsOnlyChecksThatRan(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "example.com");
        robot.clickOn("#start-check");
        waitUntilIdle();
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText())
                .startsWith("example.com: all 15 checks passed (5 more did not apply). Checked at ");
        robot.clickOn("#next");
        assertThat(robot.lookup("#done-closing").queryAs(Label.class).getText())
                .isEqualTo("Close the window with Finish.");
    }

    private List<String> pageTexts(FxRobot robot) {
        return robot.from(wizard.navigator().current().view()).lookup((java.util.function.Predicate<javafx.scene.Node>) n -> n instanceof Labeled)
                .queryAllAs(Labeled.class).stream().filter(javafx.scene.Node::isVisible).map(Labeled::getText)
                .toList();
    }
}
