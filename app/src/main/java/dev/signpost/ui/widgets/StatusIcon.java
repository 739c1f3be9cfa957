package dev.signpost.ui.widgets;

import dev.signpost.core.model.Status;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.Locale;

/**
 * A status drawn as a coloured disc with a glyph; shape and colour come from the stylesheet ({@code .status-pass}
 * etc.), so it is vector-crisp at any scale and follows the theme.
 */
public final class StatusIcon extends StackPane {

    public StatusIcon(Status status) {
        Region glyph = new Region();
        glyph.getStyleClass().add("glyph");
        getChildren().add(glyph);
        getStyleClass().addAll("status-icon", styleClass(status));
        setFocusTraversable(false);
    }

    /** {@code status-pass}, {@code status-fail}, … */
    public static String styleClass(Status status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** {@code status-text-pass}, … for the word next to the icon. */
    public static String textStyleClass(Status status) {
        return "status-text-" + status.name().toLowerCase(Locale.ROOT);
    }
}
