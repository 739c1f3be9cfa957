package dev.signpost.ui.chain;

import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.Edge;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.util.Duration;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a box or fold answers the keyboard and the pointer: the arrow keys go up and down to the row above or below,
 * left to the parent, right to the first child (or into a fold); Enter, Space and a click open it; focus scrolls it
 * into view; hovering shows its whole text.
 */
final class ChainKeyboard {

    /** What the diagram does for a box or fold. */
    interface Actions {
        /** The box or fold an arrow key moves to from {@code fromId}. */
        Optional<Node> target(String fromId, KeyCode key);

        /** Opens a box's details, or a fold. */
        void activate(Node view);

        /** Scrolls a box or fold (by id) into view. */
        void reveal(String id);
    }

    private ChainKeyboard() {
    }

    /** One tooltip for all boxes, its text made when shown: cheaper than one per box on every redraw. */
    static Tooltip hoverTip(Function<Node, String> text) {
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(250));
        tip.setShowDuration(Duration.seconds(30));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setOnShowing(e -> tip.setText(text.apply(tip.getOwnerNode())));
        return tip;
    }

    /** Wires clicks, keys, focus and the hover text of a box or fold. */
    static void wire(Node view, Tooltip tip, Actions actions) {
        view.setOnMouseClicked(e -> {
            view.requestFocus();
            actions.activate(view);
        });
        view.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case ENTER, SPACE -> actions.activate(view);
                case RIGHT -> {
                    if (view instanceof ChainFoldView) {
                        actions.activate(view);
                    } else {
                        actions.target(idOf(view), e.getCode()).ifPresent(Node::requestFocus);
                    }
                }
                case UP, DOWN, LEFT -> actions.target(idOf(view), e.getCode()).ifPresent(Node::requestFocus);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        view.focusedProperty().addListener((obs, was, now) -> {
            if (now) {
                actions.reveal(idOf(view));
            }
        });
        Tooltip.install(view, tip);
    }

    /** The id of the hop or fold a view shows. */
    static String idOf(Node view) {
        if (view instanceof ChainNodeView box) {
            return box.hop().id();
        }
        return ((ChainFoldView) view).fold().id();
    }

    /** The id the key moves to from {@code fromId}, if any. */
    static Optional<String> target(ChainLayout layout, String fromId, KeyCode key) {
        List<String> order = layout.order();
        int at = order.indexOf(fromId);
        if (at < 0) {
            return Optional.empty();
        }
        return switch (key) {
            case UP -> at > 0 ? Optional.of(order.get(at - 1)) : Optional.empty();
            case DOWN -> at + 1 < order.size() ? Optional.of(order.get(at + 1)) : Optional.empty();
            case LEFT -> layout.edges().stream().filter(e -> e.toId().equals(fromId)).map(Edge::fromId).findFirst();
            case RIGHT -> layout.edges().stream().filter(e -> e.fromId().equals(fromId)).map(Edge::toId).findFirst();
            default -> Optional.empty();
        };
    }
}
