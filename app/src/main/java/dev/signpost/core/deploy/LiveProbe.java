package dev.signpost.core.deploy;

/** Checks the live server name as Matrix servers and clients would (a {@link LiveVerifier} bound to a plan). */
@FunctionalInterface
public interface LiveProbe {

    LiveCheckResult check(Cancellation cancellation);

    /**
     * How bad a live result is, for "worse than before": failed checks plus differences from the plan. A check
     * that could not run counts as unknown, never as worse.
     */
    static int problems(LiveCheckResult result) {
        if (result == null || result.report() == null) {
            return -1;
        }
        return result.report().counts().failed() + result.differences().size();
    }
}
