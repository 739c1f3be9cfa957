package dev.signpost.core.deploy;

/** What the user decided about a host key that known_hosts does not know. */
public enum HostKeyDecision {
    /** Do not connect. */
    REJECT,
    /** Trust it for this connection only. */
    ACCEPT_ONCE,
    /** Trust it and add it to known_hosts. */
    ACCEPT_AND_SAVE
}
