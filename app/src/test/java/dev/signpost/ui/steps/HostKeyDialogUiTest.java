package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.WizardDependencies;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The unknown-host-key question: Enter never trusts a key; the dialog wraps its text and sits on the window. */
@ExtendWith(ApplicationExtension.class)
class HostKeyDialogUiTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 980, 720));
        stage.setX(100);
        stage.setY(40);
        stage.show();
    }

    @Test
    void enterAnswersDoNotConnect(FxRobot robot) throws Exception {
        FxPrompts prompts = new FxPrompts(new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH), () -> stage);
        CompletableFuture<SshUpload.HostKeyAnswer> answer = CompletableFuture.supplyAsync(() -> prompts.unknownHostKey(
                "deploy.example.org", "ssh-ed25519", "SHA256:" + "x".repeat(43)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        Button reject = pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(b -> b.getText().equals("Do not connect")).findFirst().orElseThrow();
        assertThat(reject.isDefaultButton()).isTrue();
        assertThat(pane.getButtonTypes().stream().map(t -> (Button) pane.lookupButton(t))
                .filter(Button::isDefaultButton)).containsExactly(reject);
        Window dialog = pane.getScene().getWindow();
        assertThat(dialog.getWidth()).as("wrapped, not one long line").isLessThan(700);
        assertThat(dialog.getX() + dialog.getWidth() / 2).isCloseTo(stage.getX() + stage.getWidth() / 2, Offset.offset(2.0));
        assertThat(dialog.getY()).isBetween(stage.getY(), stage.getY() + stage.getHeight());

        robot.type(KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(SshUpload.HostKeyAnswer.REJECT);
    }

    @Test
    void askedOnTheUiThreadTheQuestionIsShownInsteadOfWaitingForever(FxRobot robot) throws Exception {
        FxPrompts prompts = new FxPrompts(new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH), () -> stage);
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        // Waiting on the UI thread for the UI thread would hang: the dialog could never be shown and Cancel never
        // be pressed, so this future would not complete.
        javafx.application.Platform.runLater(() -> answer.complete(prompts.confirmChanges(java.util.List.of(
                "/var/www/html/.well-known/matrix/server"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answer).isNotDone();

        robot.type(KeyCode.ESCAPE);
        assertThat(answer.get(10, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aSecretAskedFromAWorkerReachesItsFieldWithoutANestedHandOver(FxRobot robot) throws Exception {
        FxPrompts prompts = new FxPrompts(new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH), () -> stage);
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(() -> prompts.password("deploy@host", false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ssh-secret").tryQuery()
                .map(javafx.scene.Node::isFocused).orElse(false));

        robot.clickOn("#ssh-secret").write("s3cret").type(KeyCode.ENTER);
        assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly("s3cret".toCharArray());
    }
}
