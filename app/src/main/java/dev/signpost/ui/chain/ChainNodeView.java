package dev.signpost.ui.chain;

import dev.signpost.core.model.Hop;
import dev.signpost.core.report.ChainCaptions;
import dev.signpost.core.report.ChainIcons;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ExportTexts;
import dev.signpost.core.report.LabelFit;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;

import java.util.Locale;

/**
 * One hop's box in the diagram: kind icon, kind name, value, the fix when the hop needs one, and a status badge
 * whose shape tells the status without colour. Focusable, with an accessible description, so the chain can be
 * walked with the keyboard and read by a screen reader.
 */
final class ChainNodeView extends Pane {

    private final Hop hop;
    private final ChainLayout.NodeBox box;
    private Text changeBadge;

    ChainNodeView(ChainLayout.NodeBox box, ExportTexts names, ChainTexts texts) {
        this.hop = box.hop();
        this.box = box;
        getStyleClass().addAll("chain-node", "status-" + hop.status().name().toLowerCase(Locale.ROOT));
        if (!hop.taken()) {
            getStyleClass().add("not-taken");
        }
        if (box.family() != AddressFamily.NONE) {
            getStyleClass().add("family-" + box.family().name().toLowerCase(Locale.ROOT));
        }
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        relocate(box.x(), box.y());
        setPrefSize(box.width(), box.height());
        setMinSize(box.width(), box.height());
        setMaxSize(box.width(), box.height());

        SVGPath icon = new SVGPath();
        icon.setContent(ChainIcons.kind(hop.kind()));
        icon.getStyleClass().add("node-icon");
        icon.relocate(11, 12);
        icon.setMouseTransparent(true);

        ChainCaptions.Texts words = ChainCaptions.of(box, names);
        // Text nodes rather than Labels: a chain redraws on every batch of live events, and Text is cheap.
        Text kind = text(words.kind(), "node-kind", ChainLayout.TEXT_INSET, ChainCaptions.KIND_BASELINE);
        Text value = text(words.label(), "node-label", ChainLayout.TEXT_INSET, ChainCaptions.LABEL_BASELINE);
        getChildren().addAll(icon, kind, value);
        if (words.fix() != null) {
            getChildren().add(text(words.fix(), "node-fix", ChainCaptions.FIX_X, ChainCaptions.FIX_BASELINE));
        }

        SVGPath badgeShape = new SVGPath();
        badgeShape.setContent(ChainIcons.badgeShape(hop.status()));
        badgeShape.getStyleClass().add("badge-shape");
        SVGPath badgeGlyph = new SVGPath();
        badgeGlyph.setContent(ChainIcons.badgeGlyph(hop.status()));
        badgeGlyph.getStyleClass().add("badge-glyph");
        Group badge = new Group(badgeShape, badgeGlyph);
        badge.getStyleClass().add("status-badge");
        badge.setLayoutX(box.width() - ChainCaptions.BADGE_FROM_RIGHT);
        badge.setLayoutY(ChainCaptions.BADGE_TOP);
        badge.setMouseTransparent(true);
        getChildren().add(badge);
        setAccessibleText(accessibleText(hop, box.fix(), names, texts));
    }

    /** The hop this box shows. */
    Hop hop() {
        return hop;
    }

    /** True when this view already draws {@code other} (same hop, size, family and fix), wherever it stands. */
    boolean shows(ChainLayout.NodeBox other) {
        return hop.equals(other.hop()) && box.width() == other.width() && box.height() == other.height()
                && box.family() == other.family() && java.util.Objects.equals(box.fix(), other.fix());
    }

    /** Marks this box as the one whose details are open. */
    void setSelected(boolean selected) {
        toggleClass("selected", selected);
    }

    /**
     * Marks this box as changed since an earlier report (comparison view), with what it was before in a small
     * badge left of the status, or removes the mark ({@code before} null).
     */
    void setChanged(String before) {
        toggleClass("changed", before != null);
        getChildren().remove(changeBadge);
        changeBadge = null;
        if (before != null) {
            changeBadge = text(before, "change-badge", 0, ChainCaptions.KIND_BASELINE);
            changeBadge.setX(box.width() - ChainCaptions.BADGE_FROM_RIGHT - 8
                    - LabelFit.width(before, ChainLayout.KIND_FONT, true));
            getChildren().add(changeBadge);
        }
    }

    private void toggleClass(String styleClass, boolean on) {
        if (on && !getStyleClass().contains(styleClass)) {
            getStyleClass().add(styleClass);
        } else if (!on) {
            getStyleClass().remove(styleClass);
        }
    }

    static String accessibleText(Hop hop, String fix, ExportTexts names, ChainTexts texts) {
        String label = hop.label() == null ? "" : hop.label();
        if (!hop.taken()) {
            return texts.get("node.accessibleNotTaken", names.kind(hop.kind()), label,
                    hop.detail() == null ? "" : hop.detail());
        }
        String detail = hop.detail() == null ? "" : " " + hop.detail() + ".";
        if (fix != null) {
            detail = detail + " " + names.get("fix", fix);
        }
        return texts.get("node.accessible", names.kind(hop.kind()), label, names.status(hop.status()), detail);
    }

    static Text text(String content, String styleClass, double x, double baseline) {
        Text text = new Text(x, baseline, content);
        text.getStyleClass().add(styleClass);
        text.setMouseTransparent(true);
        return text;
    }
}
