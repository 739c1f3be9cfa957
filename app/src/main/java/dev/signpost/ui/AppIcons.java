package dev.signpost.ui;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.List;

/**
 * The application icon in every size a window uses, for {@code stage.getIcons().setAll(AppIcons.load())}.
 * The window manager and task bar pick the size that fits, so giving all of them keeps the icon sharp everywhere.
 * The PNGs come from {@code icons/png} (rendered from the SVG masters by {@code icons/render.sh}); the build copies
 * them next to this class.
 */
public final class AppIcons {

    /** The pixel sizes rendered by {@code icons/render.sh}. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);

    /**
     * The sizes a window gets: title bars, task bars and window switchers use 256 px at most (docks and menus take
     * the larger ones from the installed icon theme). The 512 and 1024 px images alone would hold 5 MB of pixels
     * in the heap, and again in the toolkit's native window icon, for as long as the window is open.
     */
    public static final List<Integer> WINDOW_SIZES = SIZES.stream().filter(size -> size <= 256).toList();

    private AppIcons() {
    }

    /** Loads the {@link #WINDOW_SIZES}, smallest first. Needs the JavaFX toolkit to be running. */
    public static List<Image> load() {
        return WINDOW_SIZES.stream().map(AppIcons::load).toList();
    }

    private static Image load(int size) {
        String name = "icons/signpost-" + size + ".png";
        URL url = AppIcons.class.getResource(name);
        if (url == null) {
            // Only a broken build gets here: the PNGs are copied from icons/png by app/pom.xml.
            throw new IllegalStateException("Icon resource missing from the build: dev/signpost/ui/" + name);
        }
        return new Image(url.toExternalForm());
    }
}
