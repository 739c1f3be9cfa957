package dev.signpost.ui.chain;

import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainCaptions;
import dev.signpost.core.report.ChainIcons;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.Fold;
import dev.signpost.core.report.ExportTexts;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;

import java.util.Locale;

/**
 * Hops folded into one line ("3 steps passed", with the values they pass through). Focusable like a hop's box;
 * a click, Enter or the right arrow opens it.
 */
final class ChainFoldView extends Pane {

    private final Fold fold;

    ChainFoldView(Fold fold, ExportTexts names, ChainTexts texts) {
        this.fold = fold;
        getStyleClass().addAll("chain-fold", "status-" + fold.status().name().toLowerCase(Locale.ROOT));
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        relocate(fold.x(), fold.y());
        setPrefSize(fold.width(), fold.height());
        setMinSize(fold.width(), fold.height());
        setMaxSize(fold.width(), fold.height());

        ChainCaptions.Texts words = ChainCaptions.of(fold, names);
        Text count = ChainNodeView.text(words.kind() + "  ·  " + texts.get("chain.fold.open"), "fold-count",
                ChainLayout.TEXT_INSET, ChainCaptions.KIND_BASELINE);
        Text values = ChainNodeView.text(words.label(), "fold-values", ChainLayout.TEXT_INSET,
                ChainCaptions.LABEL_BASELINE);
        SVGPath expand = new SVGPath();
        expand.setContent("M0 0L5 5L10 0");
        expand.getStyleClass().add("fold-chevron");
        expand.relocate(13, 19);
        expand.setMouseTransparent(true);

        Status status = fold.status();
        SVGPath badgeShape = new SVGPath();
        badgeShape.setContent(ChainIcons.badgeShape(status));
        badgeShape.getStyleClass().add("badge-shape");
        SVGPath badgeGlyph = new SVGPath();
        badgeGlyph.setContent(ChainIcons.badgeGlyph(status));
        badgeGlyph.getStyleClass().add("badge-glyph");
        Group badge = new Group(badgeShape, badgeGlyph);
        badge.setLayoutX(fold.width() - ChainCaptions.BADGE_FROM_RIGHT);
        badge.setLayoutY(ChainCaptions.BADGE_TOP);
        badge.setMouseTransparent(true);
        getChildren().addAll(expand, count, values, badge);
        setAccessibleText(texts.get("chain.fold.accessible", words.kind(), ChainCaptions.tooltip(fold, names)));
    }

    Fold fold() {
        return fold;
    }

    /** True when this view already draws {@code other}: same hops and size, wherever it stands. */
    boolean shows(Fold other) {
        return fold.hops().equals(other.hops()) && fold.width() == other.width();
    }
}
