package dev.signpost.ui.chain;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainFindings;
import dev.signpost.core.report.ChainFindings.RootCause;
import dev.signpost.core.report.ChainIcons;
import dev.signpost.core.report.ExportTexts;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The line above the chain that names the hop to fix first, in words, with its fix and a button that shows it in
 * the chain. Hidden while nothing fails or warns.
 */
final class RootCauseBanner extends HBox {

    private final ExportTexts names;
    private final ChainTexts texts;
    private final Label title = new Label();
    private final Label fix = new Label();
    private final Button show;
    private final SVGPath badgeShape = new SVGPath();
    private final SVGPath badgeGlyph = new SVGPath();
    private RootCause cause;

    RootCauseBanner(ExportTexts names, ChainTexts texts, Consumer<Hop> onShow) {
        this.names = names;
        this.texts = texts;
        getStyleClass().add("chain-banner");
        setId("chain-root-cause");
        title.getStyleClass().add("banner-title");
        title.setWrapText(true);
        fix.getStyleClass().add("banner-fix");
        fix.setWrapText(true);
        // Large text in a small window: a long sentence ends in "…" instead of pushing the chain out of sight; the
        // whole of it is on the box, on hover and in the details.
        limitLines(title, 2);
        limitLines(fix, 3);
        show = new Button(texts.get("chain.banner.show"));
        show.getStyleClass().add("banner-show");
        show.setMinWidth(Button.USE_PREF_SIZE);
        show.setOnAction(e -> {
            if (cause != null) {
                onShow.accept(cause.hop());
            }
        });
        badgeShape.getStyleClass().add("badge-shape");
        badgeGlyph.getStyleClass().add("badge-glyph");
        Group badge = new Group(badgeShape, badgeGlyph);
        VBox words = new VBox(2, title, fix);
        HBox.setHgrow(words, Priority.ALWAYS);
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(badge, words, show);
        update(Optional.empty(), java.util.List.of());
    }

    /** Shows the given root cause, or hides the banner when there is none. */
    void update(Optional<RootCause> found, Collection<Hop> hops) {
        cause = found.orElse(null);
        setVisible(cause != null);
        setManaged(cause != null);
        getStyleClass().removeIf(c -> c.startsWith("status-"));
        if (cause == null) {
            return;
        }
        Hop hop = cause.hop();
        getStyleClass().add("status-" + hop.status().name().toLowerCase(Locale.ROOT));
        badgeShape.setContent(ChainIcons.badgeShape(hop.status()));
        badgeGlyph.setContent(ChainIcons.badgeGlyph(hop.status()));
        String where = ChainFindings.describe(hop, hops, names);
        Check check = cause.check();
        String what = check != null && check.summary() != null ? check.summary()
                : hop.detail() == null ? names.status(hop.status()) : hop.detail();
        title.setText(texts.get(hop.status() == Status.FAIL ? "chain.banner.fail" : "chain.banner.warn", where, what));
        fix.setText(cause.fix() == null ? "" : names.get("fix", cause.fix()));
        fix.setVisible(cause.fix() != null);
        fix.setManaged(cause.fix() != null);
        setAccessibleText(title.getText() + " " + fix.getText());
    }

    /** The root cause shown, or null. */
    RootCause cause() {
        return cause;
    }

    /** The sentence naming the broken hop. */
    String titleText() {
        return title.getText();
    }

    /** The fix line. */
    String fixText() {
        return fix.getText();
    }

    private static void limitLines(Label label, int lines) {
        label.maxHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.ceil(label.getFont().getSize() * 1.4 * lines), label.fontProperty()));
    }
}
