package dev.signpost.ui.chain;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.EvidenceFields;
import dev.signpost.core.report.EvidenceFields.Field;
import dev.signpost.core.report.EvidenceFields.Section;
import dev.signpost.core.report.ExportTexts;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * Everything known about one hop: its value, status, rule and detail, the checks about it with their fixes, its
 * timing, and the raw evidence (request URL, status, headers, pretty-printed JSON body, DNS records with TTLs,
 * certificate chain with SANs, dates and SHA-256 fingerprints), each with a Copy button.
 */
public final class ChainDetailsPane extends BorderPane {

    private final ExportTexts names;
    private final ChainTexts texts;
    private final EvidenceFields evidenceFields;
    private final VBox content = new VBox();
    private final Label heading = new Label();
    private final Button close;
    private Hop hop;
    private String plainText = "";

    /** A details pane speaking the given language. */
    public ChainDetailsPane(Locale locale) {
        this.names = new ExportTexts(locale);
        this.texts = new ChainTexts(locale);
        this.evidenceFields = new EvidenceFields(names);
        getStyleClass().add("chain-details");
        heading.getStyleClass().add("details-heading");
        heading.setWrapText(true);
        close = new Button("✕");
        close.setAccessibleText(texts.get("details.close"));
        close.getStyleClass().add("details-close");
        Button copyAll = new Button(texts.get("details.copyAll"));
        copyAll.getStyleClass().add("details-copy-all");
        copyAll.setOnAction(e -> copy(plainText));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, heading, spacer, copyAll, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 10, 4, 10));
        setTop(header);
        content.getStyleClass().add("details-content");
        content.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        setCenter(scroll);
        setPrefWidth(380);
        setMinWidth(260);
    }

    /** Sets what the close button does. */
    public void setOnClose(Runnable action) {
        close.setOnAction(e -> action.run());
    }

    /** The hop shown, or null. */
    public Hop hop() {
        return hop;
    }

    /** The plain-text form of what is shown (what "Copy all" copies). */
    public String plainText() {
        return plainText;
    }

    /** Shows one hop and the checks that refer to it. */
    public void show(Hop shown, List<Check> related) {
        this.hop = shown;
        content.getChildren().clear();
        StringBuilder plain = new StringBuilder();
        String kind = names.kind(shown.kind());
        heading.setText(kind);
        plain.append(kind).append('\n');

        Label status = new Label(ExportTexts.symbol(shown.status()) + " " + names.status(shown.status())
                + (shown.taken() ? "" : " — " + names.get("notTaken")));
        status.getStyleClass().addAll("status-text", "status-" + shown.status().name().toLowerCase(Locale.ROOT));
        content.getChildren().add(status);
        plain.append(texts.get("details.status")).append(": ").append(status.getText()).append('\n');

        field(texts.get("details.value"), shown.label(), true, plain);
        if (shown.rule() != null) {
            field(texts.get("details.rule"), shown.rule(), false, plain);
        }
        if (shown.detail() != null) {
            field(texts.get(shown.taken() ? "details.detail" : "details.notTaken"), shown.detail(), false, plain);
        }
        if (shown.elapsed() != null) {
            field(texts.get("details.timing"), ExportTexts.duration(shown.elapsed()), false, plain);
        }
        field(texts.get("details.hopId"), shown.id(), true, plain);

        if (!related.isEmpty()) {
            section(texts.get("details.checks"), plain);
            for (Check check : related) {
                String line = ExportTexts.symbol(check) + " " + names.status(check) + " · " + check.id();
                field(line, check.summary(), false, plain);
                if (check.fix() != null) {
                    field(names.get("col.fix"), check.fix(), false, plain);
                }
                List<String> implementations = names.implementationLines(check);
                if (!implementations.isEmpty()) {
                    field(names.get("impl.heading"), String.join("\n", implementations), false, plain);
                }
            }
        }

        section(texts.get("details.evidence"), plain);
        List<Section> sections = evidenceFields.sections(shown.evidence());
        if (sections.isEmpty()) {
            Label none = new Label(texts.get("details.noEvidence"));
            none.getStyleClass().add("field-label");
            content.getChildren().add(none);
        }
        for (Section s : sections) {
            Label title = new Label(s.title());
            title.getStyleClass().add("details-subsection");
            title.setWrapText(true);
            content.getChildren().add(title);
            plain.append('\n').append(s.title()).append('\n');
            for (Field f : s.fields()) {
                field(f.label(), f.value(), f.monospace(), plain);
            }
        }
        plainText = plain.toString();
    }

    /** Empties the pane. */
    public void clear() {
        hop = null;
        plainText = "";
        heading.setText("");
        content.getChildren().clear();
    }

    private void section(String title, StringBuilder plain) {
        Label label = new Label(title);
        label.getStyleClass().add("details-section");
        content.getChildren().add(label);
        plain.append('\n').append(title).append('\n');
    }

    private void field(String label, String value, boolean monospace, StringBuilder plain) {
        String text = value == null ? "" : value;
        Label name = new Label(label);
        name.getStyleClass().add("field-label");
        name.setWrapText(true);
        Button copy = new Button(texts.get("details.copy"));
        copy.getStyleClass().add("copy-button");
        copy.setAccessibleText(texts.get("details.copy") + " " + label);
        copy.setOnAction(e -> copy(text));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, spacer, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.Node valueNode;
        if (monospace && text.contains("\n")) {
            TextArea area = new TextArea(text);
            area.setEditable(false);
            area.setWrapText(true);
            area.setPrefRowCount((int) Math.min(14, text.lines().count() + 1));
            area.getStyleClass().add("field-value");
            area.setAccessibleText(label);
            valueNode = area;
        } else {
            Label v = new Label(text);
            v.setWrapText(true);
            v.getStyleClass().add("field-value");
            if (monospace) {
                v.getStyleClass().add("mono");
            }
            valueNode = v;
        }
        VBox box = new VBox(2, top, valueNode);
        box.getStyleClass().add("details-field");
        content.getChildren().add(box);
        plain.append(label).append(": ").append(text).append('\n');
    }

    private static void copy(String text) {
        ClipboardContent clip = new ClipboardContent();
        clip.putString(text);
        Clipboard.getSystemClipboard().setContent(clip);
    }

    /** Whether a check is one the user must act on. */
    static boolean actionable(Check check) {
        return check.status() == Status.FAIL || check.status() == Status.WARN;
    }
}
