package dev.signpost.ui;

import dev.signpost.testkit.Await;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live check with the real discovery engine against the test kit's local DNS and HTTPS servers: a domain whose
 * delegation works, one whose does not, and Cancel while a server is slow to answer.
 */
class LiveCheckEngineUiTest extends WizardUiTestBase {

    private static final String GOOD_CLIENT = "{\"m.homeserver\":{\"base_url\":\"https://matrix.good.example\"}}";

    private static TestWorld world;

    @BeforeAll
    static void buildWorld() {
        world = new TestWorld();
        // good.example delegates to matrix.good.example:8448, which answers federation; clients find it too.
        world.dns().a("matrix.good.example", "203.0.113.5");
        world.serve("good.example", 443).serve("203.0.113.5", 8448, "matrix.good.example")
                .serve("matrix.good.example", 443);
        world.https().route("good.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.good.example:8448\"}"));
        world.https().route("good.example", "/.well-known/matrix/client", Response.json(GOOD_CLIENT).withCors());
        world.homeserver("good.example").installFederation(world.https(), "*");
        world.homeserver("good.example").installClient(world.https(), "matrix.good.example");
        // broken.example has a web server but no well-known and no DNS for federation.
        world.serve("broken.example", 443);
        // slow.example's web server takes far longer than anyone waits.
        world.serve("slow.example", 443);
        world.https().route("slow.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.slow.example:443\"}").withDelay(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void closeWorld() {
        world.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        try {
            return new DiscoveryEngine(world.netOptions(Duration.ofSeconds(20)), Locale.ENGLISH, WizardFixture.EXECUTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    void cancelStopsASlowCheckPromptly(FxRobot robot) throws Exception {
        fill(robot, "#start-domain", "slow.example");
        robot.clickOn("#start-check");
        Await.until(Duration.ofSeconds(10), "the check asks the slow server",
                () -> !world.https().requests("/.well-known/matrix/server").isEmpty());
        assertThat(wizard.navigator().busyProperty().get()).isTrue();
        long start = System.nanoTime();
        robot.clickOn("#cancel");
        waitUntilIdle();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(robot.lookup("#check-status").queryAs(Label.class).getText()).startsWith("Check cancelled");
        assertThat(button(robot, "#next").isDisabled()).isFalse();
    }
}
