package dev.signpost.ui.steps;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Lane;
import dev.signpost.core.report.CheckGroups;
import dev.signpost.core.report.EvidenceFields;
import dev.signpost.core.report.ExportTexts;
import dev.signpost.core.report.HopTree;
import dev.signpost.core.text.SafeText;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.StatusIcon;
import dev.signpost.ui.widgets.Ui;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.stream.Stream;

/** Renders hops and checks of a report as rows with status icons and words; shared by the check and verify pages. */
final class ReportViews {

    private ReportViews() {
    }

    /** An ordered list of hops per lane, indented by depth, kept in sync with {@code hops}. */
    static VBox hopList(ObservableList<Hop> hops, Texts texts) {
        VBox box = new VBox(2);
        box.setId("hop-list");
        Runnable rebuild = () -> {
            box.getChildren().clear();
            HopTree tree = HopTree.of(hops);
            for (Lane lane : Lane.values()) {
                List<HopTree.Row> rows = tree.rows(lane);
                if (rows.isEmpty()) {
                    continue;
                }
                Label title = new Label(texts.get("wizard.check.lane." + lane.name()));
                title.getStyleClass().add("lane-title");
                box.getChildren().add(title);
                for (HopTree.Row row : rows) {
                    box.getChildren().add(hopRow(row.hop(), row.depth(), texts));
                }
            }
        };
        hops.addListener((ListChangeListener<Hop>) change -> rebuild.run());
        rebuild.run();
        return box;
    }

    /** The same hops as a plain ordered list, folded away under the diagram (for screen readers and copying). */
    static TitledPane hopListPane(ObservableList<Hop> hops, Texts texts) {
        TitledPane pane = new TitledPane(texts.get("wizard.check.chain.list"), hopList(hops, texts));
        pane.setExpanded(false);
        pane.setId("hop-list-pane");
        return pane;
    }

    private static Node hopRow(Hop hop, int depth, Texts texts) {
        Label label = new Label(hop.label());
        label.getStyleClass().add("hop-label");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(Ui.status(hop.status(), texts), label);
        row.getStyleClass().add("hop-row");
        VBox cell = new VBox(row);
        if (hop.rule() != null && !hop.rule().isBlank()) {
            Label rule = Ui.hint(hop.rule());
            rule.getStyleClass().add("hop-rule");
            cell.getChildren().add(rule);
        }
        if (hop.detail() != null && !hop.detail().isBlank()) {
            Label detail = Ui.hint(hop.detail());
            cell.getChildren().add(detail);
        }
        if (!hop.taken()) {
            cell.getStyleClass().add("hop-untaken");
        }
        cell.setPadding(new Insets(0, 0, 0, depth * 18));
        cell.getStyleClass().add("hop");
        return cell;
    }

    /** The checks with their fixes and, folded away, the evidence as copyable text. */
    static VBox checkList(ObservableList<Check> checks, Texts texts) {
        VBox box = new VBox(6);
        box.setId("check-list");
        Runnable rebuild = () -> box.getChildren().setAll(CheckGroups.of(checks).stream()
                .flatMap(g -> Stream.concat(Stream.of(checkRow(g.check(), texts)),
                        g.notReached().stream().map(c -> notReachedRow(c, texts))))
                .toList());
        checks.addListener((ListChangeListener<Check>) change -> rebuild.run());
        rebuild.run();
        return box;
    }

    /** A check an earlier failure kept from running, indented under that failure, without a fix of its own. */
    static Node notReachedRow(Check check, Texts texts) {
        Node row = checkRow(check, texts);
        row.getStyleClass().add("check-not-reached");
        // A layout constraint, not padding: the stylesheet's padding of check rows would win over padding.
        VBox.setMargin(row, new Insets(0, 0, 0, 28));
        return row;
    }

    static Node checkRow(Check check, Texts texts) {
        Label summary = new Label(check.summary());
        summary.getStyleClass().add("check-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        VBox text = new VBox(4, summary);
        if (check.isNotReached()) {
            Label why = new Label(texts.get("wizard.check.notReached", check.blockedBy()));
            why.getStyleClass().add("check-not-reached-why");
            why.setWrapText(true);
            why.setMinHeight(Label.USE_PREF_SIZE);
            text.getChildren().add(0, why);
        }
        if (check.fix() != null && !check.fix().isBlank()) {
            Label fix = new Label(texts.get("wizard.check.fix", check.fix()));
            fix.getStyleClass().add("check-fix");
            fix.setWrapText(true);
            fix.setMinHeight(Label.USE_PREF_SIZE);
            text.getChildren().add(fix);
        }
        ExportTexts exports = new ExportTexts(texts.locale());
        List<String> implementations = exports.implementationLines(check);
        if (!implementations.isEmpty()) {
            // One label per implementation, set off from the summary and the fix: in one block of text a wrapped
            // line looked like the start of the next implementation.
            Label heading = new Label(exports.get("impl.heading"));
            heading.getStyleClass().add("check-implementations-heading");
            heading.setWrapText(true);
            heading.setMinHeight(Label.USE_PREF_SIZE);
            VBox differ = new VBox(2, heading);
            differ.getStyleClass().add("check-implementations");
            for (String line : implementations) {
                Label one = new Label(line);
                one.getStyleClass().add("check-implementation");
                one.setWrapText(true);
                one.setMinHeight(Label.USE_PREF_SIZE);
                differ.getChildren().add(one);
            }
            text.getChildren().add(differ);
        }
        if (!check.evidence().isEmpty()) {
            TitledPane details = new TitledPane(texts.get("wizard.check.details"), null);
            details.setExpanded(false);
            details.getStyleClass().add("check-details");
            // The text area is made when the details are first opened: a report has a dozen checks, most are never
            // opened, and each text area with its skin costs about 300 KB for as long as the report is shown.
            details.expandedProperty().addListener((obs, was, open) -> {
                if (open && details.getContent() == null) {
                    details.setContent(evidenceArea(check.evidence(), texts));
                }
            });
            // Large text in a narrow window: the title wraps rather than widening the whole page.
            details.setWrapText(true);
            details.setMinWidth(0);
            text.getChildren().add(details);
        }
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(Ui.status(check, texts), text);
        row.getStyleClass().add("check-row");
        row.getStyleClass().add(StatusIcon.styleClass(check.status()) + "-row");
        return row;
    }

    /** A check's evidence, read-only and wrapped, as tall as its text up to 12 rows. */
    static TextArea evidenceArea(List<Evidence> evidence, Texts texts) {
        TextArea raw = new TextArea(evidenceText(evidence, texts));
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.setPrefRowCount(Math.min(12, raw.getText().split("\n").length + 1));
        raw.getStyleClass().add("code");
        return raw;
    }

    /** Evidence as plain text a user can copy into a support request: the same fields every report shows. */
    static String evidenceText(List<Evidence> evidence, Texts texts) {
        return new EvidenceFields(new ExportTexts(texts.locale())).text(evidence);
    }
}
