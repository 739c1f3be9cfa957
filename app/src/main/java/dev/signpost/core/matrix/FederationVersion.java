package dev.signpost.core.matrix;

/**
 * The answer of {@code GET /_matrix/federation/v1/version}.
 *
 * @param name    {@code server.name}, e.g. Synapse, or null
 * @param version {@code server.version}, or null
 * @param error   a sentence when the body is not a version answer, else null
 */
public record FederationVersion(String name, String version, String error) {
}
