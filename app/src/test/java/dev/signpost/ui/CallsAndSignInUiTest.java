package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosting page's "Calls and sign-in" section as a keyboard user meets it: Tab reaches its title, Space opens it,
 * a wrong URL gets the core validator's own sentence under the field while it is typed, and the values typed end up
 * in the client well-known on the Files page.
 */
class CallsAndSignInUiTest extends WizardUiTestBase {

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Discovery discovery() {
        return ReplayDiscovery.of(dev.signpost.testkit.FixtureWorld.NO_DELEGATION, false);
    }

    /** The core's own generator: the Files page must show what {@code signpost generate} writes for the plan. */
    @Override
    protected WizardDependencies deps() {
        WizardDependencies fixture = super.deps();
        return new WizardDependencies(fixture.texts(), fixture.tasks(), fixture.settings(), () -> discovery(),
                CoreServices.generator(Locale.ENGLISH), CoreServices.reportFormats(Locale.ENGLISH), upload(), false);
    }

    @Test
    void opensByKeyboardSaysWhatIsWrongAsTypedAndTheValuesReachTheClientFile(FxRobot robot) throws Exception {
        robot.clickOn("#start-set-up");
        fill(robot, "#identity-server-name", "example.com");
        robot.type(KeyCode.ENTER);
        assertThat(title(robot)).isEqualTo("Hosting");
        TitledPane section = robot.lookup("#hosting-calls").queryAs(TitledPane.class);
        assertThat(section.isExpanded()).isFalse();

        for (int i = 0; i < 60 && focusOwner() != section; i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(focusOwner()).as("Tab reaches the section's title").isSameAs(section);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, section::isExpanded);
        TextField call = robot.lookup("#hosting-call-service").queryAs(TextField.class);
        for (int i = 0; i < 5 && focusOwner() != call; i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(focusOwner()).as("the call service field follows the title").isSameAs(call);

        robot.write("rtc.example.com");
        String noScheme = validatorSays(PlanProblem.FIELD_CALL_SERVICE_URL,
                plan().toBuilder().callServiceUrl("rtc.example.com").build());
        assertThat(noScheme).isNotBlank();
        Label callError = robot.lookup("#hosting-call-service-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> noScheme.equals(callError.getText()));
        assertThat(callError.isVisible()).isTrue();
        assertThat(call.getStyleClass()).contains("error");
        assertThat(button(robot, "#next").isDisabled()).isTrue();

        robot.interact(call::clear);
        robot.write("https://rtc.example.com/livekit/jwt");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !call.getStyleClass().contains("error"));
        assertThat(call.getText()).isEqualTo("https://rtc.example.com/livekit/jwt");
        assertThat(callError.getText() == null || callError.getText().isEmpty() || !callError.isVisible()).isTrue();

        TextField issuer = robot.lookup("#hosting-auth-issuer").queryAs(TextField.class);
        for (int i = 0; i < 5 && focusOwner() != issuer; i++) {
            robot.type(KeyCode.TAB);
        }
        assertThat(focusOwner()).as("Tab moves on to the issuer field").isSameAs(issuer);
        robot.write("http://auth.example.com/");
        String plainHttp = validatorSays(PlanProblem.FIELD_AUTH_ISSUER_URL,
                plan().toBuilder().authIssuerUrl("http://auth.example.com/").build());
        assertThat(plainHttp).isNotBlank();
        Label issuerError = robot.lookup("#hosting-auth-issuer-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> plainHttp.equals(issuerError.getText()));
        assertThat(button(robot, "#next").isDisabled()).isTrue();
        robot.interact(issuer::clear);
        robot.write("https://auth.example.com/");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !button(robot, "#next").isDisabled());

        assertThat(issuer.getText()).isEqualTo("https://auth.example.com/");
        robot.clickOn("#next");
        waitUntilIdle();
        robot.clickOn("#next");
        waitUntilIdle();
        assertThat(title(robot)).isEqualTo("Files");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> clientFile(robot) != null);
        TextArea client = clientFile(robot);
        assertThat(client.getText()).contains("\"org.matrix.msc4143.rtc_foci\"").contains("\"livekit\"")
                .contains("\"livekit_service_url\": \"https://rtc.example.com/livekit/jwt\"");
    }

    private Node focusOwner() {
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene().getFocusOwner();
    }

    private static DelegationPlan plan() {
        return DelegationPlan.defaultsFor("example.com");
    }

    private static String validatorSays(String field, DelegationPlan plan) {
        return PlanValidator.validate(plan, Locale.ENGLISH).stream()
                .filter(p -> p.isError() && p.field().equals(field))
                .map(PlanProblem::message).findFirst().orElse("");
    }

    /** The content shown on the Files page's card of the client well-known file, or null while there is none. */
    private static TextArea clientFile(FxRobot robot) {
        Node list = robot.lookup("#files-list").tryQuery().orElse(null);
        if (list == null) {
            return null;
        }
        return robot.from(list).lookup(".file-card").queryAll().stream()
                .filter(card -> robot.from(card).lookup(".file-path").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().equals(".well-known/matrix/client")))
                .map(card -> robot.from(card).lookup(".code").queryAs(TextArea.class))
                .findFirst().orElse(null);
    }
}
