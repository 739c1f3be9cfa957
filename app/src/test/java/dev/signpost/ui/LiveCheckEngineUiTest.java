package dev.signpost.ui;

import dev.signpost.testkit.Await;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live check with the real discovery engine against the test kit's local DNS and HTTPS servers: a domain whose
 * delegation works, one whose does not, and Cancel while a server is slow to answer.
 */
class LiveCheckEngineUiTest extends WizardUiTestBase {

    private static final String GOOD_CLIENT = "{\"m.homeserver\":{\"base_url\":\"https://matrix.good.example\"}}";

    @RegisterExtension
    static final EngineWorld WORLD = new EngineWorld(LiveCheckEngineUiTest::buildWorld);

    private static TestWorld buildWorld() {
        TestWorld w = new TestWorld();
        // good.example delegates to matrix.good.example:8448, which answers federation; clients find it too.
        w.homeserverReady("good.example", "203.0.113.5");
        w.https().route("good.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.good.example:8448\"}"));
        w.https().route("good.example", "/.well-known/matrix/client", Response.json(GOOD_CLIENT).withCors());
        // broken.example has a web server but no well-known and no DNS for federation.
        w.serve("broken.example", 443);
        // slow.example's web server takes far longer than anyone waits.
        w.serve("slow.example", 443);
        w.https().route("slow.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.slow.example:443\"}").withDelay(Duration.ofSeconds(30)));
        return w;
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
    void aWorkingDelegationMatchesThePlan(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "good.example");
        robot.clickOn("#next");
        fill(robot, "#hosting-host", "matrix.good.example");
        robot.clickOn("#next");
        waitUntilIdle();
        assertThat(wizard.session().firstReportProperty().get().overall()).isNotEqualTo(Status.FAIL);
        assertThat(robot.lookup("#check-findings .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("The well-known already points to matrix.good.example:8448, as your plan says.",
                        "Matrix apps are already sent to https://matrix.good.example, as your plan says.");
        assertThat(robot.lookup("#check-list .check-summary").queryAllAs(Label.class)).isNotEmpty();
        assertThat(robot.lookup("#check-apps .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Which apps will work", "Element Web: works", "Element X: works",
                        "Element Call: no call service is set up");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
    }

    @Test
    void aBrokenDelegationShowsFailuresWithFixes(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "broken.example");
        robot.clickOn("#start-check");
        waitUntilIdle();
        assertThat(wizard.session().firstReportProperty().get().overall()).isEqualTo(Status.FAIL);
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText())
                .startsWith("broken.example: something fails. Each failed check below says how to fix it. Checked at ");
        assertThat(robot.lookup("#check-list .check-fix").queryAllAs(Label.class))
                .anyMatch(l -> l.getText().startsWith("Fix: "));
        assertThat(robot.lookup("#check-diagram").tryQuery()).isPresent();
    }

    @Test
    void aChecksEvidenceIsThereWhenItsDetailsAreOpened(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "broken.example");
        robot.clickOn("#start-check");
        waitUntilIdle();
        List<TitledPane> details = robot.lookup("#check-list .check-details").queryAllAs(TitledPane.class)
                .stream().toList();
        assertThat(details).as("checks with evidence").isNotEmpty();
        assertThat(details).allMatch(pane -> !pane.isExpanded());
        // Closed details hold no text area: it is made on first opening.
        assertThat(robot.lookup("#check-list .code").tryQuery()).isEmpty();

        TitledPane first = details.get(0);
        robot.interact(() -> first.setExpanded(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> first.getContent() instanceof TextArea);
        TextArea evidence = (TextArea) first.getContent();
        assertThat(evidence.getText()).isNotBlank();
        assertThat(evidence.isEditable()).isFalse();

        robot.interact(() -> first.setExpanded(false));
        robot.interact(() -> first.setExpanded(true));
        assertThat(first.getContent()).as("the same text area when opened again").isSameAs(evidence);
    }

    @Test
    void cancelStopsASlowCheckPromptly(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "slow.example");
        robot.clickOn("#start-check");
        Await.until(Duration.ofSeconds(10), "the check asks the slow server",
                () -> !WORLD.world().https().requests("/.well-known/matrix/server").isEmpty());
        assertThat(wizard.navigator().busyProperty().get()).isTrue();
        long start = System.nanoTime();
        robot.clickOn("#cancel");
        waitUntilIdle();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText()).startsWith("Check cancelled");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
    }
}
