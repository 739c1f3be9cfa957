package dev.signpost.ui;

import dev.signpost.ui.settings.Settings;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;

/**
 * The size a window opens at: the remembered one, else the default grown with the text size as far as the screen
 * allows (larger text in the same window would show half as much). Kept apart from {@link Wizard}, whose loading
 * pulls in every page's classes, so the opening window can use it before any page exists.
 */
final class FirstWindowSize {

    static final double DEFAULT_WIDTH = 980;
    static final double DEFAULT_HEIGHT = 720;

    private FirstWindowSize() {
    }

    /** For {@code loaded} settings, at the text factor in force. */
    static Dimension2D of(Settings loaded, double textScale) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double grow = Math.max(1, textScale);
        return new Dimension2D(
                loaded.windowWidth() > 200 ? loaded.windowWidth() : Math.min(DEFAULT_WIDTH * grow, screen.getWidth()),
                loaded.windowHeight() > 200 ? loaded.windowHeight()
                        : Math.min(DEFAULT_HEIGHT * grow, screen.getHeight()));
    }

    /** The text factor for a text-size choice: the desktop's for "System", else the chosen per cent. */
    static double textScale(int percent, double desktopScale) {
        return percent == Settings.FOLLOW_DESKTOP ? desktopScale : percent / 100.0;
    }
}
