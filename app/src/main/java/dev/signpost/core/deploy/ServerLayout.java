package dev.signpost.core.deploy;

import dev.signpost.core.plan.WebServerKind;

import java.util.List;
import java.util.Locale;

/**
 * Where a web server keeps its configuration on a server, and how it is tested and reloaded: the defaults of the
 * Debian/Ubuntu and Fedora/RHEL packages, each of which the user may override.
 *
 * @param kind          the web server
 * @param configPath    the file that serves the server name (a site file, the Caddyfile, haproxy.cfg), or null
 *                      to search {@code searchPaths} for the block that names it
 * @param searchPaths   files or directories searched when {@code configPath} is null
 * @param snippetPath   where the generated snippet goes, or null when the kind has none to place (HAProxy takes
 *                      the lines into its config, static hosting has no config)
 * @param testCommand   the server's own configuration test, or null when there is none
 * @param reloadCommand the command that makes the server load the new configuration, or null
 */
public record ServerLayout(WebServerKind kind, String configPath, List<String> searchPaths, String snippetPath,
                           String testCommand, String reloadCommand) {

    /** The snippet's file name (nginx, Apache); Caddy's ends in {@code .caddy}. */
    static final String SNIPPET = "signpost-wellknown.conf";

    public ServerLayout {
        searchPaths = List.copyOf(searchPaths);
    }

    /** The package layouts Signpost knows. */
    public enum Distribution {
        DEBIAN, FEDORA;

        /** From {@code /etc/os-release}: Fedora, RHEL, CentOS, Rocky, Alma are FEDORA; everything else DEBIAN. */
        public static Distribution fromOsRelease(String osRelease) {
            for (String line : osRelease.split("\n")) {
                String l = line.strip().toLowerCase(Locale.ROOT);
                if ((l.startsWith("id=") || l.startsWith("id_like="))
                        && l.matches(".*\\b(fedora|rhel|centos|rocky|almalinux)\\b.*")) {
                    return FEDORA;
                }
            }
            return DEBIAN;
        }
    }

    /** The package defaults for {@code kind} on {@code distribution}. */
    public static ServerLayout defaults(WebServerKind kind, Distribution distribution) {
        boolean debian = distribution == Distribution.DEBIAN;
        return switch (kind) {
            case NGINX -> new ServerLayout(kind, null,
                    debian ? List.of("/etc/nginx/sites-enabled", "/etc/nginx/conf.d")
                            : List.of("/etc/nginx/conf.d", "/etc/nginx/nginx.conf"),
                    "/etc/nginx/snippets/" + SNIPPET, "nginx -t", "systemctl reload nginx");
            case APACHE -> debian
                    ? new ServerLayout(kind, null, List.of("/etc/apache2/sites-enabled"),
                    "/etc/apache2/snippets/" + SNIPPET, "apachectl configtest", "systemctl reload apache2")
                    : new ServerLayout(kind, null, List.of("/etc/httpd/conf.d", "/etc/httpd/conf/httpd.conf"),
                    "/etc/httpd/snippets/" + SNIPPET, "apachectl configtest", "systemctl reload httpd");
            case CADDY -> new ServerLayout(kind, "/etc/caddy/Caddyfile", List.of(),
                    "/etc/caddy/signpost-wellknown.caddy",
                    "caddy validate --config /etc/caddy/Caddyfile --adapter caddyfile", "systemctl reload caddy");
            case HAPROXY -> new ServerLayout(kind, "/etc/haproxy/haproxy.cfg", List.of(), null,
                    "haproxy -c -f /etc/haproxy/haproxy.cfg", "systemctl reload haproxy");
            case STATIC, HOMESERVER -> new ServerLayout(kind, null, List.of(), null, null, null);
        };
    }

    /**
     * These defaults with the user's overrides (null keeps the default). A given config path also moves the
     * snippet: beside it for Caddy, else into a {@code snippets} directory next to the site's directory (as
     * {@code /etc/nginx/snippets} is to {@code /etc/nginx/sites-enabled}), and the commands that name the
     * default config file follow it.
     */
    public ServerLayout with(String config, String test, String reload) {
        String path = blank(config) ? configPath : config.strip();
        String snippet = snippetPath;
        String testCmd = testCommand;
        if (!blank(config) && snippetPath != null) {
            String name = RemoteFiles.name(snippetPath);
            String dir = RemoteFiles.parent(path);
            snippet = kind == WebServerKind.CADDY ? dir + "/" + name : RemoteFiles.parent(dir) + "/snippets/" + name;
        }
        if (!blank(config) && testCmd != null && configPath != null) {
            testCmd = testCmd.replace(configPath, path);
        }
        return new ServerLayout(kind, path, blank(config) ? searchPaths : List.of(), snippet,
                blank(test) ? testCmd : test.strip(), blank(reload) ? reloadCommand : reload.strip());
    }

    /** The commands that will run, in order. */
    public List<String> commands() {
        return java.util.stream.Stream.of(testCommand, reloadCommand).filter(c -> c != null).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
