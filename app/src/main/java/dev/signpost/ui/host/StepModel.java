package dev.signpost.ui.host;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the step host needs from a step's view model. Implementations hold no controls, so they are tested
 * without the toolkit.
 */
public interface StepModel {

    /** True when Next may be pressed: the step's input is valid (or its work is done). */
    ObservableBooleanValue canAdvance();

    /** True while the step runs background work; Next and Back wait, Cancel stops it. */
    default ObservableBooleanValue busy() {
        return Bindings.createBooleanBinding(() -> false);
    }

    /** Called when the step becomes the current one. */
    default void enter() {
    }

    /** Called when the user leaves the step (forwards or backwards); typed values are kept. */
    default void leave() {
    }

    /** Stops the step's running work, if any (Cancel / Esc). */
    default void cancel() {
    }
}
