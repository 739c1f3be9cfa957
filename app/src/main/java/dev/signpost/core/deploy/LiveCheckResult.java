package dev.signpost.core.deploy;

import dev.signpost.core.model.Report;

import java.util.List;

/**
 * What the live check after an upload found, compared with the plan.
 *
 * @param report      the full check report (null when the check could not run)
 * @param differences sentences for each way the live server differs from the plan; empty when it matches
 * @param message     why the check could not run, or null
 */
public record LiveCheckResult(Report report, List<String> differences, String message) {

    public LiveCheckResult {
        differences = List.copyOf(differences);
    }

    /** Whether the server now serves what the plan asked for. */
    public boolean matches() {
        return report != null && differences.isEmpty();
    }
}
