package dev.signpost.ui.host;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WizardNavigatorTest {

    static final class FakeModel implements StepModel {
        final BooleanProperty valid = new SimpleBooleanProperty(true);
        final BooleanProperty busy = new SimpleBooleanProperty();
        final List<String> events = new ArrayList<>();
        final String name;

        FakeModel(String name) {
            this.name = name;
        }

        @Override
        public ObservableBooleanValue canAdvance() {
            return valid;
        }

        @Override
        public ObservableBooleanValue busy() {
            return busy;
        }

        @Override
        public void enter() {
            events.add("enter " + name);
        }

        @Override
        public void leave() {
            events.add("leave " + name);
        }

        @Override
        public void cancel() {
            events.add("cancel " + name);
            busy.set(false);
        }
    }

    private final FakeModel a = new FakeModel("a");
    private final FakeModel b = new FakeModel("b");
    private final FakeModel c = new FakeModel("c");
    private final WizardNavigator navigator = new WizardNavigator();

    WizardNavigatorTest() {
        navigator.setSteps(List.of(step(a), step(b), step(c)));
    }

    private static Step step(FakeModel model) {
        return new Step(model.name, model.name, model, Region::new);
    }

    @Test
    void nextFollowsCanAdvanceAndBusy() {
        assertThat(navigator.current().id()).isEqualTo("a");
        a.valid.set(false);
        assertThat(navigator.next()).isFalse();
        a.valid.set(true);
        a.busy.set(true);
        assertThat(navigator.canGoNextProperty().get()).isFalse();
        a.busy.set(false);
        assertThat(navigator.next()).isTrue();
        assertThat(navigator.current().id()).isEqualTo("b");
        assertThat(a.events).containsExactly("enter a", "leave a");
        assertThat(b.events).containsExactly("enter b");
    }

    @Test
    void lastStepHasNoNext() {
        navigator.next();
        navigator.next();
        assertThat(navigator.current().id()).isEqualTo("c");
        assertThat(navigator.canGoNextProperty().get()).isFalse();
    }

    @Test
    void jumpsOnlyBackToCompletedStepsAndNotWhileBusy() {
        navigator.next();
        navigator.next();
        assertThat(navigator.canJumpTo(2)).isFalse();
        c.busy.set(true);
        assertThat(navigator.jumpTo(0)).isFalse();
        assertThat(navigator.back()).isFalse();
        navigator.cancelCurrent();
        assertThat(c.events).contains("cancel c");
        assertThat(navigator.jumpTo(0)).isTrue();
        assertThat(navigator.current().id()).isEqualTo("a");
        assertThat(navigator.canJumpTo(1)).isFalse();
    }

    @Test
    void changingThePathKeepsTheCurrentStep() {
        navigator.next();
        navigator.setSteps(List.of(step(a), navigator.current()));
        assertThat(navigator.current().id()).isEqualTo("b");
        assertThat(navigator.indexProperty().get()).isEqualTo(1);
    }
}
