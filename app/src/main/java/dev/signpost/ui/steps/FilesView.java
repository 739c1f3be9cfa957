package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;

/** The files page: one card per generated file with Copy and Save, and Save all. Writing is the view model's job. */
public final class FilesView extends VBox {

    private final FilesViewModel model;
    private final Texts texts;

    public FilesView(FilesViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
        getStyleClass().add("page");

        Button saveAll = new Button(texts.get("wizard.files.saveAll"));
        saveAll.setId("files-save-all");
        saveAll.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.files()).or(model.busy()));
        saveAll.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(texts.get("wizard.files.saveAll.title"));
            File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) {
                model.saveAll(folder.toPath());
            }
        });
        Label message = Ui.hint("");
        message.setId("files-message");
        message.textProperty().bind(model.messageProperty());
        Label error = Ui.errorLine(model.errorProperty());
        error.setId("files-error");

        VBox cards = new VBox(10);
        cards.setId("files-list");
        Runnable rebuild = () -> cards.getChildren().setAll(model.files().stream().map(this::card).toList());
        model.files().addListener((ListChangeListener<PlannedFile>) change -> rebuild.run());
        rebuild.run();

        getChildren().addAll(Ui.lead(texts.get("wizard.files.lead")), new HBox(8, saveAll), message, error, cards);
        getProperties().put(Ui.INITIAL_FOCUS, saveAll);
        dev.signpost.ui.widgets.Toasts.follow(this, model.messageProperty());
    }

    private Node card(PlannedFile file) {
        Label path = new Label(file.path());
        path.getStyleClass().add("file-path");
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        Button copy = new Button(texts.get("wizard.files.copy"));
        copy.setMnemonicParsing(false);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(file.content());
            Clipboard.getSystemClipboard().setContent(content);
            model.copied(file);
        });
        Button save = new Button(texts.get("wizard.files.save"));
        save.setMnemonicParsing(false);
        save.disableProperty().bind(model.busy());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(texts.get("wizard.files.save.title"));
            chooser.setInitialFileName(Path.of(file.path()).getFileName().toString());
            File target = chooser.showSaveDialog(getScene().getWindow());
            if (target != null) {
                model.save(file, target.toPath());
            }
        });
        Ui.keepWhole(copy, save);
        HBox head = new HBox(8, path, space, copy, save);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        TextArea content = new TextArea(file.content());
        content.setEditable(false);
        content.getStyleClass().add("code");
        content.setPrefRowCount(Math.min(14, (int) file.content().lines().count() + 1));
        VBox card = new VBox(head, Ui.hint(file.purpose()), content);
        card.getStyleClass().add("file-card");
        return card;
    }
}
