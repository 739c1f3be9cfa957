package dev.signpost.core.model;

/**
 * How a Matrix client fares with {@code /.well-known/matrix/client}.
 *
 * @param state             the spec's outcome
 * @param url               the well-known URL requested
 * @param httpStatus        its final status, or null when no response arrived
 * @param baseUrl           {@code m.homeserver.base_url} as served, or null
 * @param identityServerUrl {@code m.identity_server.base_url} as served, or null
 */
public record ClientResult(ClientState state, String url, Integer httpStatus, String baseUrl, String identityServerUrl) {
}
