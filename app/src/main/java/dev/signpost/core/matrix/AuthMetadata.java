package dev.signpost.core.matrix;

import java.util.List;

/**
 * OAuth 2.0 authorization server metadata as served at {@code /_matrix/client/v1/auth_metadata} (spec v1.15), judged
 * by what the spec requires and what matrix-rust-sdk enforces (every URL https).
 *
 * @param issuer       the {@code issuer} when it is a string, else null
 * @param problems     sentences naming every required field that is missing or wrong (empty: clients accept it)
 * @param insecureUrls sentences about URLs that are not https, a subset of the reasons clients refuse it
 */
public record AuthMetadata(String issuer, List<String> problems, List<String> insecureUrls) {

    public AuthMetadata {
        problems = List.copyOf(problems);
        insecureUrls = List.copyOf(insecureUrls);
    }

    public boolean valid() {
        return problems.isEmpty() && insecureUrls.isEmpty();
    }
}
