package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** The deploy page: upload over SSH when available, or put the files in place by hand. */
public final class DeployView extends VBox {

    public DeployView(DeployViewModel model, Texts texts) {
        getStyleClass().add("page");
        ToggleGroup group = new ToggleGroup();
        RadioButton manual = new RadioButton(texts.get("wizard.deploy.manual.choice"));
        manual.setId("deploy-manual");
        manual.setToggleGroup(group);
        RadioButton ssh = new RadioButton(texts.get("wizard.deploy.ssh.choice"));
        ssh.setId("deploy-ssh");
        ssh.setToggleGroup(group);
        ssh.setDisable(!model.isUploadAvailable());
        group.selectToggle(model.methodProperty().get() == DeployViewModel.Method.SSH ? ssh : manual);
        group.selectedToggleProperty().addListener((obs, old, now) -> model.methodProperty().set(
                now == ssh ? DeployViewModel.Method.SSH : DeployViewModel.Method.MANUAL));

        VBox lines = new VBox(4);
        lines.setId("deploy-lines");
        Runnable rebuild = () -> {
            List<dev.signpost.core.deploy.ManualSteps.Step> steps = model.manualSteps();
            List<javafx.scene.Node> nodes = new java.util.ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Label label = new Label((i + 1) + ". " + steps.get(i).text());
                label.setWrapText(true);
                label.setMinHeight(Label.USE_PREF_SIZE);
                nodes.add(label);
                if (steps.get(i).command() != null) {
                    // Read-only but selectable: the command is copied exactly as shown.
                    TextField command = new TextField(steps.get(i).command());
                    command.setEditable(false);
                    command.setId("deploy-step-command-" + (i + 1));
                    command.getStyleClass().add("command");
                    nodes.add(command);
                }
            }
            lines.getChildren().setAll(nodes);
        };
        model.files().addListener((ListChangeListener<PlannedFile>) change -> rebuild.run());
        rebuild.run();

        CheckBox placed = new CheckBox(texts.get("wizard.deploy.manual.done"));
        placed.setId("deploy-placed");
        placed.selectedProperty().bindBidirectional(model.placedByUserProperty());
        VBox manualBox = new VBox(8, Ui.hint(texts.get("wizard.deploy.manual.text")), lines, placed);
        manualBox.getStyleClass().add("choice-card");
        manualBox.visibleProperty().bind(model.methodProperty().isEqualTo(DeployViewModel.Method.MANUAL));
        manualBox.managedProperty().bind(manualBox.visibleProperty());

