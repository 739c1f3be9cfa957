package dev.signpost.ui.chain;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.report.ExportTexts;
import dev.signpost.core.report.ReportDiff;
import dev.signpost.core.report.ReportDiffResult;
import dev.signpost.core.report.ReportDiffResult.Change;
import dev.signpost.core.report.ReportDiffResult.HopChange;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Before and after (a fix, an upload, the plan versus what is live) for the wizard's Verify step, as one chain at
 * full width: "Now" by default, where every changed hop carries what it was before ("was Fail"); a toggle shows the
 * chain before. Below, what changed, one sentence per hop in words.
 */
public final class ChainComparison extends BorderPane {

    private final Locale locale;
    private final ChainTexts texts;
    private final ExportTexts names;
    private final ChainDiagram before;
    private final ChainDiagram after;
    private final ToggleButton showBefore;
    private final ToggleButton showAfter;
    private final Label count = new Label();
    private final VBox changes = new VBox(2);
    private ReportDiffResult diff;
    private List<String> lines = List.of();

    /** A comparison speaking the given language. */
    public ChainComparison(Locale locale) {
        this.locale = locale;
        this.texts = new ChainTexts(locale);
        this.names = new ExportTexts(locale);
        getStylesheets().add(ChainDiagram.STYLESHEET);
        getStyleClass().addAll("chain-diagram", "chain-comparison");
        before = new ChainDiagram(locale);
        after = new ChainDiagram(locale);
        showBefore = new ToggleButton(texts.get("comparison.before"));
        showBefore.setId("comparison-before");
        showAfter = new ToggleButton(texts.get("comparison.after"));
        showAfter.setId("comparison-after");
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : List.of(showBefore, showAfter)) {
            b.setToggleGroup(group);
            b.setMinWidth(ToggleButton.USE_PREF_SIZE);
        }
        showAfter.setSelected(true);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // One of the two is always shown: a second click on the selected button keeps it.
                old.setSelected(true);
            }
            show(showBefore.isSelected());
        });
        HBox bar = new HBox(showBefore, showAfter, count);
        bar.getStyleClass().add("comparison-bar");
        bar.setAccessibleText(texts.get("chain.comparison.accessible"));
        count.setWrapText(true);
        setTop(bar);
        setCenter(new StackPane(before, after));
        show(false);
        changes.getStyleClass().add("comparison-changes");
        changes.setId("comparison-changes");
        // A few lines tall, scrolling: the chain above keeps the room.
        ScrollPane changesScroll = new ScrollPane(changes);
        changesScroll.setFitToWidth(true);
        changesScroll.setPrefViewportHeight(88);
        setBottom(changesScroll);
    }

    private void show(boolean beforeSide) {
        before.setVisible(beforeSide);
        after.setVisible(!beforeSide);
    }

    /** Shows two finished reports and what changed between them. */
    public void setReports(Report beforeReport, Report afterReport) {
        before.setReport(beforeReport);
        after.setReport(afterReport);
        diff = ReportDiff.compare(beforeReport, afterReport);
        Map<String, String> marks = new HashMap<>();
        for (HopChange h : diff.hops()) {
            if (h.change() == Change.ADDED) {
                marks.put(h.id(), texts.get("chain.comparison.new"));
            } else if (h.change() == Change.CHANGED && h.before().status() != h.after().status()) {
                marks.put(h.id(), texts.get("chain.comparison.was", names.status(h.before().status())));
            } else if (h.change() == Change.CHANGED) {
                marks.put(h.id(), "");
            }
        }
        after.setChanges(marks);
        List<Hop> context = new ArrayList<>(afterReport.hops());
        context.addAll(beforeReport.hops());
        lines = diff.readableLines(locale, context);
        count.setText(diff.same() ? texts.get("chain.comparison.none")
                : texts.get("chain.comparison.count", String.valueOf(lines.size())));
        changes.getChildren().clear();
        for (String line : lines) {
            Label label = new Label("• " + line);
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
            changes.getChildren().add(label);
        }
        showAfter.setSelected(true);
    }

    /** Switches the bar, the change list and both chains between the light and dark variants. */
    public void setDark(boolean dark) {
        getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
        }
        before.setDark(dark);
        after.setDark(dark);
    }

    /** The "before" diagram. */
    public ChainDiagram before() {
        return before;
    }

    /** The "after" diagram, which can also be filled live while a new check runs. */
    public ChainDiagram after() {
        return after;
    }

    /** Shows the chain before ({@code true}) or now. */
    public void showBefore(boolean beforeSide) {
        (beforeSide ? showBefore : showAfter).setSelected(true);
    }

    /** The last comparison made by {@link #setReports}, or null. */
    public ReportDiffResult diff() {
        return diff;
    }

    /** The changes, one sentence per line. */
    public String changesText() {
        return String.join("\n", lines);
    }
}
