package dev.signpost.core.model;

/**
 * Receives results as they complete, so views can fill in live. Called from the engine's worker threads:
 * a UI must hand the events to its own thread. A hop event whose id was seen before replaces the earlier hop.
 */
public interface ReportListener {

    /** A listener that ignores every event. */
    ReportListener NONE = new ReportListener() {
    };

    /** A hop started (status {@link Status#RUNNING}) or finished. */
    default void onHop(Hop hop) {
    }

    /** A verdict is final. */
    default void onCheck(Check check) {
    }
}
