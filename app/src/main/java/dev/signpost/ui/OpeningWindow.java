package dev.signpost.ui;

import dev.signpost.ui.settings.Settings;
import javafx.geometry.Dimension2D;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

/**
 * The window as it first appears: the wizard's title, size and theme background, shown before the pages exist. A
 * desktop app's window appears at once and fills a moment later; building the start page's controls (their skins,
 * styles and layout) takes about as long again as the toolkit's own start, and the window would otherwise wait for
 * all of it. {@link Wizard#show(Stage, Runnable)} then puts the wizard into the same window.
 */
final class OpeningWindow {

    private OpeningWindow() {
    }

    /**
     * Shows {@code stage} with an empty page in the wizard's background colour; {@code whenPainted} runs on the UI
     * thread after that first frame is laid out, to build the wizard.
     */
    static void show(Stage stage, String title, Settings settings, boolean systemPrefersDark, double desktopTextScale,
                     Runnable whenPainted) {
        Region page = new Region();
        page.getStyleClass().add("wizard");
        Dimension2D size = FirstWindowSize.of(settings,
                FirstWindowSize.textScale(settings.textPercent(), desktopTextScale));
        Scene scene = new Scene(page, size.getWidth(), size.getHeight());
        new ThemeManager(settings.theme(), systemPrefersDark).attach(scene);
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                // After this pulse, so the empty page is drawn before the UI thread is busy building the real one.
                javafx.application.Platform.runLater(whenPainted);
            }
        });
        stage.setTitle(title);
        stage.setScene(scene);
        stage.show();
    }
}
