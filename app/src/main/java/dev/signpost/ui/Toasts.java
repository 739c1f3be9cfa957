package dev.signpost.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Short confirmations ("Saved 4 files to …") as ControlsFX notifications in the window's corner, without their
 * bitmap icons. The sentence also stays on the page, so nothing is only said by a popup that fades.
 */
public final class Toasts {

    private Toasts() {
    }

    /** Shows each new non-empty value of {@code message} over the window holding {@code anchor}. */
    public static void follow(Node anchor, ObservableStringValue message) {
        message.addListener((obs, old, text) -> {
            if (text != null && !text.isBlank() && anchor.getScene() != null && anchor.getScene().getWindow() != null
                    && anchor.getScene().getWindow().isShowing()) {
                Notifications.create()
                        .owner(anchor.getScene().getWindow())
                        .text(text)
                        .position(Pos.BOTTOM_RIGHT)
                        .hideAfter(Duration.seconds(4))
                        .show();
            }
        });
    }
}
