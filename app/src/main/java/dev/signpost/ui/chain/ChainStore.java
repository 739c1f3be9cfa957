package dev.signpost.ui.chain;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.ui.task.BatchingReportListener;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What the diagram shows: hops by id in arrival order and the checks about them. Every change only marks the store
 * dirty and asks for one redraw; however many changes arrive before the UI thread gets to it (a list's
 * {@code setAll}, a burst of engine events, a finished report), they cost one layout. Used on the UI thread only,
 * except {@link #liveListener}, whose events may come from any thread.
 */
final class ChainStore {

    private final Map<String, Hop> hops = new LinkedHashMap<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Executor ui;
    private final Runnable redraw;
    private boolean dirty;
    private boolean scheduled;

    /**
     * @param ui     runs the redraw later on the UI thread ({@code Platform::runLater} in the app)
     * @param redraw draws the current content; called at most once per batch of changes
     */
    ChainStore(Executor ui, Runnable redraw) {
        this.ui = ui;
        this.redraw = redraw;
    }

    void put(Hop hop) {
        hops.put(hop.id(), hop);
        changed();
    }

    void putAll(Collection<Hop> newHops) {
        if (!newHops.isEmpty()) {
            newHops.forEach(h -> hops.put(h.id(), h));
            changed();
        }
    }

    void putCheck(Check check) {
        checks.put(check.id(), check);
        changed();
    }

    void putChecks(Collection<Check> newChecks) {
        if (!newChecks.isEmpty()) {
            newChecks.forEach(c -> checks.put(c.id(), c));
            changed();
        }
    }

    /** Replaces everything with a finished report's hops and checks. */
    void replace(Report report) {
        hops.clear();
        checks.clear();
        report.hops().forEach(h -> hops.put(h.id(), h));
        report.checks().forEach(c -> checks.put(c.id(), c));
        changed();
    }

    void clear() {
        hops.clear();
        checks.clear();
        changed();
    }

    List<Hop> hops() {
        return List.copyOf(hops.values());
    }

    List<Check> checks() {
        return List.copyOf(checks.values());
    }

    Hop hop(String id) {
        return hops.get(id);
    }

    /** The checks that name a hop. */
    List<Check> checksFor(String hopId) {
        return checks.values().stream().filter(c -> c.hopIds().contains(hopId)).toList();
    }

    /** Asks for a redraw without a change of content (a new width, a fold opened). */
    void changed() {
        dirty = true;
        if (!scheduled) {
            scheduled = true;
            ui.execute(this::flush);
        }
    }

    /** Redraws now if anything changed since the last redraw; for callers that need the drawing at once. */
    void flush() {
        scheduled = false;
        if (dirty) {
            dirty = false;
            redraw.run();
        }
    }

    /**
     * A listener to give the engine: events from any thread are queued and applied on the UI thread, all that
     * arrived in one go with one redraw, in arrival order.
     */
    ReportListener liveListener() {
        return new BatchingReportListener(ui, batch -> {
            List<Hop> newHops = new ArrayList<>();
            List<Check> newChecks = new ArrayList<>();
            for (Object event : batch) {
                if (event instanceof Hop hop) {
                    newHops.add(hop);
                } else if (event instanceof Check check) {
                    newChecks.add(check);
                }
            }
            putAll(newHops);
            putChecks(newChecks);
        });
    }
}
