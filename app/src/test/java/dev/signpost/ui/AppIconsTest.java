package dev.signpost.ui;

import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AppIconsTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void everyWindowSizeLoadsAsASquareImageOfThatSizeUpTo256Pixels() {
        List<Image> icons = AppIcons.load();

        assertThat(icons).hasSameSizeAs(AppIcons.WINDOW_SIZES);
        assertThat(AppIcons.WINDOW_SIZES).contains(16, 32, 48, 256).allMatch(size -> size <= 256);
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            int size = AppIcons.WINDOW_SIZES.get(i);
            assertThat(icon.isError()).as("icon %d px failed to load: %s", size, icon.getException()).isFalse();
            assertThat(icon.getWidth()).as("width of the %d px icon", size).isEqualTo(size);
            assertThat(icon.getHeight()).as("height of the %d px icon", size).isEqualTo(size);
        }
    }

    @Test
    void iconsAreNotBlank() {
        // The centre of the tile is opaque in every size; a blank or fully transparent render would fail here.
        for (Image icon : AppIcons.load()) {
            int centre = (int) icon.getWidth() / 2;
            assertThat(icon.getPixelReader().getColor(centre, centre).getOpacity())
                    .as("opacity at the centre of the %d px icon", (int) icon.getWidth())
                    .isEqualTo(1.0);
        }
    }
}
