package dev.signpost.ui;

import javafx.scene.image.Image;

import java.net.URL;
import java.util.List;

/**
 * The application icon in every rendered size, for {@code stage.getIcons().setAll(AppIcons.load())}.
 * The window manager and task bar pick the size that fits, so giving all of them keeps the icon sharp everywhere.
 * The PNGs come from {@code icons/png} (rendered from the SVG masters by {@code icons/render.sh}); the build copies
 * them next to this class.
 */
public final class AppIcons {

    /** The pixel sizes rendered by {@code icons/render.sh}. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);

    private AppIcons() {
    }

    /** Loads every size, smallest first. Needs the JavaFX toolkit to be running. */
    public static List<Image> load() {
        return SIZES.stream().map(AppIcons::load).toList();
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