        getChildren().addAll(Ui.lead(texts.get("wizard.deploy.lead")), manual, ssh);
        if (!model.isUploadAvailable()) {
            getChildren().add(Ui.hint(texts.get("wizard.deploy.ssh.unavailable")));
        }
        getChildren().addAll(manualBox, sshForm(model, texts));
        getProperties().put(Ui.INITIAL_FOCUS, manual);
    }

    private VBox sshForm(DeployViewModel model, Texts texts) {
        ValidationSupport validation = new ValidationSupport();
        Validation.decorate(validation);
        TextField host = field("deploy-ssh-host", model.hostProperty(), texts.get("wizard.deploy.ssh.host.prompt"));
        TextField port = field("deploy-ssh-port", model.portProperty(), "22");
        port.setPrefColumnCount(5);
        TextField user = field("deploy-ssh-user", model.userProperty(), texts.get("wizard.deploy.ssh.user.prompt"));
        TextField webRoot = field("deploy-ssh-web-root", model.webRootProperty(), "/var/www/html");
        TextField after = field("deploy-ssh-after", model.afterCommandProperty(),
                texts.get("wizard.deploy.ssh.after.prompt"));
        if (!model.suggestedAfterCommands().isEmpty()) {
            after.setPromptText(model.suggestedAfterCommands().get(0));
        }
        javafx.beans.binding.BooleanBinding setup = model.installsSetupProperty();
        javafx.beans.binding.BooleanBinding usesWebRoot = setup.not().or(
                model.kindProperty().isEqualTo(dev.signpost.core.plan.WebServerKind.APACHE));
        register(validation, host, model::hostError);
        register(validation, port, model::portError);
        register(validation, webRoot, model::webRootError);
        TextField key = field("deploy-ssh-key", model.identityFileProperty(), texts.get("wizard.deploy.ssh.key.prompt"));
        register(validation, key, model::identityFileError);
        Button chooseKey = new Button(texts.get("wizard.deploy.ssh.key.choose"));
        chooseKey.setId("deploy-ssh-key-choose");
        chooseKey.setOnAction(e -> chooseKey(model, texts));
        Ui.keepWhole(chooseKey);
        HBox.setHgrow(key, Priority.ALWAYS);
        HBox keyRow = new HBox(8, key, chooseKey);
        keyRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Button upload = new Button(texts.get("wizard.deploy.ssh.upload"));
        upload.textProperty().bind(javafx.beans.binding.Bindings.when(setup)
                .then(texts.get("wizard.deploy.setup.install")).otherwise(texts.get("wizard.deploy.ssh.upload")));
        upload.setId("deploy-ssh-upload");
        upload.disableProperty().bind(model.sshFormValidProperty().not().or(model.uploadingProperty()));
        FxPrompts prompts = new FxPrompts(texts, () -> getScene() == null ? null : getScene().getWindow());
        upload.setOnAction(e -> model.upload(prompts));
        Button rollBack = new Button(texts.get("wizard.deploy.rollback.button"));
        rollBack.setId("deploy-ssh-rollback");
        rollBack.visibleProperty().bind(model.canRollBackProperty());
        rollBack.managedProperty().bind(rollBack.visibleProperty());
        rollBack.disableProperty().bind(model.uploadingProperty());
        rollBack.setOnAction(e -> model.rollBack(prompts));
        Ui.keepWhole(rollBack);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("busy-indicator");
        spinner.visibleProperty().bind(model.uploadingProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        Label progress = Ui.hint("");
        progress.setId("deploy-ssh-progress");
        progress.textProperty().bind(model.progressProperty());
        Label error = Ui.errorLine(model.uploadErrorProperty());
        error.setId("deploy-ssh-error");
        Label formError = Ui.errorLine(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String first = model.hostProperty().get().isBlank() ? null : model.hostError(model.hostProperty().get());
            first = first != null ? first : model.portError(model.portProperty().get());
            first = first != null ? first : model.identityFileError(model.identityFileProperty().get());
            return first != null ? first : model.webRootError(model.webRootProperty().get());
        }, model.hostProperty(), model.portProperty(), model.identityFileProperty(), model.webRootProperty()));
        formError.setId("deploy-ssh-form-error");
        Ui.keepWhole(upload);
        HBox.setHgrow(host, Priority.ALWAYS);
        Label portLabel = Ui.fieldLabel(texts.get("wizard.deploy.ssh.port.label"), port);
        Ui.keepWhole(portLabel, port);
        HBox hostRow = new HBox(8, host, portLabel, port);
        hostRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label uploadText = shownIf(Ui.hint(texts.get("wizard.deploy.ssh.text")), setup.not());
        Label setupText = shownIf(Ui.hint(texts.get("wizard.deploy.setup.text")), setup);
        VBox webRootBox = shownIf(new VBox(6, Ui.fieldLabel(texts.get("wizard.deploy.ssh.webRoot.label"), webRoot),
                webRoot), usesWebRoot);
        VBox afterBox = shownIf(new VBox(6, Ui.fieldLabel(texts.get("wizard.deploy.ssh.after.label"), after), after),
                setup.not());
        VBox stages = new VBox(2);
        stages.setId("deploy-ssh-stages");
        Runnable restage = () -> stages.getChildren().setAll(model.stages().stream().map(line -> {
            Label label = Ui.hint("• " + line);
            label.getStyleClass().add("deploy-stage");
            return label;
        }).toList());
        model.stages().addListener((ListChangeListener<String>) change -> restage.run());
        restage.run();
        javafx.scene.control.TextArea serverLines = new javafx.scene.control.TextArea();
        serverLines.setId("deploy-ssh-server-lines");
        serverLines.setEditable(false);
        serverLines.setWrapText(true);
        serverLines.getStyleClass().add("code");
        serverLines.setPrefRowCount(4);
        serverLines.textProperty().bind(model.serverLinesProperty());
        shownIf(serverLines, model.serverLinesProperty().isNotEmpty());
        VBox form = new VBox(6, uploadText, setupText,
                Ui.fieldLabel(texts.get("wizard.deploy.ssh.host.label"), host), hostRow,
                Ui.fieldLabel(texts.get("wizard.deploy.ssh.user.label"), user), user,
                Ui.fieldLabel(texts.get("wizard.deploy.ssh.key.label"), key), keyRow,
                new SetupFields(model, texts), webRootBox, afterBox, formError,
                new HBox(8, upload, rollBack, spinner), stages, progress, error, serverLines);
        form.getStyleClass().add("choice-card");
        form.visibleProperty().bind(model.methodProperty().isEqualTo(DeployViewModel.Method.SSH));
        form.managedProperty().bind(form.visibleProperty());
        return form;
    }

    /** Shows {@code node} (and gives it room) only while {@code when} holds. */
    static <T extends javafx.scene.Node> T shownIf(T node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    private void chooseKey(DeployViewModel model, Texts texts) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get("wizard.deploy.ssh.key.chooserTitle"));
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        if (Files.isDirectory(ssh)) {
            chooser.setInitialDirectory(ssh.toFile());
        }
        File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            model.identityFileProperty().set(chosen.getPath());
        }
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static void register(ValidationSupport validation, TextField field, Function<String, String> error) {
        validation.registerValidator(field, false, (control, text) -> {
            String message = error.apply((String) text);
            return ValidationResult.fromErrorIf(control, message, message != null);
        });
    }
}
