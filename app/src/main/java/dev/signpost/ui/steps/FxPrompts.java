package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.Dialogs;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * The upload's questions as dialogs, safe to ask from any thread. From a worker (the upload's usual place) each
 * question is shown on the UI thread and the worker waits for the answer; on the UI thread itself the dialog is
 * shown directly (its own nested event loop), because waiting there for the UI thread would never end. Secrets go
 * straight from the password field to the uploader.
 */
final class FxPrompts implements SshUpload.Prompts {

    private final Texts texts;
    private final Supplier<Window> owner;

    FxPrompts(Texts texts, Supplier<Window> owner) {
        this.texts = texts;
        this.owner = owner;
    }

    @Override
    public SshUpload.HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
        return ask(() -> {
            ButtonType once = new ButtonType(texts.get("wizard.deploy.hostKey.once"), ButtonBar.ButtonData.OTHER);
            ButtonType save = new ButtonType(texts.get("wizard.deploy.hostKey.save"), ButtonBar.ButtonData.OK_DONE);
            ButtonType reject = new ButtonType(texts.get("wizard.deploy.hostKey.reject"),
                    ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.WARNING, "", reject, once, save);
            alert.setTitle(texts.get("wizard.deploy.hostKey.title"));
            alert.setHeaderText(texts.get("wizard.deploy.hostKey.header"));
            Label text = new Label(texts.get("wizard.deploy.hostKey.text", host, keyType));
            text.setWrapText(true);
            TextField print = new TextField(fingerprint);
            print.setId("host-key-fingerprint");
            print.setEditable(false);
            print.getStyleClass().add("code");
            alert.getDialogPane().setContent(new VBox(8, text, print));
            prepare(alert);
            Dialogs.defaultTo(alert, reject);
            Optional<ButtonType> answer = alert.showAndWait();
            if (answer.isPresent() && answer.get() == save) {
                return SshUpload.HostKeyAnswer.ACCEPT_AND_SAVE;
            }
            return answer.isPresent() && answer.get() == once ? SshUpload.HostKeyAnswer.ACCEPT_ONCE
                    : SshUpload.HostKeyAnswer.REJECT;
        }, SshUpload.HostKeyAnswer.REJECT);
    }

    @Override
    public char[] password(String userAtHost, boolean retry) {
        return secret("wizard.deploy.password.title",
                texts.get(retry ? "wizard.deploy.password.retry" : "wizard.deploy.password.text", userAtHost));
    }

    @Override
    public char[] passphrase(String keyName, boolean retry) {
        return secret("wizard.deploy.passphrase.title",
                texts.get(retry ? "wizard.deploy.passphrase.retry" : "wizard.deploy.passphrase.text", keyName));
    }

    @Override
    public boolean confirmChanges(List<String> changedPaths) {
        return ask(() -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                    texts.get("wizard.deploy.confirm.text", String.join("\n", changedPaths)));
            alert.setTitle(texts.get("wizard.deploy.confirm.title"));
            alert.setHeaderText(null);
            prepare(alert);
            // Enter never overwrites files on the server: the upload needs a deliberate click on OK.
            Dialogs.defaultTo(alert, ButtonType.CANCEL);
            return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        }, false);
    }

    private char[] secret(String titleKey, String question) {
        return ask(() -> {
            Dialog<char[]> dialog = new Dialog<>();
            dialog.setTitle(texts.get(titleKey));
            PasswordField field = new PasswordField();
            field.setId("ssh-secret");
            Label label = new Label(question);
            label.setWrapText(true);
            label.setLabelFor(field);
            dialog.getDialogPane().setContent(new VBox(8, label, field));
            dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
            prepare(dialog);
            dialog.showingProperty().addListener((obs, was, showing) -> {
                if (showing) {
                    field.requestFocus();
                }
            });
            char[] answer = dialog.showAndWait().orElse(null);
            field.clear();
            return answer;
        }, null);
    }

    private void prepare(Dialog<?> dialog) {
        Dialogs.prepare(dialog, owner.get());
    }

    /**
     * The answer to {@code question}, shown on the UI thread: directly when already there, otherwise handed over
     * once and waited for here. {@code onInterrupt} when the wait is interrupted or the question fails.
     */
    static <T> T ask(Supplier<T> question, T onInterrupt) {
        if (Platform.isFxApplicationThread()) {
            return question.get();
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return onInterrupt;
        } catch (ExecutionException e) {
            return onInterrupt;
        }
    }
}
