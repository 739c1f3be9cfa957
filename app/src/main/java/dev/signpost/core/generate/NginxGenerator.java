package dev.signpost.core.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * nginx: the well-known files answered by {@code return 200} (no files to copy), as a snippet to include in an
 * existing {@code server} block and as a complete site; optionally the federation reverse proxy.
 */
public final class NginxGenerator implements FileGenerator {

    static final String SNIPPET = "nginx/signpost-wellknown.conf";
    static final String FEDERATION = "nginx/signpost-federation.conf";
    static final String SITE = "nginx/signpost-site.conf";
    static final String ROUTES = "nginx/signpost-routes.conf";

    @Override
    public List<GeneratedFile> generate(GenerationContext c) {
        List<GeneratedFile> files = new ArrayList<>();
        String header = FileHeaders.wellKnown(c)
                + "# Include it inside the server { } block that serves https://" + c.siteHost() + ", e.g.\n"
                + "#     include /etc/nginx/snippets/signpost-wellknown.conf;\n"
                + "# then run nginx -t and reload nginx. nginx drops server-level add_header lines inside a\n"
                + "# location that has its own, so repeat e.g. Strict-Transport-Security here if you use it.\n";
        files.add(new GeneratedFile(SNIPPET, c.text("purpose.nginx.snippet", c.siteHost()),
                header + wellKnownLocations(c, "") + siteFallback(c, "")));
        if (c.federationProxy()) {
            files.add(new GeneratedFile(FEDERATION, c.federationMerged()
                    ? c.text("purpose.nginx.federationMerged", c.siteHost())
                    : c.text("purpose.nginx.federation", c.federationName(), c.federationPort()),
                    federationFile(c)));
        }
        if (c.routesSnippet()) {
            files.add(new GeneratedFile(ROUTES, c.text("purpose.nginx.routes", c.clientHost()), routes(c)));
        }
        files.add(new GeneratedFile(SITE, c.text("purpose.nginx.site", c.siteHost()), site(c)));
        return files;
    }

    private static String wellKnownLocations(GenerationContext c, String indent) {
        StringBuilder out = new StringBuilder();
        for (WellKnownDocument document : c.documents()) {
            out.append(indent).append("location = ").append(document.urlPath()).append(" {\n");
            // An empty types map makes default_type the only Content-Type nginx can pick.
            out.append(indent).append("    types { }\n");
            out.append(indent).append("    default_type application/json;\n");
            out.append(indent).append("    add_header ").append(Cors.ALLOW_ORIGIN).append(" \"")
                    .append(Cors.ORIGIN_VALUE).append("\" always;\n");
            out.append(indent).append("    add_header ").append(Cors.ALLOW_METHODS).append(" \"")
                    .append(Cors.METHODS_VALUE).append("\" always;\n");
            out.append(indent).append("    add_header ").append(Cors.ALLOW_HEADERS).append(" \"")
                    .append(Cors.HEADERS_VALUE).append("\" always;\n");
            out.append(indent).append("    return 200 ").append(ConfigText.nginxQuoted(document.body()))
                    .append(";\n");
            out.append(indent).append("}\n");
        }
        return out.toString();
    }

    /** On a server name that is no Matrix endpoint, {@code /_matrix/} answers JSON, never the site's page. */
    private static String siteFallback(GenerationContext c, String indent) {
        return c.matrixFallbackOnSite() ? unrecognized(indent, "/_matrix/") : "";
    }

    private static String unrecognized(String indent, String prefix) {
        return indent + "location " + prefix + " {\n"
                + indent + "    types { }\n"
                + indent + "    default_type application/json;\n"
                + indent + "    add_header " + Cors.ALLOW_ORIGIN + " \"" + Cors.ORIGIN_VALUE + "\" always;\n"
                + indent + "    return 404 " + ConfigText.nginxQuoted(GenerationContext.UNRECOGNIZED_JSON) + ";\n"
                + indent + "}\n";
    }

    /**
     * The sign-in service's compatibility paths, verified over https. A regex location wins over the
     * {@code /_matrix/} prefix, so these reach the sign-in service and everything else (media included) the
     * homeserver.
     */
    private static String signInLocation(GenerationContext c, String indent) {
        if (c.signIn() == null) {
            return "";
        }
        return indent + "location ~ " + GenerationContext.SIGN_IN_PATHS + " {\n"
                + indent + "    proxy_pass " + ConfigText.token(c.signInOrigin()) + ";\n"
                + indent + "    proxy_http_version 1.1;\n"
                + indent + "    proxy_set_header X-Forwarded-For $remote_addr;\n"
                + indent + "    proxy_set_header X-Forwarded-Proto $scheme;\n"
                + indent + "    proxy_ssl_server_name on;\n"
                + indent + "    proxy_ssl_verify on;\n"
                + indent + "    proxy_ssl_trusted_certificate " + ConfigText.token(c.trustedCaFile()) + ";\n"
                + indent + "}\n";
    }

