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
 *
 * <p>Scrolling the page around the diagram moves the diagram's own viewport, which is only placed again by the next
 * layout pass; so the reveal is repeated after each pass until it moves nothing, and again whenever the page moves
 * or grows by anything but the user's own scrolling (its content filling in, the scroll pane's own adjustments). The outcome is then the same however the check's events were batched into redraws (one redraw on a
 * fast machine, many on a slow one) and whenever the rest of the page fills in.
 */
final class ChainFollow {

    /** Layout passes a reveal may take to settle; two suffice (page, then chain), the rest is margin. */
    private static final int MAX_SETTLE_PASSES = 4;

    private final Parent owner;
    private final ChainViewport viewport;
    private final Supplier<ChainLayout> layout;
    private boolean following = true;
    private String pending;
    private int passes;
    /** What was last brought into view for the user, and where the page around the diagram was then. */
    private String shown;
    private ChainViewport.PagePosition page;
    private final Runnable afterLayout = this::revealPending;

    ChainFollow(Parent owner, ChainViewport viewport, Supplier<ChainLayout> layout) {
        this.owner = owner;
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

    private void revealPending() {
        viewport.watchUserScrollsOfPage(this::stop);
        if (pending == null && following && shown != null && viewport.pageMovedSince(page)) {
            pending = shown;
            passes = 0;
        }
        if (pending != null) {
            String id = pending;
            pending = null;
            boolean moved = scrollTo(id);
            shown = id;
            page = viewport.pagePosition();
            if (moved && ++passes < MAX_SETTLE_PASSES) {
                pending = id;
                owner.requestLayout();
            }
        }
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

    /** Scrolls to {@code id} after the coming layout pass of the diagram, and again until it settles. */
    void revealAfterLayout(String id) {
        pending = id;
        passes = 0;
        owner.requestLayout();
    }

    /** Scrolls so that a box or fold (by id) is in view; true when anything scrolled. */
    boolean scrollTo(String id) {
        ChainLayout current = layout.get();
        Optional<NodeBox> box = current.node(id);
        if (box.isPresent()) {
            NodeBox b = box.get();
            return viewport.reveal(b.x(), b.y(), b.width(), b.height(), current.width(), current.height());
        }
        return current.folds().stream().filter(f -> f.id().equals(id)).findFirst()
                .map(f -> viewport.reveal(f.x(), f.y(), f.width(), f.height(), current.width(), current.height()))
                .orElse(false);
    }
}
