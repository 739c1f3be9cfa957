package dev.signpost.core.generate;

import dev.signpost.core.plan.WebServerKind;

import java.util.Optional;

/**
 * The file {@code signpost generate} writes for each web server to serve the well-known files with CORS and
 * {@code application/json}, so advice can name the very file the user already has.
 */
public final class WellKnownSnippets {

    private WellKnownSnippets() {
    }

    /** The snippet's path under the output directory (e.g. {@code nginx/signpost-wellknown.conf}), if any. */
    public static Optional<String> pathFor(WebServerKind kind) {
        return Optional.ofNullable(switch (kind) {
            case NGINX -> NginxGenerator.SNIPPET;
            case APACHE -> ApacheGenerator.SNIPPET;
            case CADDY -> CaddyGenerator.SNIPPET;
            case HAPROXY -> HaproxyGenerator.SNIPPET;
            case STATIC, HOMESERVER -> null;
        });
    }

    /** The snippet's file name alone (e.g. {@code signpost-wellknown.conf}), if any. */
    public static Optional<String> fileNameFor(WebServerKind kind) {
        return pathFor(kind).map(p -> p.substring(p.lastIndexOf('/') + 1));
    }

    /** The value of {@code --web-server} that selects this kind. */
    public static String optionValue(WebServerKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
