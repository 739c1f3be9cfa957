package dev.signpost.core.model;

import java.util.List;

/**
 * How many checks ended how: the one count every summary shows (the text, Markdown and HTML reports, the wizard's
 * status line and closing page, deploy's "worse than before").
 *
 * @param total      all checks
 * @param failed     checks that failed
 * @param warned     checks with a warning
 * @param passed     checks that passed
 * @param skipped    checks skipped on purpose (not counting those an earlier failure kept from running)
 * @param notReached checks an earlier failure kept from running
 */
public record CheckCounts(int total, int failed, int warned, int passed, int skipped, int notReached) {

    /** Counts {@code checks}. */
    public static CheckCounts of(List<Check> checks) {
        int failed = 0;
        int warned = 0;
        int passed = 0;
        int skipped = 0;
        int notReached = 0;
        for (Check check : checks) {
            switch (check.status()) {
                case FAIL -> failed++;
                case WARN -> warned++;
                case PASS -> passed++;
                case SKIP -> skipped++;
                case RUNNING -> {
                    // Not an ending; a finished report has none.
                }
            }
            if (check.isNotReached()) {
                notReached++;
            }
        }
        // Not-reached checks carry SKIP; they are counted once, as not reached.
        skipped -= notReached;
        return new CheckCounts(checks.size(), failed, warned, passed, skipped, notReached);
    }
}
