package dev.signpost.ui.widgets;

import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.NetworkTexts;
import dev.signpost.core.text.SafeText;
import dev.signpost.core.text.Texts;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small builders for the pieces every page uses, so pages look alike and carry the same style classes. */
public final class Ui {

    /** Node property naming the control that gets the focus when a page is shown. */
    public static final String INITIAL_FOCUS = "signpost.initialFocus";

    private Ui() {
    }

    public static Label lead(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("lead");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    public static Label hint(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("hint");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.setWrapText(true);
        return label;
    }

    /** A field label with a mnemonic ({@code _Server name}) that moves the focus to {@code field}. */
    public static Label fieldLabel(String text, Node field) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(field);
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        return label;
    }

    /** A red sentence under a field, shown only while {@code error} is non-null. */
    public static Label errorLine(ObservableStringValue error) {
        Label label = new Label();
        label.setGraphic(new StatusIcon(dev.signpost.core.model.Status.FAIL));
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        label.textProperty().bind(error);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** Keeps buttons at least as wide as their text, so large fonts wrap the page instead of cutting words. */
    public static void keepWhole(javafx.scene.layout.Region... regions) {
        for (javafx.scene.layout.Region region : regions) {
            region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    /** A yellow notice box. */
    public static VBox notice(Node... children) {
        VBox box = new VBox(children);
        box.getStyleClass().add("notice");
        return box;
    }

    /** Icon and word for a status: never colour alone. */
    /** A check's status: "Not reached" for a check an earlier failure kept from running. */
    public static HBox status(dev.signpost.core.model.Check check, Texts texts) {
        HBox box = status(check.status(), texts);
        if (check.isNotReached()) {
            ((Label) box.getChildren().get(1)).setText(texts.get("status.notReached"));
        }
        return box;
    }

    public static HBox status(Status status, Texts texts) {
        Label word = new Label(texts.get("status." + status.jsonName()));
        word.getStyleClass().add(StatusIcon.textStyleClass(status));
        HBox box = new HBox(new StatusIcon(status), word);
        box.getStyleClass().add("hop-row");
        box.setMinWidth(HBox.USE_PREF_SIZE);
        return box;
    }

    /**
     * A notice naming the network a check ran in, when it was not the system's: the compact line the report
     * records ("Checked with DNS server 127.0.0.1:5353, 1 extra CA, 2 resolve overrides"), one line beside the
     * page's buttons so the chain below keeps its place; each setting and, when remote servers may see otherwise,
     * the sentence saying so in the tooltip (and for screen readers). While a check runs and no report is
     * there yet, the settings it runs with ({@code configured}). Hidden on the system's network.
     */
    public static Label networkNote(ObservableStringValue configured, ObservableValue<Report> report, Locale locale) {
        Label label = new Label();
        label.getStyleClass().addAll("network-note");
        label.setId("network-note");
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        NetworkTexts words = new NetworkTexts(locale);
        Tooltip details = new Tooltip();
        details.setWrapText(true);
        details.setMaxWidth(640);
        details.setShowDuration(javafx.util.Duration.INDEFINITE);
        Runnable update = () -> {
            Report shown = report.getValue();
            if (shown == null) {
                label.setText(configured.get());
                label.setTooltip(null);
                label.setAccessibleHelp(null);
                return;
            }
            CheckNetwork network = shown.network();
            label.setText(SafeText.oneLine(words.summary(network)));
            List<String> all = new ArrayList<>(words.details(network));
            String caveat = words.caveat(network);
            if (caveat != null) {
                all.add(caveat);
            }
            String lines = String.join("\n", all.stream().map(SafeText::oneLine).toList());
            details.setText(lines);
            label.setTooltip(lines.isEmpty() ? null : details);
            label.setAccessibleHelp(lines.isEmpty() ? null : lines);
        };
        configured.addListener((obs, old, now) -> update.run());
        report.addListener((obs, old, now) -> update.run());
        update.run();
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
