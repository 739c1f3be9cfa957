package dev.signpost.ui.host;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The list of steps on the left: the current one highlighted, completed ones marked and clickable to jump back,
 * the ones ahead muted.
 */
public final class StepIndicator extends VBox {

    private final WizardNavigator navigator;

    public StepIndicator(WizardNavigator navigator) {
        this.navigator = navigator;
        getStyleClass().add("step-indicator");
        navigator.steps().addListener((javafx.collections.ListChangeListener<Step>) change -> rebuild());
        navigator.indexProperty().addListener((obs, old, now) -> rebuild());
        navigator.busyProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        int current = navigator.indexProperty().get();
        for (int i = 0; i < navigator.steps().size(); i++) {
            Step step = navigator.steps().get(i);
            Label number = new Label(Integer.toString(i + 1));
            number.getStyleClass().add("step-number");
            Button item = new Button(step.title(), number);
            item.setMnemonicParsing(false);
            item.getStyleClass().setAll("step-item", i < current ? "step-done" : i == current ? "step-current" : "step-upcoming");
            item.setId("step-" + step.id());
            item.setMaxWidth(Double.MAX_VALUE);
            item.setFocusTraversable(navigator.canJumpTo(i));
            item.setDisable(!navigator.canJumpTo(i) && i != current);
            int target = i;
            item.setOnAction(e -> navigator.jumpTo(target));
            getChildren().add(item);
        }
    }
}
