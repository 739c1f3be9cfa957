package dev.signpost.ui.chain;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.layout.BorderPane;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * The hop whose details are open: the details pane on the right of the diagram, the selection mark on its box, and
 * the pane kept current while that hop changes during a check.
 */
final class ChainSelection {

    private final BorderPane diagram;
    private final ChainDetailsPane details;
    private final ChainShapes shapes;
    private final Function<String, List<Check>> checksFor;
    private final ReadOnlyObjectWrapper<Hop> selected = new ReadOnlyObjectWrapper<>();

    ChainSelection(BorderPane diagram, ChainDetailsPane details, ChainShapes shapes,
                   Function<String, List<Check>> checksFor) {
        this.diagram = diagram;
        this.details = details;
        this.shapes = shapes;
        this.checksFor = checksFor;
    }

    /** Shows {@code hop}'s details and marks its box. */
    void open(Hop hop) {
        details.show(hop, checksFor.apply(hop.id()));
        selected.set(hop);
        mark();
        if (diagram.getRight() != details) {
            diagram.setRight(details);
            // The pane narrows the view: lay out now so the selected box can be scrolled back into sight.
            diagram.applyCss();
            diagram.layout();
        }
    }

    /** Closes the details and returns the hop they were about, or null. */
    Hop close() {
        Hop was = selected.get();
        selected.set(null);
        details.clear();
        diagram.setRight(null);
        mark();
        return was;
    }

    /** Shows the newer version of the hop in the pane when it is among {@code changed}. */
    void refresh(Collection<Hop> changed) {
        Hop shown = details.hop();
        if (shown != null) {
            changed.stream().filter(h -> h.id().equals(shown.id()) && !h.equals(shown)).findFirst()
                    .ifPresent(h -> details.show(h, checksFor.apply(h.id())));
        }
    }

    /** Marks the selected hop's box, and only it, after a redraw or a change of selection. */
    void mark() {
        shapes.boxes((id, box) -> box.setSelected(selected.get() != null && selected.get().id().equals(id)));
    }

    ReadOnlyObjectProperty<Hop> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    ChainDetailsPane pane() {
        return details;
    }
}
