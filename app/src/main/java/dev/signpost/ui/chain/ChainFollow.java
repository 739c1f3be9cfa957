package dev.signpost.ui.chain;

import dev.signpost.core.report.ChainLayout;
import dev.signpost.core.report.ChainLayout.NodeBox;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps what matters in view: after each redraw the diagram asks to show the broken hop, and this scrolls to it once
 * the coming layout pass has placed everything (the banner above may grow and move the chain down), until the user
 * scrolls, clicks or walks the chain themselves. Also scrolls to any box or fold on request.
 */
final class ChainFollow {

    private final ChainViewport viewport;
    private final Supplier<ChainLayout> layout;
    private boolean following = true;
    private String pending;
    private final Runnable afterLayout = () -> {
        if (pending != null) {
            String id = pending;
            pending = null;
            scrollTo(id);
        }
    };

    ChainFollow(Parent owner, ChainViewport viewport, Supplier<ChainLayout> layout) {
        this.viewport = viewport;
        this.layout = layout;
        viewport.node().addEventFilter(ScrollEvent.SCROLL, e -> following = false);
        viewport.node().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> following = false);
        owner.sceneProperty().addListener((obs, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /** Follows the broken hop again, as for a new report. */
    void resume() {
        following = true;
    }

    /** The user took over (walked the chain with the keyboard): no more scrolling on their behalf. */
    void stop() {
        following = false;
    }

    boolean following() {
        return following;
    }

    /** Scrolls to {@code id} after the coming layout pass of {@code owner}. */
    void revealAfterLayout(String id, Parent owner) {
        pending = id;
        owner.requestLayout();
    }

    /** Scrolls so that a box or fold (by id) is in view. */
    void scrollTo(String id) {
        ChainLayout current = layout.get();
        Optional<NodeBox> box = current.node(id);
        if (box.isPresent()) {
            NodeBox b = box.get();
            viewport.reveal(b.x(), b.y(), b.width(), b.height(), current.width(), current.height());
            return;
        }
        current.folds().stream().filter(f -> f.id().equals(id)).findFirst().ifPresent(f ->
                viewport.reveal(f.x(), f.y(), f.width(), f.height(), current.width(), current.height()));
    }
}
