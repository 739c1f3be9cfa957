package dev.signpost.core.matrix;

import dev.signpost.core.model.ClientState;

import java.net.URI;
import java.util.List;

/**
 * What {@code /.well-known/matrix/client} says, judged by the spec's client discovery rules that need no network.
 *
 * @param state                {@link ClientState#SUCCESS} means "valid so far": the engine must still check
 *                             {@code base_url + /_matrix/client/versions} (and the identity server) to confirm it;
 *                             the other states are final
 * @param rawBaseUrl           {@code m.homeserver.base_url} as served when it was a string, else null
 * @param baseUrl              the homeserver URL without trailing {@code /}, or null when it is unusable
 * @param rawIdentityServerUrl {@code m.identity_server.base_url} as served when it was a string, else null
 * @param identityServerUrl    the identity server URL without trailing {@code /}, or null when absent/unusable
 * @param problems             sentences explaining why the state is not SUCCESS (empty on SUCCESS)
 * @param warnings             sentences about things that work but should be fixed
 */
public record ClientWellKnown(
        ClientState state,
        String rawBaseUrl,
        URI baseUrl,
        String rawIdentityServerUrl,
        URI identityServerUrl,
        List<String> problems,
        List<String> warnings) {

    public ClientWellKnown {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }
}
