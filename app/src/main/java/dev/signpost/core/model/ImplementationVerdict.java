package dev.signpost.core.model;

import java.util.List;

/**
 * How one implementation reaches a check's outcome, where the implementations disagree: the spec says FAIL_ERROR,
 * Element Web logs in with a warning, Element X is unaffected.
 *
 * @param id      {@link #SPEC}, {@link #ELEMENT_WEB} (matrix-js-sdk in a browser), {@link #ELEMENT_X}
 *                (matrix-rust-sdk) or {@link #SYNAPSE}
 * @param status  the outcome with that implementation
 * @param summary one line saying what it does, e.g. "logs in with a warning about the identity server"
 */
public record ImplementationVerdict(String id, Status status, String summary) {

    public static final String SPEC = "spec";
    public static final String ELEMENT_WEB = "element-web";
    public static final String ELEMENT_X = "element-x";
    public static final String SYNAPSE = "synapse";

    /** The ids in the order they are shown. */
    public static final List<String> IDS = List.of(SPEC, ELEMENT_WEB, ELEMENT_X, SYNAPSE);
}
