package dev.signpost.ui;

import dev.signpost.ui.settings.Settings.ThemeChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/**
 * Applies the light or dark stylesheet: the base layout sheet plus one palette. The user's choice is System, Light or
 * Dark; System follows the desktop's preference when it could be read, and light otherwise.
 */
public final class ThemeManager {

    static final String BASE = "signpost.css";
    static final String LIGHT = "light.css";
    static final String DARK = "dark.css";

    private final boolean systemPrefersDark;
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>();
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private Scene scene;

    /** @param initial the remembered choice; {@code systemPrefersDark} is used for {@link ThemeChoice#SYSTEM} */
    public ThemeManager(ThemeChoice initial, boolean systemPrefersDark) {
        this.systemPrefersDark = systemPrefersDark;
        choice.set(initial == null ? ThemeChoice.SYSTEM : initial);
        dark.set(isDark(choice.get()));
        choice.addListener((obs, old, now) -> dark.set(isDark(now)));
        dark.addListener((obs, old, now) -> {
            // Setting the palette directly (screenshots) is a choice of that palette.
            if (isDark(choice.get()) != now) {
                choice.set(now ? ThemeChoice.DARK : ThemeChoice.LIGHT);
            }
            apply();
        });
    }

    /** Styles {@code target} now and whenever the theme changes. */
    public void attach(Scene target) {
        this.scene = target;
        apply();
    }

    /** True while the dark palette is shown. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** System, Light or Dark, as chosen in the header; bound to the theme menu. */
    public ObjectProperty<ThemeChoice> choiceProperty() {
        return choice;
    }

    /** The choice to remember. */
    public ThemeChoice choice() {
        return choice.get();
    }

    private boolean isDark(ThemeChoice value) {
        return value == ThemeChoice.DARK || value == ThemeChoice.SYSTEM && systemPrefersDark;
    }

    private void apply() {
        if (scene == null) {
            return;
        }
        scene.getStylesheets().setAll(List.of(url(BASE), url(dark.get() ? DARK : LIGHT)));
    }

    private static String url(String name) {
        return Objects.requireNonNull(ThemeManager.class.getResource(name), name).toExternalForm();
    }
}