    private static String proxyLocations(GenerationContext c, String indent) {
        StringBuilder out = new StringBuilder(signInLocation(c, indent));
        for (String prefix : c.proxiedPrefixes()) {
            out.append(indent).append("location ").append(ConfigText.token(prefix)).append(" {\n");
            // No URI after the upstream: nginx then passes the request path untouched (no decoding).
            out.append(indent).append("    proxy_pass ").append(ConfigText.token(c.upstreamOrigin())).append(";\n");
            out.append(indent).append("    proxy_http_version 1.1;\n");
            out.append(indent).append("    proxy_set_header Host $host;\n");
            out.append(indent).append("    proxy_set_header X-Forwarded-For $remote_addr;\n");
            out.append(indent).append("    proxy_set_header X-Forwarded-Proto $scheme;\n");
            out.append(indent).append("    client_max_body_size 50M;\n");
            out.append(indent).append("}\n");
        }
        return out.toString();
    }

    /** The client site's routes for calls and sign-in: a drop-in for the server block clients reach. */
    private static String routes(GenerationContext c) {
        return "# Generated by Signpost: the Matrix routes of https://" + c.clientHost() + " for calls and sign-in.\n"
                + "# Include it inside the server { } block that serves https://" + c.clientHost() + ", e.g.\n"
                + "#     include /etc/nginx/snippets/signpost-routes.conf;\n"
                + "# in place of your own location for /_matrix/, then run nginx -t and reload nginx.\n"
                + proxyLocations(c, "")
                // "/_matrix" alone would get the site's page: nginx redirects it to "/_matrix/" with HTML.
                + unrecognized("", "= /_matrix");
    }

    private static String federationFile(GenerationContext c) {
        if (c.federationMerged()) {
            return FileHeaders.proxy(c)
                    + "# Include it inside the server { } block of https://" + c.siteHost() + ":" + c.httpsPort()
                    + " (the same block as signpost-wellknown.conf).\n"
                    + proxyLocations(c, "");
        }
        return FileHeaders.proxy(c)
                + "# Put it in /etc/nginx/conf.d/ (or sites-enabled/), then run nginx -t and reload nginx.\n"
                + federationServer(c);
    }

    private static String federationServer(GenerationContext c) {
        String name = c.federationName();
        return "server {\n"
                + listenLines(c, c.federationListenPort())
                + "    server_name " + ConfigText.token(GenerationContext.hostName(name)) + ";\n"
                + certificateLines(c, name)
                + "\n"
                + proxyLocations(c, "    ")
                // This host serves only Matrix: whatever is not forwarded answers JSON, never nginx's page.
                // "/_matrix" alone needs its own: nginx would redirect it to the proxied "/_matrix/" with HTML.
                + unrecognized("    ", "= /_matrix")
                + unrecognized("    ", "/")
                + "}\n";
    }

    private static String site(GenerationContext c) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated by Signpost: a complete nginx site for https://").append(c.siteHost())
                .append(" that serves the Matrix well-known files");
        out.append(c.federationProxy() ? " and the federation proxy.\n" : ".\n");
        out.append("# For a fresh server: copy to /etc/nginx/sites-available/, link it from sites-enabled/,\n");
        out.append("# then run nginx -t and reload nginx. It replaces the snippets, do not include both.\n");
        out.append("server {\n");
        out.append(listenLines(c, c.httpsPort()));
        out.append("    server_name ").append(ConfigText.token(GenerationContext.hostName(c.siteHost()))).append(";\n");
        out.append(certificateLines(c, c.siteHost()));
        out.append('\n');
        out.append(wellKnownLocations(c, "    "));
        out.append(siteFallback(c, "    "));
        if (c.federationProxy() && c.federationMerged()) {
            out.append(proxyLocations(c, "    "));
        }
        out.append("}\n");
        if (c.federationProxy() && !c.federationMerged()) {
            out.append('\n').append(federationServer(c));
        }
        return out.toString();
    }

    private static String listenLines(GenerationContext c, int port) {
        if (c.options().listenAddress() != null) {
            return "    listen " + ConfigText.token(c.listen(port)) + " ssl;\n";
        }
        return "    listen " + port + " ssl;\n    listen [::]:" + port + " ssl;\n";
    }

    private static String certificateLines(GenerationContext c, String host) {
        return "    ssl_certificate " + ConfigText.token(c.certificateFile(host)) + ";\n"
                + "    ssl_certificate_key " + ConfigText.token(c.certificateKeyFile(host)) + ";\n";
    }
}
