package dev.signpost.core.generate;

/**
 * One {@code /.well-known/matrix/*} file as web servers must serve it.
 *
 * @param name    {@code server}, {@code client} or {@code support}
 * @param body    the exact bytes to serve, as UTF-8 text: pretty JSON ending with a newline
 */
public record WellKnownDocument(String name, String body) {

    /** The URL path, e.g. {@code /.well-known/matrix/server}. */
    public String urlPath() {
        return "/.well-known/matrix/" + name;
    }

    /** The path relative to a web root, e.g. {@code .well-known/matrix/server}. */
    public String relativePath() {
        return ".well-known/matrix/" + name;
    }
}
