package dev.signpost.ui.host;

import dev.signpost.ui.widgets.Ui;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.TextInputControl;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the keyboard focus goes when the wizard, not the user, takes it away: a new page, a button that disappears or
 * is disabled, a task that ends. The target is the page's own first input or primary action, then Next, then the
 * page's first control; never Cancel or the theme toggle, where Enter would mean "close" or nothing useful.
 */
final class FocusKeeper {

    private final Supplier<Node> page;
    private final Node next;
    private final Node[] unwanted;

    /**
     * @param page     the current page's view
     * @param next     the primary button of the bar
     * @param unwanted controls that must never receive the focus by accident (Cancel, the theme toggle)
     */
    FocusKeeper(Supplier<Node> page, Node next, Node... unwanted) {
        this.page = page;
        this.next = next;
        this.unwanted = unwanted.clone();
    }

    /** Watches {@code scene} and {@code busy}: focus lost to a disappearing node or left on Cancel goes back to the page. */
    void watch(Scene scene, ObservableBooleanValue busy) {
        scene.focusOwnerProperty().addListener((obs, old, now) -> {
            // The old owner can no longer hold the focus: the wizard took it away, so the wizard chooses where it goes.
            if (old != null && !usable(old)) {
                Platform.runLater(this::focusPage);
            }
        });
        busy.addListener((obs, was, isBusy) -> {
            if (!isBusy) {
                Node owner = scene.getFocusOwner();
                if (owner == null || !usable(owner) || isUnwanted(owner)) {
                    Platform.runLater(this::focusPage);
                }
            }
        });
        Platform.runLater(this::focusPage);
    }

    /** Moves the focus to the page's preferred control. */
    void focusPage() {
        target().ifPresent(Node::requestFocus);
    }

    /** The control the focus should go to now, if any can take it. */
    Optional<Node> target() {
        Node view = page.get();
        if (view == null) {
            return Optional.empty();
        }
        if (view.getProperties().get(Ui.INITIAL_FOCUS) instanceof Node initial && usable(initial)) {
            return Optional.of(initial);
        }
        if (usable(next)) {
            return Optional.of(next);
        }
        return firstControl(view);
    }

    private boolean isUnwanted(Node node) {
        for (Node candidate : unwanted) {
            if (candidate == node) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Node> firstControl(Node node) {
        if (node instanceof Control && usable(node) && (node.isFocusTraversable() || node instanceof TextInputControl)) {
            return Optional.of(node);
        }
        if (node instanceof Parent parent && node.isVisible()) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstControl(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Shown, enabled and in a scene: able to take the focus. */
    static boolean usable(Node node) {
        if (node.getScene() == null || node.isDisabled()) {
            return false;
        }
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
