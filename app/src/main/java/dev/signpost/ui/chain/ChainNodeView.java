package dev.signpost.ui.chain;

import dev.signpost.core.model.Hop;
import dev.signpost.core.report.ChainIcons;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ExportTexts;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;

import java.util.Locale;

/**
 * One hop's box in the diagram: kind icon, kind name, value, and a status badge whose shape tells the status
 * without colour. Focusable, with an accessible description, so the chain can be walked with the keyboard and read
 * by a screen reader.
 */
final class ChainNodeView extends Pane {

    private final Hop hop;
    private final ChainLayout.NodeBox box;

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
        icon.relocate(9, 13);
        icon.setMouseTransparent(true);

        String kindText = names.kind(hop.kind());
        // The family frame says IPv4/IPv6 for the whole row; repeating it on the address itself keeps it readable
        // without colour, and on the hops after it would only crowd the kind name.
        if (hop.kind() == dev.signpost.core.model.HopKind.ADDRESS && box.family() != AddressFamily.NONE) {
            kindText = kindText + " · " + names.family(box.family());
        }
        // Text nodes rather than Labels: a chain redraws on every live event, and Text is far cheaper to create.
        double textWidth = box.width() - 70;
        Text kind = text(ChainLayout.fit(kindText, textWidth, 6.2), "node-kind", 42, 18);
        Text value = text(ChainLayout.fit(hop.label(), textWidth, 7.6), "node-label", 42, 36);

        SVGPath badgeShape = new SVGPath();
        badgeShape.setContent(ChainIcons.badgeShape(hop.status()));
        badgeShape.getStyleClass().add("badge-shape");
        SVGPath badgeGlyph = new SVGPath();
        badgeGlyph.setContent(ChainIcons.badgeGlyph(hop.status()));
        badgeGlyph.getStyleClass().add("badge-glyph");
        Group badge = new Group(badgeShape, badgeGlyph);
        badge.getStyleClass().add("status-badge");
        badge.setLayoutX(box.width() - 23);
        badge.setLayoutY(7);
        badge.setMouseTransparent(true);

        getChildren().addAll(icon, kind, value, badge);
        setAccessibleText(accessibleText(hop, names, texts));
    }

    /** The hop this box shows. */
    Hop hop() {
        return hop;
    }

    /** True when this view already draws {@code other} (same hop, same size and family), wherever it stands. */
    boolean shows(ChainLayout.NodeBox other) {
        return hop.equals(other.hop()) && box.width() == other.width() && box.family() == other.family();
    }

    /** Marks this box as the one whose details are open. */
    void setSelected(boolean selected) {
        if (selected && !getStyleClass().contains("selected")) {
            getStyleClass().add("selected");
        } else if (!selected) {
            getStyleClass().remove("selected");
        }
    }

    /** Marks this box as changed since an earlier report (comparison view). */
    void setChanged(boolean changed) {
        if (changed && !getStyleClass().contains("changed")) {
            getStyleClass().add("changed");
        } else if (!changed) {
            getStyleClass().remove("changed");
        }
    }

    static String accessibleText(Hop hop, ExportTexts names, ChainTexts texts) {
        String label = hop.label() == null ? "" : hop.label();
        if (!hop.taken()) {
            return texts.get("node.accessibleNotTaken", names.kind(hop.kind()), label,
                    hop.detail() == null ? "" : hop.detail());
        }
        String detail = hop.detail() == null ? "" : " " + hop.detail() + ".";
        return texts.get("node.accessible", names.kind(hop.kind()), label, names.status(hop.status()), detail);
    }

    private static Text text(String content, String styleClass, double x, double baseline) {
        Text text = new Text(x, baseline, content);
        text.getStyleClass().add(styleClass);
        text.setMouseTransparent(true);
        return text;
    }
}
