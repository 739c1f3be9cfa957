package dev.signpost.ui.chain;

import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.Edge;
import javafx.scene.input.KeyCode;

import java.util.List;
import java.util.Optional;

/**
 * Where the arrow keys go from a box or fold: up and down to the row above or below, left to the parent, right to
 * the first child. Pure: it reads the layout and names the target.
 */
final class ChainKeyboard {

    private ChainKeyboard() {
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
