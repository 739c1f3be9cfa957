package dev.signpost.core.model;

/** What one node of a resolution chain stands for. */
public enum HopKind {
    /** The server name being checked (root of the federation lane). */
    SERVER_NAME,
    /** {@code GET https://<name>/.well-known/matrix/server}. */
    SERVER_WELL_KNOWN,
    /** The {@code m.server} value the well-known delegated to. */
    DELEGATED_SERVER,
    /** One SRV lookup ({@code _matrix-fed._tcp} or {@code _matrix._tcp}) and its records. */
    SRV,
    /** The host whose addresses are used, and the port (after SRV or defaults). */
    TARGET_HOST,
    /** One A or AAAA address, a separate way in. */
    ADDRESS,
    /** TCP connect + TLS handshake + certificate validation against one address. */
    TLS,
    /** {@code GET /_matrix/federation/v1/version} on one address. */
    FEDERATION_VERSION,
    /** {@code GET /_matrix/key/v2/server} on one address. */
    SERVER_KEYS,
    /** Root of the client lane: the server name as a client sees it. */
    CLIENT_START,
    /** {@code GET https://<name>/.well-known/matrix/client}. */
    CLIENT_WELL_KNOWN,
    /** The {@code m.homeserver.base_url} value. */
    BASE_URL,
    /** {@code GET <base_url>/_matrix/client/versions}. */
    CLIENT_VERSIONS,
    /** {@code m.identity_server} and its {@code /_matrix/identity/v2} check. */
    IDENTITY_SERVER,
    /** {@code GET https://<name>/.well-known/matrix/support}. */
    SUPPORT,
    /** Root of the apps lane: the homeserver's base URL as the modern apps use it. */
    APPS_START,
    /** The {@code unstable_features} flags of {@code /_matrix/client/versions} the modern apps need. */
    FEATURE_FLAGS,
    /** {@code GET .../auth_metadata} (stable or unstable): how OAuth 2.0 sign-in is found. */
    AUTH_METADATA,
    /** The sign-in service's issuer named by the auth metadata. */
    AUTH_ISSUER,
    /** {@code GET .../org.matrix.msc4143/rtc/transports} or the well-known {@code rtc_foci}: where calls go. */
    RTC_TRANSPORTS,
    /** One LiveKit JWT service (Element Call's call service). */
    LIVEKIT_SERVICE,
    /** A client or federation media route probed without a token. */
    MEDIA_ROUTE
}
