package dev.signpost.core.plan;

/** What serves HTTPS for the server name today, and so will serve the well-known files. */
public enum WebServerKind {
    NGINX,
    CADDY,
    APACHE,
    HAPROXY,
    /** Static hosting: a file tree (plus {@code .htaccess} for Apache-style hosts). */
    STATIC,
    /** The homeserver itself serves the well-known files (its own config does it). */
    HOMESERVER
}
