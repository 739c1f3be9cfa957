package dev.signpost.core.matrix;

import java.util.List;

/**
 * The answer of {@code GET /_matrix/client/versions}.
 *
 * @param versions the spec versions the homeserver supports, e.g. {@code v1.11} (empty on error)
 * @param error    a sentence when clients would reject the answer, else null
 */
public record ClientVersions(List<String> versions, String error) {

    public ClientVersions {
        versions = List.copyOf(versions);
    }
}
