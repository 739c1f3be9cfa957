package dev.signpost.ui.steps;

import dev.signpost.core.model.Check;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import dev.signpost.ui.chain.ChainComparison;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The verify page: the check again, before and after side by side, and what to do about what still fails. */
public final class VerifyView extends VBox {

    private final Texts texts;

    public VerifyView(VerifyViewModel model, Texts texts, javafx.beans.value.ObservableBooleanValue dark) {
        this.texts = texts;
        getStyleClass().add("page");
        CheckRunner runner = model.runner();
        Label status = Ui.lead("");
        status.setId("verify-status");
        status.textProperty().bind(runner.statusLineProperty());
        Button again = new Button(texts.get("wizard.check.again"));
        again.setId("verify-again");
        again.disableProperty().bind(runner.runningProperty());
        again.setOnAction(e -> model.start());
        Label error = Ui.errorLine(runner.errorProperty());

        GridPane grid = new GridPane();
        grid.setId("verify-grid");
        grid.getStyleClass().add("compare-grid");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        Runnable rebuildGrid = () -> {
            grid.getChildren().clear();
            if (model.rows().isEmpty()) {
                return;
            }
            grid.add(header("wizard.verify.before"), 0, 0);
            grid.add(header("wizard.verify.after"), 1, 0);
            int row = 1;
            for (VerifyViewModel.Row r : model.rows()) {
                grid.add(cell(r.before()), 0, row);
                grid.add(cell(r.after()), 1, row);
                row++;
            }
        };
        model.rows().addListener((ListChangeListener<VerifyViewModel.Row>) change -> rebuildGrid.run());

        VBox advice = new VBox(4);
        advice.setId("verify-advice");
        Runnable rebuildAdvice = () -> {
            advice.getChildren().clear();
            if (!model.advice().isEmpty()) {
                advice.getChildren().add(Ui.section(texts.get("wizard.verify.advice.title")));
                model.advice().forEach(line -> advice.getChildren().add(Ui.hint("• " + line)));
            }
        };
        model.advice().addListener((ListChangeListener<String>) change -> rebuildAdvice.run());

        // The chain comes before the check-by-check table: what changed should be on screen without scrolling.
        Label network = Ui.networkNote(model.networkNote(), runner.reportProperty(), texts.locale());
        HBox.setHgrow(network, Priority.ALWAYS);
        HBox actions = new HBox(8, again, network);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(Ui.hint(texts.get("wizard.verify.lead")), status, actions, error,
                advice, Ui.section(texts.get("wizard.verify.chains.title")), comparison(model, texts, dark), grid,
                ReportViews.hopListPane(runner.hops(), texts));
        getProperties().put(Ui.INITIAL_FOCUS, again);
    }

    /** Before and after chains side by side; the "after" side fills in live while the check runs. */
    private static ChainComparison comparison(VerifyViewModel model, Texts texts,
                                              javafx.beans.value.ObservableBooleanValue dark) {
        ChainComparison comparison = new ChainComparison(texts.locale());
        comparison.setId("verify-comparison");
        comparison.setPrefHeight(520);
        comparison.setMinHeight(360);
        ChainFeed.follow(comparison.after(), model.runner(), dark);
        comparison.setDark(dark.get());
        dark.addListener((obs, old, now) -> comparison.setDark(now));
        model.runner().reportProperty().addListener((obs, old, after) -> {
            if (after != null && model.before() != null) {
                comparison.setReports(model.before(), after);
            }
        });
        return comparison;
    }

    private Label header(String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add("compare-header");
        return label;
    }

    private Node cell(Check check) {
        if (check == null) {
            return Ui.hint(texts.get("wizard.verify.absent"));
        }
        Label summary = new Label(check.isNotReached()
                ? texts.get("wizard.check.notReached", check.blockedBy()) + " " + check.summary() : check.summary());
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(summary, Priority.ALWAYS);
        HBox row = new HBox(Ui.status(check, texts), summary);
        row.getStyleClass().add("hop-row");
        return row;
    }
}
