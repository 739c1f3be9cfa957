package dev.signpost.ui.steps;

import dev.signpost.core.plan.PlanComparison;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import dev.signpost.ui.chain.ChainDiagram;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The live check page: status line, the chain as an ordered list of hops, live vs plan, and the checks. */
public final class LiveCheckView extends VBox {

    public LiveCheckView(LiveCheckViewModel model, Texts texts, javafx.beans.value.ObservableBooleanValue dark) {
        getStyleClass().add("page");
        CheckRunner runner = model.runner();

        Label status = Ui.lead("");
        status.setId("check-status");
        status.textProperty().bind(runner.statusLineProperty());
        Button again = new Button(texts.get("wizard.check.again"));
        again.setId("check-again");
        again.disableProperty().bind(runner.runningProperty());
        again.setOnAction(e -> model.start());
        Button cancel = new Button(texts.get("wizard.check.cancel"));
        cancel.setId("check-cancel");
        cancel.disableProperty().bind(runner.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Ui.keepWhole(again, cancel);
        Label network = Ui.networkNote(model.networkNote(), runner.reportProperty(), texts.locale());
        HBox.setHgrow(network, javafx.scene.layout.Priority.ALWAYS);
        HBox actions = new HBox(8, again, cancel, network);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Label error = Ui.errorLine(runner.errorProperty());
        error.setId("check-error");

        VBox findings = new VBox(4);
        findings.setId("check-findings");
        Runnable rebuildFindings = () -> {
            findings.getChildren().clear();
            if (!model.findings().isEmpty()) {
                findings.getChildren().add(Ui.section(texts.get("wizard.check.compare.title")));
            }
            for (PlanComparison.Finding finding : model.findings()) {
                Label sentence = new Label(finding.sentence());
                sentence.setWrapText(true);
                sentence.setMinHeight(Label.USE_PREF_SIZE);
                HBox row = new HBox(Ui.status(finding.status(), texts), sentence);
                row.getStyleClass().add("hop-row");
                findings.getChildren().add(row);
            }
        };
        model.findings().addListener((ListChangeListener<PlanComparison.Finding>) change -> rebuildFindings.run());
        rebuildFindings.run();

        // The chain right under the status: its banner names the broken hop, visible without scrolling.
        getChildren().addAll(
                lead(model, texts), status, actions, error,
                Ui.section(texts.get("wizard.check.chain.title")),
                diagram(runner, texts, dark), new AppsSummaryView(runner.reportProperty(), texts), findings,
                ReportViews.hopListPane(runner.hops(), texts),
                Ui.section(texts.get("wizard.check.checks.title")),
                ReportViews.checkList(runner.checks(), texts));
        getProperties().put(Ui.INITIAL_FOCUS, again);
    }

    private static ChainDiagram diagram(CheckRunner runner, Texts texts, javafx.beans.value.ObservableBooleanValue dark) {
        ChainDiagram diagram = new ChainDiagram(texts.locale());
        diagram.setId("check-diagram");
        // As tall as the chain needs (no white area under a short one), at most what the page shows at once, so
        // the whole diagram fits when scrolled to; it follows the window's height.
        diagram.setMinHeight(260);
        diagram.sceneProperty().addListener((obs, old, scene) -> {
            diagram.maxHeightProperty().unbind();
            for (javafx.scene.Parent p = diagram.getParent(); scene != null && p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane page) {
                    diagram.maxHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                            () -> Math.max(diagram.getMinHeight(), page.getViewportBounds().getHeight()),
                            page.viewportBoundsProperty()));
                    return;
                }
            }
        });
        ChainFeed.follow(diagram, runner, dark);
        return diagram;
    }

    /** The sentence above the status, following the path (the page is kept when the path changes). */
    private static Label lead(LiveCheckViewModel model, Texts texts) {
        Label lead = Ui.hint("");
        lead.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> texts.get(model.isSetUp() ? "wizard.check.lead.setUp" : "wizard.check.lead.check"),
                model.pathProperty()));
        return lead;
    }
}
