package dev.signpost.ui.steps;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.ui.chain.ChainDiagram;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;

/** Keeps a {@link ChainDiagram} in step with a {@link CheckRunner}: live hops and checks, then the final report. */
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
            while (change.next()) {
                change.getAddedSubList().forEach(diagram::update);
            }
        });
        runner.checks().addListener((ListChangeListener<Check>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(diagram::updateCheck);
            }
        });
        runner.reportProperty().addListener((obs, old, report) -> {
            if (report != null) {
                diagram.setReport(report);
            }
        });
        runner.hops().forEach(diagram::update);
        runner.checks().forEach(diagram::updateCheck);
    }
}
