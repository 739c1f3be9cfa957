package dev.signpost.core.model;

/** The homeserver software as reported by {@code /_matrix/federation/v1/version}. */
public record ServerVersion(String name, String version) {
}
