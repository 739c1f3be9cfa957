package dev.signpost.ui.host;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.SceneGraph;
import dev.signpost.ui.widgets.Toasts;
import dev.signpost.ui.widgets.Ui;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one window's layout: header with the theme menu, step indicator on the left, the current page in the
 * middle, and the button bar (Cancel, Back, Next / Finish). Enter presses Next, Esc cancels running work.
 */
public final class WizardView extends BorderPane {

    /** Window width, in ems of the window's text, below which the step list is left out. */
    static final double COMPACT_BELOW_EM = 60;

    private final WizardNavigator navigator;
    private final ScrollPane scroll = new ScrollPane();
    private final Label title = new Label();
    private final FocusKeeper focus;

    /**
     * @param themeControl the header's theme menu
     * @param themeFocus   the control inside it that takes the focus, never given it by the wizard
     * @param onClose      asks to close the window (with the confirmation when needed)
     */
    public WizardView(WizardNavigator navigator, Texts texts, Node themeControl, Node themeFocus, Runnable onClose) {
        this.navigator = navigator;
        getStyleClass().add("wizard");

        Label appTitle = new Label(texts.get("app.title"));
        appTitle.getStyleClass().add("app-title");
        Ui.keepWhole(appTitle);
        // The controls take the rest of the row (right-aligned), so they only wrap when the row is really full.
        HBox.setHgrow(themeControl, Priority.ALWAYS);
        HBox header = new HBox(appTitle, themeControl);
        header.getStyleClass().add("header");
        setTop(header);

        StepIndicator steps = new StepIndicator(navigator);
        setLeft(steps);

        title.getStyleClass().add("step-title");
        title.setId("step-title");
        title.setWrapText(true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("step-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox center = new VBox(title, scroll);
        center.getStyleClass().add("content");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setCenter(new StackPane(center, Toasts.layer()));

        Label busyText = new Label(texts.get("wizard.busy"));
        busyText.getStyleClass().add("status-line");
        busyText.visibleProperty().bind(navigator.busyProperty());
        busyText.managedProperty().bind(busyText.visibleProperty());

        Button cancel = new Button(texts.get("wizard.button.cancel"));
        cancel.setId("cancel");
        cancel.cancelButtonProperty().bind(navigator.busyProperty());
        cancel.setOnAction(e -> {
            if (navigator.busyProperty().get()) {
                navigator.cancelCurrent();
            } else {
                onClose.run();
            }
        });
        Button back = new Button(texts.get("wizard.button.back"));
        back.setId("back");
        back.disableProperty().bind(navigator.canGoBackProperty().not());
        back.setOnAction(e -> navigator.back());
        Button next = new Button(texts.get("wizard.button.next"));
        next.setId("next");
        next.setDefaultButton(true);
        next.disableProperty().bind(navigator.canGoNextProperty().not());
        next.setOnAction(e -> navigator.next());
        var isLast = Bindings.createBooleanBinding(
                () -> navigator.indexProperty().get() == navigator.steps().size() - 1 && navigator.steps().size() > 1,
                navigator.indexProperty(), navigator.steps());
        next.visibleProperty().bind(isLast.not());
        next.managedProperty().bind(next.visibleProperty());
        Button finish = new Button(texts.get("wizard.button.finish"));
        finish.setId("finish");
        finish.visibleProperty().bind(isLast);
        finish.managedProperty().bind(finish.visibleProperty());
        finish.disableProperty().bind(navigator.busyProperty());
        finish.setOnAction(e -> onClose.run());

        Ui.keepWhole(cancel, back, next, finish, busyText);
        Region barSpace = new Region();
        HBox.setHgrow(barSpace, Priority.ALWAYS);
        HBox bar = new HBox(busyText, barSpace, cancel, back, next, finish);
        bar.getStyleClass().add("button-bar");
        bar.setAlignment(Pos.CENTER_RIGHT);
        setBottom(bar);
        addBusyIndicatorWhenFirstBusy(bar);

        // Large text in a small window: the step list gives its width to the page (the title names the step).
        // The window's title bar names the app, so its name in the header goes too.
        Runnable fit = () -> {
            boolean compact = getWidth() > 0 && getWidth() < COMPACT_BELOW_EM * cancel.getFont().getSize();
            setLeft(compact ? null : steps);
            appTitle.setVisible(!compact);
            appTitle.setManaged(!compact);
        };
        widthProperty().addListener((obs, old, now) -> fit.run());
        cancel.fontProperty().addListener((obs, old, now) -> fit.run());

        focus = new FocusKeeper(() -> navigator.current() == null ? null : navigator.current().view(), next,
                cancel, themeFocus);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                focus.watch(scene, navigator.busyProperty());
                // Only focus moved by Tab: a page that focuses or scrolls on its own (the chain to its broken
                // hop) is left where it put itself.
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                    if (e.getCode() == javafx.scene.input.KeyCode.TAB) {
                        tabbing = true;
                        Platform.runLater(() -> tabbing = false);
                    }
                });
                scene.focusOwnerProperty().addListener((o, was, now) -> {
                    if (tabbing) {
                        scrollIntoView(now);
                    }
                });
            }
        });
        navigator.currentProperty().addListener((obs, old, step) -> show(step));
        if (navigator.current() != null) {
            show(navigator.current());
        }
    }

    /**
     * The spinning indicator's skin is among the costliest of the window's first frame, and no work runs before the
     * user starts some: it is made the first time a step is busy.
     */
    private void addBusyIndicatorWhenFirstBusy(HBox bar) {
        Runnable add = () -> {
            ProgressIndicator busy = new ProgressIndicator();
            busy.getStyleClass().add("busy-indicator");
            busy.visibleProperty().bind(navigator.busyProperty());
            busy.managedProperty().bind(busy.visibleProperty());
            bar.getChildren().add(0, busy);
        };
        if (navigator.busyProperty().get()) {
            add.run();
            return;
        }
        navigator.busyProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    navigator.busyProperty().removeListener(this);
                    add.run();
                }
            }
        });
    }

    /** Gives the focus to the current page's first input or primary action, as when the page was shown. */
    public void focusPage() {
        focus.focusPage();
    }

    /** Whether the focus is moving because of Tab (for {@link #scrollIntoView}). */
    private boolean tabbing;

    /**
     * Keyboard users see what has the focus: a control Tab focuses below or above the visible part of a long page is
     * scrolled into view, no further than needed.
     */
    private void scrollIntoView(Node node) {
        Node content = scroll.getContent();
        if (node == null || content == null || !SceneGraph.isInside(node, content)) {
            return;
        }
        javafx.geometry.Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double extra = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (bounds == null || extra <= 0) {
            return;
        }
        double top = scroll.getVvalue() * extra;
        double viewport = scroll.getViewportBounds().getHeight();
        if (bounds.getMinY() < top) {
            scroll.setVvalue(Math.max(0, bounds.getMinY() / extra));
        } else if (bounds.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.min(1, (bounds.getMaxY() - viewport) / extra));
        }
    }

    private void show(Step step) {
        if (step == null) {
            return;
        }
        title.setText(step.title());
        Node view = step.view();
        scroll.setContent(view);
        scroll.setVvalue(0);
        if (focus != null) {
            // After layout, so the page is showing and its controls can take the focus.
            Platform.runLater(focus::focusPage);
        }
    }
}
