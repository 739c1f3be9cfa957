package dev.signpost.ui.chain;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * The diagram's toolbar: zoom, fit, fold or show every step, and the two exports. It wraps onto a second row when
 * narrow instead of shortening its buttons to "…", so PNG and SVG can always be told apart.
 */
final class ChainToolbar extends FlowPane {

    private final ChainDiagram diagram;
    private final ChainTexts texts;
    private final Label message = new Label();

    ChainToolbar(ChainDiagram diagram, ChainTexts texts) {
        super(6, 4);
        this.diagram = diagram;
        this.texts = texts;
        getStyleClass().add("chain-toolbar");
        Label zoom = new Label();
        zoom.textProperty().bind(Bindings.createStringBinding(() -> texts.get("toolbar.zoomLevel",
                String.valueOf(Math.round(diagram.getZoom() * 100))), diagram.zoomProperty()));
        zoom.setMinWidth(Label.USE_PREF_SIZE);
        // The label's font is the window's text size (no size of its own in chain.css): the drawing follows it.
        zoom.fontProperty().addListener((obs, old, now) -> diagram.followTextSize(now.getSize()));
        Button folds = button("", "chain.toolbar.expandAll",
                () -> diagram.setCollapsed(!diagram.collapsedProperty().get()));
        folds.setId("chain-fold-toggle");
        folds.textProperty().bind(Bindings.createStringBinding(() -> texts.get(diagram.collapsedProperty().get()
                ? "chain.toolbar.expandAll" : "chain.toolbar.collapse"), diagram.collapsedProperty()));
        Button png = button(texts.get("toolbar.exportPng"), "toolbar.exportPng",
                () -> chooseAndExport("export.pngTitle", "export.pngFilter", "*.png", "chain.png", true));
        png.setId("chain-export-png");
        Button svg = button(texts.get("toolbar.exportSvg"), "toolbar.exportSvg",
                () -> chooseAndExport("export.svgTitle", "export.svgFilter", "*.svg", "chain.svg", false));
        svg.setId("chain-export-svg");
        message.setWrapText(true);
        getChildren().addAll(
                button("−", "toolbar.zoomOut", () -> diagram.setZoom(diagram.getZoom() / 1.2)), zoom,
                button("+", "toolbar.zoomIn", () -> diagram.setZoom(diagram.getZoom() * 1.2)),
                button(texts.get("toolbar.fit"), "toolbar.fit", diagram::fitToWindow),
                button(texts.get("toolbar.actualSize"), "toolbar.actualSize", () -> diagram.setZoom(diagram.textZoom())),
                folds, png, svg, message);
    }

    private Button button(String text, String key, Runnable action) {
        Button button = new Button(text);
        button.setAccessibleText(texts.get(key));
        button.setTooltip(new Tooltip(texts.get(key)));
        button.setOnAction(e -> action.run());
        button.setFocusTraversable(false);
        button.setMinWidth(Button.USE_PREF_SIZE);
        return button;
    }

    private void chooseAndExport(String titleKey, String filterKey, String pattern, String name, boolean png) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(texts.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(texts.get(filterKey), pattern));
        chooser.setInitialFileName(name);
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) {
            return;
        }
        message.setText("");
        (png ? diagram.exportPng(file.toPath()) : diagram.exportSvg(file.toPath())).whenComplete((done, error) ->
                Platform.runLater(() -> message.setText(error == null
                        ? texts.get("chain.export.saved", file.getName())
                        : texts.get("export.failed", file.getName(), rootMessage(error)))));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
