package dev.signpost.core.plan;

/** The homeserver software, whose config must agree with the delegation. */
public enum HomeserverKind {
    SYNAPSE,
    DENDRITE,
    /** Conduit and its forks conduwuit and continuwuity share the {@code [global.well_known]} section. */
    CONDUIT
}
