package dev.signpost.ui.host;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The step host's state, without controls: which steps make up the current path, which one is shown, and
 * whether Back / Next may be used. Next is allowed when the current step can advance and is not busy.
 */
public final class WizardNavigator {

    private final ObservableList<Step> steps = FXCollections.observableArrayList();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Step> current = new SimpleObjectProperty<>();
    private final BooleanProperty currentCanAdvance = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public WizardNavigator() {
        canGoNext = Bindings.createBooleanBinding(
                () -> currentCanAdvance.get() && !busy.get() && index.get() < steps.size() - 1,
                currentCanAdvance, busy, index, steps);
        canGoBack = Bindings.createBooleanBinding(() -> !busy.get() && index.get() > 0, busy, index);
    }

    /** Replaces the path (e.g. after the start page chose "check a domain") and keeps the current step if it is on it. */
    public void setSteps(List<Step> newSteps) {
        Step shown = current.get();
        steps.setAll(newSteps);
        int at = shown == null ? -1 : steps.indexOf(shown);
        if (at >= 0) {
            index.set(at);
        } else if (!steps.isEmpty()) {
            show(0);
        }
    }

    public ObservableList<Step> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index;
    }

    public ReadOnlyObjectProperty<Step> currentProperty() {
        return current;
    }

    public Step current() {
        return current.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public BooleanBinding canGoNextProperty() {
        return canGoNext;
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    /** Goes one step forward if allowed. */
    public boolean next() {
        if (!canGoNext.get()) {
            return false;
        }
        show(index.get() + 1);
        return true;
    }

    /** Goes one step back if allowed; the step left keeps its input. */
    public boolean back() {
        if (!canGoBack.get()) {
            return false;
        }
        show(index.get() - 1);
        return true;
    }

    /** Jumps to the step with this id if it is on the path (forward only through the step indicator's rules). */
    public boolean goTo(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                show(i);
                return true;
            }
        }
        return false;
    }

    /** True when the step indicator may jump to step {@code i}: a completed step behind the current one. */
    public boolean canJumpTo(int i) {
        return !busy.get() && i >= 0 && i < index.get();
    }

    /** Jumps back to a completed step. */
    public boolean jumpTo(int i) {
        if (!canJumpTo(i)) {
            return false;
        }
        show(i);
        return true;
    }

    /** Stops the current step's background work (Cancel / Esc). */
    public void cancelCurrent() {
        Step step = current.get();
        if (step != null) {
            step.model().cancel();
        }
    }

    private void show(int i) {
        Step previous = current.get();
        if (previous != null) {
            previous.model().leave();
        }
        currentCanAdvance.unbind();
        busy.unbind();
        Step step = steps.get(i);
        current.set(step);
        index.set(i);
        currentCanAdvance.bind(step.model().canAdvance());
        busy.bind(step.model().busy());
        step.model().enter();
    }
}
