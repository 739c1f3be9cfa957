package dev.signpost.core.model;

/**
 * What {@code /.well-known/matrix/server} gave.
 *
 * @param url        the first URL requested
 * @param httpStatus the final status code, or null when no HTTP response arrived
 * @param mServer    the {@code m.server} value as served (even when invalid), or null
 * @param error      why the well-known was not used, or null when it was
 */
public record WellKnownResult(String url, Integer httpStatus, String mServer, String error) {
}
