package dev.signpost.ui;

import dev.signpost.ui.settings.Settings;
import javafx.stage.Stage;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

/**
 * The same promises as {@link ChainAtDefaultSizeUiTest} (broken hop, its fix and the banner on screen, no text under
 * 11 px) for a German user who chose 200 % text in the header: the longest sentences at the largest size. At
 * 1280×800, which at 200 % holds as much as a 640×400 window at normal size, about the wizard's minimum; 980×720
 * would be 490×360, smaller than the wizard lets its window get.
 */
class ChainAtLargeGermanTextUiTest extends ChainAtDefaultSizeUiTest {

    @Start
    void startLarge(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected Locale locale() {
        return Locale.GERMAN;
    }

    @Override
    protected Settings initialSettings() {
        return Settings.defaults().withTextPercent(200);
    }

    @Override
    protected double textScale() {
        return 2.0;
    }

    @Override
    protected int[][] sizes() {
        return new int[][] {{1280, 800}};
    }

    @Override
    protected String snapshotPrefix() {
        return "de-200-";
    }
}
