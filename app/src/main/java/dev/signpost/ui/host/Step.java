package dev.signpost.ui.host;

import javafx.scene.Node;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One page of the wizard: a title for the step indicator, a view model, and the view, built on first show and
 * then kept, so going back shows what was typed.
 */
public final class Step {

    private final String id;
    private final String title;
    private final StepModel model;
    private final Supplier<? extends Node> viewFactory;
    private Node view;

    public Step(String id, String title, StepModel model, Supplier<? extends Node> viewFactory) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.model = Objects.requireNonNull(model);
        this.viewFactory = Objects.requireNonNull(viewFactory);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public StepModel model() {
        return model;
    }

    /** The view, created on first use (on the UI thread). */
    public Node view() {
        if (view == null) {
            view = viewFactory.get();
        }
        return view;
    }

    @Override
    public String toString() {
        return id;
    }
}
