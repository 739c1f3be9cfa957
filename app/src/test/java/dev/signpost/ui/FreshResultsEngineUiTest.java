package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live check never shows a stale result: with the real engine against the test kit's DNS and HTTPS servers, the
 * world changes between two visits of the page (the server well-known is published) and the second visit shows it.
 */
class FreshResultsEngineUiTest extends WizardUiTestBase {

    @RegisterExtension
    static final EngineWorld WORLD = new EngineWorld(FreshResultsEngineUiTest::buildWorld);

    private static TestWorld buildWorld() {
        return new TestWorld().homeserverReady("fresh.example", "203.0.113.7");
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return WORLD.engine(Duration.ofSeconds(20));
    }

    @Test
    void comingBackToTheLiveCheckShowsTheWorldAsItIsNow(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "fresh.example");
        robot.clickOn("#next");
        robot.clickOn("#next");
        waitUntilIdle();
        assertThat(title(robot)).isEqualTo("Live check");
        assertThat(summaries(robot)).anyMatch(s -> s.startsWith("No server well-known"));
        String firstStatus = robot.lookup("#check-status").queryAs(Label.class).getText();
        assertThat(firstStatus).contains("Checked at ");

        robot.clickOn("#next");
        waitUntilIdle();
        assertThat(title(robot)).isEqualTo("Files");
        WORLD.world().https().route("fresh.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.fresh.example:8448\"}"));

        robot.clickOn("#back");
        waitUntilIdle();
        assertThat(title(robot)).isEqualTo("Live check");
        assertThat(summaries(robot)).noneMatch(s -> s.startsWith("No server well-known"));
        assertThat(wizard.session().firstReportProperty().get().federation().host()).isEqualTo("matrix.fresh.example");
        assertThat(robot.lookup("#check-findings .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("The well-known already points to matrix.fresh.example:8448, as your plan says.");
    }

    private java.util.List<String> summaries(FxRobot robot) {
        return robot.lookup("#check-list .check-summary").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
