package dev.signpost.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * JavaFX's scroll pane skin with its viewport drawn directly instead of from a cached bitmap. The stock skin caches
 * the viewport's pixels ({@code setCache(true)}) so that scrolling can blit them; every scroll pane then holds a
 * texture as large as its visible area for as long as it lives, hidden steps' panes and each text area's inner pane
 * included. With the software renderer (no GPU, a virtual display) those textures are Java heap: after a full flow
 * they were ~11 MB of the wizard's ~62 MB live heap. Signpost's pages scroll little and redraw cheaply, and a cached
 * viewport can blur text at fractional offsets, so nothing visible is lost. Installed for every scroll pane by the
 * base stylesheet ({@code -fx-skin} on {@code .scroll-pane}).
 */
public class UncachedScrollPaneSkin extends ScrollPaneSkin {

    /** Called by the CSS engine with the scroll pane the skin is for. */
    public UncachedScrollPaneSkin(ScrollPane control) {
        super(control);
        for (Node child : getChildren()) {
            if (child.getStyleClass().contains("viewport")) {
                child.setCache(false);
            }
        }
    }
}
