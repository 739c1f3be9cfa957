package dev.signpost.core.model;

import java.util.List;

/**
 * One verdict a user reads: "the client well-known is served with CORS", with a plain-language fix when it is not.
 *
 * @param id       stable machine id, e.g. {@code federation.well-known}, {@code client.cors}
 * @param status   pass / warn / fail / skip (never running in a finished report)
 * @param summary  one line saying what was found
 * @param fix      what to do about it in plain words, or null when nothing needs doing
 * @param hopIds   the hops this verdict is about, so a view can highlight them
 * @param evidence raw facts behind the verdict
 */
public record Check(
        String id,
        Status status,
        String summary,
        String fix,
        List<String> hopIds,
        List<Evidence> evidence) {

    public Check {
        hopIds = List.copyOf(hopIds);
        evidence = List.copyOf(evidence);
    }
}
