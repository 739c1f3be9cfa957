package dev.signpost.ui.steps;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Which apps will work": one line per app (Element Web, Element X, Element Call, federation) from the report's
 * verdicts, shown above the chain once a check has finished. The verdicts are the core's; this only renders them.
 */
public final class AppsSummaryView extends VBox {

    private final Texts texts;

    public AppsSummaryView(ObservableValue<Report> report, Texts texts) {
        super(4);
        this.texts = texts;
        setId("check-apps");
        getStyleClass().add("apps-summary");
        report.addListener((obs, old, now) -> show(now));
        show(report.getValue());
    }

    private void show(Report report) {
        getChildren().clear();
        boolean any = report != null && !report.apps().isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        getChildren().add(Ui.section(texts.get("wizard.check.apps.title")));
        for (AppVerdict app : report.apps()) {
            Label sentence = new Label(app.summary());
            sentence.setWrapText(true);
            sentence.setMinHeight(Label.USE_PREF_SIZE);
            HBox row = new HBox(Ui.status(app.status(), texts), sentence);
            row.setId("app-" + app.id());
            row.getStyleClass().add("hop-row");
            getChildren().add(row);
        }
    }
}
