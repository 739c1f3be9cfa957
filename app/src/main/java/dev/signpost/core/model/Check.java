package dev.signpost.core.model;

import java.util.List;

/**
 * One verdict a user reads: "the client well-known is served with CORS", with a plain-language fix when it is not.
 *
 * @param id       stable machine id, e.g. {@code federation.well-known}, {@code client.cors}
 * @param status   pass / warn / fail / skip (never running in a finished report); a check that was not reached is
 *                 skip with {@code blockedBy} set
 * @param summary  one line saying what was found
 * @param fix      what to do about it in plain words, or null when nothing needs doing
 * @param hopIds   the hops this verdict is about, so a view can highlight them
 * @param evidence raw facts behind the verdict
 * @param blockedBy the id of the failed check that kept this one from running ("not reached"), or null when it
 *                  ran; a not-reached check carries no fix of its own: the root cause's fix is the one to follow
 * @param implementations how the spec, Element Web, Element X and Synapse each reach this outcome, present only
 *                  where they disagree (empty otherwise)
 */
public record Check(
        String id,
        Status status,
        String summary,
        String fix,
        List<String> hopIds,
        List<Evidence> evidence,
        String blockedBy,
        List<ImplementationVerdict> implementations) {

    public Check {
        hopIds = List.copyOf(hopIds);
        evidence = List.copyOf(evidence);
        implementations = implementations == null ? List.of() : List.copyOf(implementations);
    }

    /** A check on which all implementations agree. */
    public Check(String id, Status status, String summary, String fix, List<String> hopIds, List<Evidence> evidence,
                 String blockedBy) {
        this(id, status, summary, fix, hopIds, evidence, blockedBy, List.of());
    }

    /** A check that ran (not blocked by another). */
    public Check(String id, Status status, String summary, String fix, List<String> hopIds, List<Evidence> evidence) {
        this(id, status, summary, fix, hopIds, evidence, null);
    }

    /** A check that could not run because {@code rootCause} failed first: skip, without a fix of its own. */
    public static Check notReached(String id, String summary, List<String> hopIds, String rootCause) {
        return new Check(id, Status.SKIP, summary, null, hopIds, List.of(), rootCause);
    }

    /** True when an earlier failure kept this check from running. */
    public boolean isNotReached() {
        return blockedBy != null;
    }

    /** The same verdict, now known to be not reached because of {@code rootCause}. */
    public Check notReachedBecause(String rootCause, String newSummary) {
        return new Check(id, Status.SKIP, newSummary, null, hopIds, evidence, rootCause);
    }

    /** The outcome with one implementation: its own verdict where it differs, otherwise this check's status. */
    public Status statusFor(String implementationId) {
        return implementations.stream().filter(v -> v.id().equals(implementationId)).map(ImplementationVerdict::status)
                .findFirst().orElse(status);
    }
}
