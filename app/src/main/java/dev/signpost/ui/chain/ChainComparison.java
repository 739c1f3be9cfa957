package dev.signpost.ui.chain;

import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportDiff;
import dev.signpost.core.report.ReportDiffResult;
import dev.signpost.core.report.ReportDiffResult.Change;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Two chains side by side, before and after (a fix, an upload, the plan versus what is live), for the wizard's
 * Verify step. Hops that were added or changed are marked on the "after" side, and the hop-by-hop changes are listed
 * below.
 */
public final class ChainComparison extends BorderPane {

    private final Locale locale;
    private final ChainDiagram before;
    private final ChainDiagram after;
    private final TextArea changes = new TextArea();
    private final TitledPane changesPane;
    private ReportDiffResult diff;

    /** A comparison speaking the given language. */
    public ChainComparison(Locale locale) {
        this.locale = locale;
        ChainTexts texts = new ChainTexts(locale);
        getStylesheets().add(ChainComparison.class.getResource("/dev/signpost/ui/chain/chain.css").toExternalForm());
        getStyleClass().addAll("chain-diagram", "chain-comparison");
        before = new ChainDiagram(locale);
        after = new ChainDiagram(locale);
        SplitPane sides = new SplitPane(side(texts.get("comparison.before"), before),
                side(texts.get("comparison.after"), after));
        sides.setOrientation(Orientation.HORIZONTAL);
        setCenter(sides);
        changes.setEditable(false);
        changes.setWrapText(true);
        changes.setPrefRowCount(6);
        changesPane = new TitledPane(texts.get("comparison.changes"), changes);
        changesPane.setExpanded(true);
        setBottom(changesPane);
    }

    private static BorderPane side(String title, ChainDiagram diagram) {
        Label label = new Label(title);
        label.getStyleClass().add("comparison-title");
        BorderPane pane = new BorderPane(diagram);
        pane.setTop(new VBox(label));
        return pane;
    }

    /** Shows two finished reports and what changed between them. */
    public void setReports(Report beforeReport, Report afterReport) {
        before.setReport(beforeReport);
        after.setReport(afterReport);
        diff = ReportDiff.compare(beforeReport, afterReport);
        List<String> marked = diff.hops().stream()
                .filter(h -> h.change() != Change.REMOVED)
                .map(ReportDiffResult.HopChange::id)
                .toList();
        after.setHighlighted(marked);
        changes.setText(diff.text(locale));
    }

    /** The "before" diagram. */
    public ChainDiagram before() {
        return before;
    }

    /** The "after" diagram, which can also be filled live while a new check runs. */
    public ChainDiagram after() {
        return after;
    }

    /** The last comparison made by {@link #setReports}, or null. */
    public ReportDiffResult diff() {
        return diff;
    }

    /** The text of the changes list. */
    public String changesText() {
        return changes.getText();
    }
}
