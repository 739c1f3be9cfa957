package dev.signpost.core.discovery;

import dev.signpost.core.generate.WellKnownSnippets;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.plan.WebServerKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Fixes for the well-known files that point at what Signpost already generates: the web server is recognised by
 * its {@code Server} header, and the advice names the snippet {@code signpost generate} writes for it, which sends
 * CORS and {@code application/json} for every well-known file.
 */
final class WebServerAdvice {

    /** What web servers send for a file without extension when nothing else is configured. */
    private static final Set<String> DEFAULT_TYPES = Set.of("", "application/octet-stream", "text/plain");

    private final RunContext ctx;
    private final ServerName name;

    WebServerAdvice(RunContext ctx, ServerName name) {
        this.ctx = ctx;
        this.name = name;
    }

    /** The web server that answered, when its {@code Server} header says so. */
    static Optional<WebServerKind> recognise(HttpResponse response) {
        String server = response.header("Server").orElse("").toLowerCase(Locale.ROOT);
        if (server.startsWith("nginx") || server.startsWith("openresty")) {
            return Optional.of(WebServerKind.NGINX);
        }
        if (server.startsWith("apache")) {
            return Optional.of(WebServerKind.APACHE);
        }
        if (server.startsWith("caddy")) {
            return Optional.of(WebServerKind.CADDY);
        }
        if (server.startsWith("haproxy")) {
            return Optional.of(WebServerKind.HAPROXY);
        }
        return Optional.empty();
    }

    /** True when the Content-Type is what a web server sends for an extensionless file by default. */
    static boolean isDefaultType(String mediaType) {
        return DEFAULT_TYPES.contains(mediaType);
    }

    /** The fix for a missing CORS header: install the generated snippet. */
    String corsFix(HttpResponse response) {
        return recognise(response).flatMap(kind -> WellKnownSnippets.fileNameFor(kind).map(file ->
                        ctx.t("fix.cors.snippet", file, name.original(), WellKnownSnippets.optionValue(kind),
                                displayName(kind))))
                .orElseGet(() -> ctx.t("fix.cors.anySnippet", name.original(), everySnippet()));
    }

    /** The fix for a file served with the web server's default type, or null when the type is another one. */
    String defaultTypeFix(HttpResponse response) {
        String type = response.mediaType();
        if (!isDefaultType(type)) {
            return null;
        }
        String shown = type.isEmpty() ? ctx.t("contentType.none") : type;
        return recognise(response).flatMap(kind -> WellKnownSnippets.fileNameFor(kind).map(file ->
                        ctx.t("fix.contentType.snippet", displayName(kind), shown, file, name.original(),
                                WellKnownSnippets.optionValue(kind))))
                .orElseGet(() -> ctx.t("fix.contentType.anySnippet", shown, name.original(), everySnippet()));
    }

    private String everySnippet() {
        List<String> parts = new ArrayList<>();
        for (WebServerKind kind : List.of(WebServerKind.NGINX, WebServerKind.APACHE, WebServerKind.CADDY,
                WebServerKind.HAPROXY)) {
            WellKnownSnippets.fileNameFor(kind).ifPresent(file -> parts.add(ctx.t("snippet.for", file,
                    displayName(kind))));
        }
        return String.join(", ", parts);
    }

    private static String displayName(WebServerKind kind) {
        return switch (kind) {
            case NGINX -> "nginx";
            case APACHE -> "Apache";
            case CADDY -> "Caddy";
            case HAPROXY -> "HAProxy";
            case STATIC, HOMESERVER -> kind.name().toLowerCase(Locale.ROOT);
        };
    }
}
