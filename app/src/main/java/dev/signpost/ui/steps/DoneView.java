package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/** The done page: the summary and the report export buttons. */
public final class DoneView extends VBox {

    public DoneView(DoneViewModel model, Texts texts) {
        getStyleClass().add("page");
        Label headline = Ui.lead("");
        headline.setId("done-headline");
        headline.textProperty().bind(model.headlineProperty());
        VBox summary = new VBox(4);
        summary.setId("done-summary");
        Runnable rebuild = () -> summary.getChildren().setAll(model.summary().stream()
                .map(line -> (javafx.scene.Node) Ui.hint("• " + line)).toList());
        model.summary().addListener((ListChangeListener<String>) change -> rebuild.run());
        rebuild.run();

        FlowPane exports = new FlowPane(8, 8);
        for (ReportFormat format : model.formats()) {
            Button button = new Button(texts.get("wizard.done.export.button", format.extension().toUpperCase()));
            button.setId("done-export-" + format.extension());
            button.setMnemonicParsing(false);
            button.disableProperty().bind(model.busy());
            button.setOnAction(e -> {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(texts.get("wizard.done.export.title"));
                chooser.setInitialFileName(model.suggestedFileName(format));
                File folder = DoneViewModel.defaultExportFolder(System.getProperty("user.home", ".")).toFile();
                if (folder.isDirectory()) {
                    chooser.setInitialDirectory(folder);
                }
                File target = chooser.showSaveDialog(getScene().getWindow());
                if (target != null) {
                    model.export(format, target.toPath());
                }
            });
            exports.getChildren().add(button);
        }
        Label message = Ui.hint("");
        message.textProperty().bind(model.messageProperty());
        getChildren().addAll(headline, summary);
        if (!model.formats().isEmpty()) {
            getChildren().addAll(Ui.section(texts.get("wizard.done.export.section")), exports, message,
                    Ui.errorLine(model.errorProperty()));
        }
        Label closing = Ui.hint("");
        closing.setId("done-closing");
        closing.textProperty().bind(model.closingProperty());
        getChildren().add(closing);
        dev.signpost.ui.widgets.Toasts.follow(this, model.messageProperty());
    }
}
