package dev.signpost.ui.widgets;

import javafx.animation.PauseTransition;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Short confirmations ("Saved 4 files to …") shown for a few seconds in the page area's corner, above the button bar
 * and never over it, styled by the wizard's own stylesheet. The sentence also stays on the page, so nothing is only
 * said by a message that fades.
 */
public final class Toasts {

    /** Id of the page area's overlay layer that holds the messages. */
    public static final String LAYER_ID = "toast-layer";

    private static final Duration SHOWN_FOR = Duration.seconds(4);

    private Toasts() {
    }

    /** A transparent layer for messages; it lets every click through to the page below. */
    public static StackPane layer() {
        StackPane layer = new StackPane();
        layer.setId(LAYER_ID);
        layer.setPickOnBounds(false);
        layer.setMouseTransparent(true);
        return layer;
    }

    /** Shows each new non-empty value of {@code message} in the layer of the window holding {@code anchor}. */
    public static void follow(Node anchor, ObservableStringValue message) {
        message.addListener((obs, old, text) -> {
            if (text == null || text.isBlank() || anchor.getScene() == null) {
                return;
            }
            if (anchor.getScene().lookup("#" + LAYER_ID) instanceof StackPane layer) {
                show(layer, text);
            }
        });
    }

    private static void show(StackPane layer, String text) {
        Label toast = new Label(text);
        toast.getStyleClass().add("toast");
        toast.setWrapText(true);
        toast.setMaxWidth(Label.USE_PREF_SIZE);
        toast.setMaxHeight(Label.USE_PREF_SIZE);
        toast.maxWidthProperty().bind(layer.widthProperty().multiply(0.6));
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toast, new Insets(0, 12, 12, 0));
        layer.getChildren().setAll(toast);
        PauseTransition hide = new PauseTransition(SHOWN_FOR);
        hide.setOnFinished(e -> layer.getChildren().remove(toast));
        hide.play();
    }
}
