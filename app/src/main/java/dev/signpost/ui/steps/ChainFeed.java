package dev.signpost.ui.steps;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.ui.chain.ChainDiagram;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a {@link ChainDiagram} in step with a {@link CheckRunner}: live hops and checks, then the final report. Each
 * list change is handed over whole; the diagram lays out once for everything that changed in one go.
 */
final class ChainFeed {

    private ChainFeed() {
    }

    static void follow(ChainDiagram diagram, CheckRunner runner, ObservableBooleanValue dark) {
        diagram.setDark(dark.get());
        dark.addListener((obs, old, now) -> diagram.setDark(now));
        runner.hops().addListener((ListChangeListener<Hop>) change -> {
            if (runner.hops().isEmpty()) {
                diagram.clear();
                return;
            }
            List<Hop> added = new ArrayList<>();
            while (change.next()) {
                added.addAll(change.getAddedSubList());
            }
            diagram.updateAll(added);
        });
        runner.checks().addListener((ListChangeListener<Check>) change -> {
            List<Check> added = new ArrayList<>();
            while (change.next()) {
                added.addAll(change.getAddedSubList());
            }
            diagram.updateChecks(added);
        });
        runner.reportProperty().addListener((obs, old, report) -> {
            if (report != null) {
                diagram.setReport(report);
            }
        });
        diagram.updateAll(runner.hops());
        diagram.updateChecks(runner.checks());
    }
}
