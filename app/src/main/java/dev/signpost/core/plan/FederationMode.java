package dev.signpost.core.plan;

/** How other servers are told where the homeserver is. */
public enum FederationMode {
    /** {@code /.well-known/matrix/server} names the federation host and port (recommended). */
    WELL_KNOWN,
    /** A {@code _matrix-fed._tcp} SRV record names them (the exception; needs DNS access). */
    SRV,
    /** No delegation: the homeserver answers federation itself on port 8448 of the server name. */
    DIRECT
}
