package dev.signpost.ui;

import dev.signpost.ui.settings.Settings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Parent;

import java.util.List;
import java.util.Locale;

/**
 * The window's text size: the desktop's text scaling, or a size the user picks in the header. Every size in the
 * stylesheets is in em of the root font, so one root font size scales the whole window; the chain diagram follows it
 * with its zoom.
 */
public final class TextSize {

    /** The root font size at 100 %, as in {@code signpost.css}. */
    public static final double NORMAL_PX = 13;

    /** The sizes offered in the header, after "System" ({@link Settings#FOLLOW_DESKTOP}). */
    static final List<Integer> CHOICES = List.of(Settings.FOLLOW_DESKTOP, 100, 125, 150, 175, 200);

    private final double desktopScale;
    private final IntegerProperty percent = new SimpleIntegerProperty();
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper();

    /** @param initial the remembered choice; {@code desktopScale} applies to {@link Settings#FOLLOW_DESKTOP} */
    public TextSize(int initial, double desktopScale) {
        this.desktopScale = desktopScale;
        percent.set(initial);
        scale.bind(Bindings.createDoubleBinding(() -> scaleFor(percent.get()), percent));
    }

    /** The chosen size in per cent, or {@link Settings#FOLLOW_DESKTOP}. */
    public IntegerProperty percentProperty() {
        return percent;
    }

    /** The factor in force (1 = normal). */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    /**
     * Sets the font of {@code content}, the window's own top node, now and whenever the size changes. Not the
     * scene's root: ControlsFX wraps that in its decoration pane the first time it marks a field invalid, and a
     * size then set on the wrapper lost to the one left on {@code content}.
     */
    public void attach(Parent content) {
        Runnable apply = () -> content.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;",
                NORMAL_PX * scale.get()));
        scale.addListener((obs, old, now) -> apply.run());
        apply.run();
    }

    private double scaleFor(int chosen) {
        return FirstWindowSize.textScale(chosen, desktopScale);
    }
}
