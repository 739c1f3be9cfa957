package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Dialogs;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
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
    public char[] sudoPassword(String where) {
        return secret("wizard.deploy.sudo.title", texts.get("wizard.deploy.sudo.text", where));
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

    @Override
    public boolean confirmSetup(List<SshUpload.Change> changes, List<String> commands) {
        return ask(() -> {
            ButtonType install = new ButtonType(texts.get("wizard.deploy.setup.confirm.go"), ButtonBar.ButtonData.OK_DONE);
            Dialog<ButtonType> dialog = new Dialog<>();
            dialog.setTitle(texts.get("wizard.deploy.setup.confirm.title"));
            VBox files = new VBox(8);
            files.setId("setup-confirm");
            for (SshUpload.Change change : changes) {
                Label path = new Label(texts.get(change.created() ? "wizard.deploy.setup.confirm.new"
                        : "wizard.deploy.setup.confirm.changed", change.path()));
                path.getStyleClass().add("file-path");
                path.setWrapText(true);
                path.setMinHeight(Label.USE_PREF_SIZE);
                TextArea diff = new TextArea(change.diff());
                diff.getStyleClass().addAll("code", "setup-diff");
                diff.setEditable(false);
                diff.setPrefRowCount(Math.min(8, (int) change.diff().lines().count() + 1));
                files.getChildren().addAll(path, diff);
            }
            VBox content = new VBox(8);
            if (!changes.isEmpty()) {
                // The diffs scroll; the summary, the commands and what happens on failure stay in view.
                javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(files);
                scroll.setFitToWidth(true);
                scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
                scroll.setPrefViewportHeight(Math.min(300, 150.0 * changes.size()));
                content.getChildren().addAll(new Label(texts.get("wizard.deploy.setup.confirm.files", changes.size())),
                        scroll);
            }
            if (!commands.isEmpty()) {
                content.getChildren().add(new Label(texts.get("wizard.deploy.setup.confirm.commands")));
                TextArea shown = new TextArea(String.join("\n", commands));
                shown.setId("setup-confirm-commands");
                shown.getStyleClass().add("code");
                shown.setEditable(false);
                // Wrapped, so each command is seen whole (they can be long, with their own paths).
                shown.setWrapText(true);
                shown.setPrefRowCount(commands.stream().mapToInt(c -> c.length() / 60 + 1).sum());
                content.getChildren().add(shown);
            }
            content.getChildren().add(new Label(texts.get("wizard.deploy.setup.confirm.undo")));
            dialog.getDialogPane().setContent(content);
            dialog.getDialogPane().setId("setup-confirm-pane");
            dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, install);
            prepare(dialog);
            // Diffs need the width; still centred and no wider than the window's usual size.
            dialog.getDialogPane().setPrefWidth(dialog.getDialogPane().getPrefWidth() * 1.5);
            // Enter never changes the server's configuration: going ahead needs a deliberate click.
            Dialogs.defaultTo(dialog, ButtonType.CANCEL);
            return dialog.showAndWait().filter(b -> b == install).isPresent();
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
