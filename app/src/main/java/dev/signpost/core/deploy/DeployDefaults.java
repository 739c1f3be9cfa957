package dev.signpost.core.deploy;

import dev.signpost.core.plan.WebServerKind;

import java.util.List;
import java.util.Optional;

/**
 * Starting values the wizard and the command line offer for a web server kind: where its document root
 * usually is, and the commands that usually make it pick up changes. Only suggestions; the user confirms both.
 */
public final class DeployDefaults {

    private DeployDefaults() {
    }

    /**
     * The document root the distribution packages use (Debian and Ubuntu, also common elsewhere), or empty when
     * this kind does not serve the well-known files from disk (HAProxy answers them from its config, a homeserver
     * from its own).
     */
    public static Optional<String> webRoot(WebServerKind kind) {
        return switch (kind) {
            case NGINX, APACHE, STATIC -> Optional.of("/var/www/html");
            case CADDY -> Optional.of("/usr/share/caddy");
            case HAPROXY, HOMESERVER -> Optional.empty();
        };
    }

    /**
     * Commands that make the web server reload its configuration, most common first. Static files need no
     * reload, so serving them from disk needs none; these matter when the server's config changed too.
     */
    public static List<String> afterCommands(WebServerKind kind) {
        return switch (kind) {
            case NGINX -> List.of("sudo systemctl reload nginx", "sudo nginx -s reload");
            case APACHE -> List.of("sudo systemctl reload apache2", "sudo systemctl reload httpd");
            case CADDY -> List.of("sudo systemctl reload caddy");
            case HAPROXY -> List.of("sudo systemctl reload haproxy");
            case STATIC, HOMESERVER -> List.of();
        };
    }
}
