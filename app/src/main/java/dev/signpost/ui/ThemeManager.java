package dev.signpost.ui;

import dev.signpost.ui.settings.Settings.ThemeChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;

import java.util.List;
import java.util.Objects;

/**
 * Applies the light or dark stylesheet: the base layout sheet plus one palette. Follows the system's preference when
 * it could be read, until the user picks one with the toggle.
 */
public final class ThemeManager {

    static final String BASE = "signpost.css";
    static final String LIGHT = "light.css";
    static final String DARK = "dark.css";

    private final BooleanProperty dark = new SimpleBooleanProperty();
    private Scene scene;

    /** @param choice the remembered choice; {@code systemPrefersDark} is used for {@link ThemeChoice#SYSTEM} */
    public ThemeManager(ThemeChoice choice, boolean systemPrefersDark) {
        dark.set(choice == ThemeChoice.DARK || choice == ThemeChoice.SYSTEM && systemPrefersDark);
        dark.addListener((obs, old, now) -> apply());
    }

    /** Styles {@code target} now and whenever the theme changes. */
    public void attach(Scene target) {
        this.scene = target;
        apply();
    }

    /** True for the dark palette; bound to the toggle. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** The choice to remember for the current state. */
    public ThemeChoice choice() {
        return dark.get() ? ThemeChoice.DARK : ThemeChoice.LIGHT;
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
