package dev.signpost.ui.steps;

import dev.signpost.core.plan.DelegationPlan;

import java.util.List;

/** Where the files page gets its files: the core's generator in the app, fixed files in tests. */
@FunctionalInterface
public interface FileSource {

    /** The files for {@code plan}; throws with a user-readable message when they cannot be made. */
    List<PlannedFile> generate(DelegationPlan plan) throws Exception;
}
