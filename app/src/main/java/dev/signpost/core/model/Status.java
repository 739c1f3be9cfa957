package dev.signpost.core.model;

import java.util.Comparator;

/**
 * Outcome of a check or of one hop of a resolution chain.
 *
 * <p>{@link #RUNNING} only appears in live events while a hop is still being worked on; a finished
 * {@link Report} never contains it.
 */
public enum Status {
    PASS,
    WARN,
    FAIL,
    SKIP,
    RUNNING;

    /** The lower-case name used in JSON and on the command line. */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The worse of two statuses, for summarising several results (FAIL &gt; WARN &gt; PASS &gt; SKIP). */
    public Status worst(Status other) {
        return severity() >= other.severity() ? this : other;
    }

    /** True when this status is worse than {@code other} in the one severity order (see {@link #worst}). */
    public boolean isWorseThan(Status other) {
        return severity() > other.severity();
    }

    /** Orders statuses worst first: the order problems are listed in. */
    public static final Comparator<Status> WORST_FIRST =
            Comparator.comparingInt(Status::severity).reversed();

    private int severity() {
        return switch (this) {
            case FAIL -> 4;
            case WARN -> 3;
            case RUNNING -> 2;
            case PASS -> 1;
            case SKIP -> 0;
        };
    }
}
