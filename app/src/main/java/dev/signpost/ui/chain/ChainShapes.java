package dev.signpost.ui.chain;

import dev.signpost.core.report.ChainCaptions;
import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.Edge;
import dev.signpost.core.report.ChainLayout.Fold;
import dev.signpost.core.report.ChainLayout.Group;
import dev.signpost.core.report.ChainLayout.LaneBand;
import dev.signpost.core.report.ChainLayout.NodeBox;
import dev.signpost.core.report.ExportTexts;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Turns a {@link ChainLayout} into JavaFX shapes: lanes, address frames, edges, captions, hop boxes and folds.
 * Boxes whose hop did not change are moved rather than rebuilt, since a live chain redraws often. Captions come
 * from {@link ChainCaptions}, the same words the SVG export writes.
 */
final class ChainShapes {

    private final ExportTexts names;
    private final ChainTexts texts;
    private final Map<String, Node> views = new HashMap<>();

    ChainShapes(ExportTexts names, ChainTexts texts) {
        this.names = names;
        this.texts = texts;
    }

    /** The box or fold drawn for an id, from the last interactive drawing. */
    Node view(String id) {
        return views.get(id);
    }

    /** Every box and fold of the last interactive drawing, by id. */
    Map<String, Node> views() {
        return views;
    }

    /** Hands every hop box of the last interactive drawing (not the folds) to {@code action}. */
    void boxes(BiConsumer<String, ChainNodeView> action) {
        views.forEach((id, view) -> {
            if (view instanceof ChainNodeView box) {
                action.accept(id, box);
            }
        });
    }

    /**
     * The shapes of a layout. Interactive drawings keep their boxes for reuse and hand every new one to
     * {@code wire}; export drawings are plain pictures whose boxes take no focus.
     */
    List<Node> draw(ChainLayout chain, boolean interactive, Consumer<Node> wire, String emptyText) {
        Map<String, Node> previous = new HashMap<>(views);
        if (interactive) {
            views.clear();
        }
        List<Node> children = new ArrayList<>();
        Rectangle background = new Rectangle(chain.width(), chain.height());
        background.getStyleClass().add("chain-background");
        background.setFill(Color.TRANSPARENT);
        children.add(background);
        for (LaneBand lane : chain.lanes()) {
            Rectangle band = new Rectangle(lane.x(), lane.y(), lane.width(), lane.height());
            band.getStyleClass().add("lane-band");
            String laneId = "lane-" + lane.lane().name().toLowerCase(Locale.ROOT);
            band.setId(laneId);
            Text title = ChainNodeView.text(names.lane(lane.lane()), "lane-title", lane.x() + 12, lane.y() + 19);
            title.setId(laneId + "-title");
            children.addAll(List.of(band, title));
        }
        for (Group group : chain.groups()) {
            Rectangle frame = new Rectangle(group.x(), group.y(), group.width(), group.height());
            frame.getStyleClass().addAll("family-group", group.family() == AddressFamily.IPV6 ? "ipv6" : "ipv4");
            frame.setMouseTransparent(true);
            Text tag = ChainNodeView.text(names.family(group.family()), "family-tag",
                    group.x() + group.width() - 40, group.y() + 12);
            children.addAll(List.of(frame, tag));
        }
        for (Edge edge : chain.edges()) {
            children.addAll(edgeShapes(edge));
        }
        for (NodeBox box : chain.nodes()) {
            String caption = ChainCaptions.of(box, names).caption();
            if (caption != null) {
                children.add(caption(caption, box.x(), box.y()));
            }
        }
        for (Fold fold : chain.folds()) {
            String caption = ChainCaptions.of(fold, names).caption();
            if (caption != null) {
                children.add(caption(caption, fold.x(), fold.y()));
            }
        }
        for (NodeBox box : chain.nodes()) {
            Node old = interactive ? previous.get(box.id()) : null;
            Node view;
            if (old instanceof ChainNodeView reusable && reusable.shows(box)) {
                view = reusable;
                view.relocate(box.x(), box.y());
            } else {
                view = new ChainNodeView(box, names, texts);
                if (interactive) {
                    wire.accept(view);
                }
            }
            place(view, box.id(), interactive, children);
        }
        for (Fold fold : chain.folds()) {
            Node old = interactive ? previous.get(fold.id()) : null;
            Node view;
            if (old instanceof ChainFoldView reusable && reusable.shows(fold)) {
                view = reusable;
                view.relocate(fold.x(), fold.y());
            } else {
                view = new ChainFoldView(fold, names, texts);
                if (interactive) {
                    wire.accept(view);
                }
            }
            place(view, fold.id(), interactive, children);
        }
        if (chain.nodes().isEmpty() && chain.folds().isEmpty()) {
            Label empty = new Label(emptyText);
            empty.getStyleClass().add("chain-empty");
            empty.relocate(ChainLayout.MARGIN, ChainLayout.MARGIN);
            children.add(empty);
        }
        return children;
    }

    private void place(Node view, String id, boolean interactive, List<Node> children) {
        if (interactive) {
            views.put(id, view);
        } else {
            view.setFocusTraversable(false);
        }
        children.add(view);
    }

    private static Text caption(String text, double boxX, double boxY) {
        return ChainNodeView.text(text, "edge-label", boxX + ChainCaptions.CAPTION_X,
                boxY + ChainCaptions.CAPTION_BASELINE);
    }

    private static List<Node> edgeShapes(Edge edge) {
        String status = "status-" + edge.status().name().toLowerCase(Locale.ROOT);
        Polyline line = new Polyline(edge.points());
        line.getStyleClass().addAll("chain-edge", status);
        Polygon arrow = new Polygon(edge.arrow());
        arrow.getStyleClass().addAll("chain-arrow", status);
        if (!edge.taken()) {
            line.getStyleClass().add("not-taken");
            arrow.getStyleClass().add("not-taken");
        }
        line.setMouseTransparent(true);
        arrow.setMouseTransparent(true);
        return List.of(line, arrow);
    }
}
