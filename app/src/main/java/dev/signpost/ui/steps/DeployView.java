package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.Ui;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

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
        Runnable rebuild = () -> lines.getChildren().setAll(model.placementLines().stream().map(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
            return label;
        }).toList());
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
        getChildren().add(manualBox);
        getProperties().put(Ui.INITIAL_FOCUS, manual);
    }
}
