package dev.signpost.core.model;

/** The client-discovery outcome states named by the Matrix client-server spec ("Server Discovery"). */
public enum ClientState {
    /** 404 for the well-known: clients ignore it and ask the user for a homeserver URL. */
    IGNORE,
    /** The well-known is unusable: clients tell the user and ask for a homeserver URL. */
    FAIL_PROMPT,
    /** The well-known points somewhere broken: clients refuse to continue. */
    FAIL_ERROR,
    /** Clients will find the homeserver. */
    SUCCESS
}
