package dev.signpost.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.stage.Window;

/**
 * Makes the wizard's dialogs behave alike: owned by and centred on the wizard's window, in its theme, a readable
 * width with wrapped text and a height that fits the content, and Enter bound to the safe answer when the other one
 * would close the window or trust a stranger.
 */
public final class Dialogs {

    /** About 40 characters per line of the dialog's sentences at the current font size. */
    private static final double WIDTH_IN_EMS = 36;

    private Dialogs() {
    }

    /** Owner, theme, width and wrapping; call before showing. */
    public static void prepare(Dialog<?> dialog, Window owner) {
        if (owner != null) {
            dialog.initOwner(owner);
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        DialogPane pane = dialog.getDialogPane();
        pane.getStyleClass().add("signpost-dialog");
        double width = Font.getDefault().getSize() * WIDTH_IN_EMS;
        pane.setPrefWidth(width);
        pane.setMaxWidth(width * 1.5);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        wrap(pane.getContent());
        pane.contentProperty().addListener((obs, old, content) -> wrap(content));
        dialog.setResizable(true);
        dialog.setOnShown(event -> centreOn(dialog, owner));
    }

    /**
     * Makes {@code safe} the button Enter presses and the one focused first; every other button loses the default
     * role it may have from its {@link javafx.scene.control.ButtonBar.ButtonData}.
     */
    public static void defaultTo(Dialog<?> dialog, ButtonType safe) {
        DialogPane pane = dialog.getDialogPane();
        for (ButtonType type : pane.getButtonTypes()) {
            if (pane.lookupButton(type) instanceof Button button) {
                button.setDefaultButton(type == safe);
            }
        }
        Node safeButton = pane.lookupButton(safe);
        dialog.showingProperty().addListener((obs, was, showing) -> {
            if (showing && safeButton != null) {
                safeButton.requestFocus();
            }
        });
    }

    private static void wrap(Node content) {
        if (content instanceof Label label) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        } else if (content instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                wrap(child);
            }
        }
    }

    private static void centreOn(Dialog<?> dialog, Window owner) {
        if (owner == null || !owner.isShowing()) {
            return;
        }
        dialog.setX(owner.getX() + (owner.getWidth() - dialog.getWidth()) / 2);
        dialog.setY(owner.getY() + (owner.getHeight() - dialog.getHeight()) / 3);
    }
}
