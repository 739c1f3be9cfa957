package dev.signpost.core.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Apache httpd 2.4: the well-known files served from disk through {@code Alias} with {@code ForceType} and CORS
 * headers, so the response carries the file's bytes (a rewrite to status 200 would answer with an empty body).
 * A snippet for an existing {@code VirtualHost} and a complete site; optionally the federation reverse proxy.
 */
public final class ApacheGenerator implements FileGenerator {

    static final String SNIPPET = "apache/signpost-wellknown.conf";
    static final String FEDERATION = "apache/signpost-federation.conf";
    static final String SITE = "apache/signpost-site.conf";

    @Override
    public List<GeneratedFile> generate(GenerationContext c) {
        List<GeneratedFile> files = new ArrayList<>();
        String root = c.options().webRoot();
        String header = FileHeaders.wellKnown(c)
                + "# Include it inside the <VirtualHost *:443> of " + c.siteHost() + ", before any ProxyPass line,\n"
                + "# and copy the generated .well-known directory to " + root + "/.well-known.\n"
                + "# Needs mod_alias and mod_headers"
                + " (a2enmod headers), then apache2ctl configtest and reload Apache.\n";
        files.add(new GeneratedFile(SNIPPET, c.text("purpose.apache.snippet", c.siteHost(), root),
                header + wellKnownBlock(c, "") + siteFallback(c, "")));
        if (c.federationProxy()) {
            String content = c.federationMerged()
                    ? FileHeaders.proxy(c) + "# Include it inside the <VirtualHost> of " + c.siteHost()
                    + ". Needs mod_proxy and mod_proxy_http (a2enmod proxy_http).\n"
                    + proxyLines(c, "")
                    : FileHeaders.proxy(c) + "# Put it in /etc/apache2/sites-available/, a2ensite it; needs mod_ssl, mod_proxy,\n"
                    + "# mod_proxy_http and mod_headers. Then apache2ctl configtest and reload Apache.\n"
                    + federationHost(c);
            files.add(new GeneratedFile(FEDERATION, c.federationMerged()
                    ? c.text("purpose.apache.federationMerged", c.siteHost())
                    : c.text("purpose.apache.federation", c.federationName(), c.federationPort()), content));
        }
        files.add(new GeneratedFile(SITE, c.text("purpose.apache.site", c.siteHost(), root), site(c)));
        return files;
    }

    private static String wellKnownBlock(GenerationContext c, String indent) {
        String dir = ConfigText.token(c.options().webRoot() + "/.well-known/matrix");
        // A site that proxies everything to an application would otherwise never reach the Alias.
        return indent + "<IfModule mod_proxy.c>\n"
                + indent + "    ProxyPass /.well-known/matrix/ !\n"
                + indent + "</IfModule>\n"
                + indent + "Alias /.well-known/matrix/ \"" + dir + "/\"\n"
                + indent + "<Directory \"" + dir + "\">\n"
                + indent + "    Require all granted\n"
                + indent + "    Options None\n"
                + indent + "    AllowOverride None\n"
                + indent + "    ForceType application/json\n"
                + indent + "    Header always set " + Cors.ALLOW_ORIGIN + " \"" + Cors.ORIGIN_VALUE + "\"\n"
                + indent + "    Header always set " + Cors.ALLOW_METHODS + " \"" + Cors.METHODS_VALUE + "\"\n"
                + indent + "    Header always set " + Cors.ALLOW_HEADERS + " \"" + Cors.HEADERS_VALUE + "\"\n"
                + indent + "</Directory>\n";
    }

    /** On a server name that is no Matrix endpoint, {@code /_matrix/} answers JSON, never the site's page. */
    private static String siteFallback(GenerationContext c, String indent) {
        if (!c.matrixFallbackOnSite()) {
            return "";
        }
        return indent + "<IfModule mod_proxy.c>\n"
                + indent + "    ProxyPass /_matrix/ !\n"
                + indent + "</IfModule>\n"
                + indent + "RedirectMatch 404 ^/_matrix/\n"
                + unrecognized(indent, "^/_matrix/");
    }

    /** Apache's own 404 for paths matching {@code regex} as Matrix JSON with CORS, instead of its HTML page. */
    private static String unrecognized(String indent, String regex) {
        String json = GenerationContext.UNRECOGNIZED_JSON.replace("\"", "\\\"");
        return indent + "<LocationMatch \"" + regex + "\">\n"
                + indent + "    ErrorDocument 404 \"" + json + "\"\n"
                + indent + "    Header always set Content-Type \"application/json\"\n"
                + indent + "    Header always set " + Cors.ALLOW_ORIGIN + " \"" + Cors.ORIGIN_VALUE + "\"\n"
                + indent + "</LocationMatch>\n";
    }

    /**
     * The sign-in service's compatibility paths, verified over https. Listed before the {@code /_matrix/} line
     * (the first matching proxy rule wins); the Host header is the sign-in service's own, as its certificate is.
     */
    private static String signInLines(GenerationContext c, String indent) {
        if (c.signIn() == null) {
            return "";
        }
        return indent + "SSLProxyEngine on\n"
                + indent + "SSLProxyVerify require\n"
                // The default depth of 1 refuses every certificate issued by an intermediate (Let's Encrypt's too).
                + indent + "SSLProxyVerifyDepth 10\n"
                + indent + "SSLProxyCheckPeerName on\n"
                + indent + "SSLProxyCACertificateFile " + ConfigText.token(c.trustedCaFile()) + "\n"
                + indent + "<LocationMatch \"" + GenerationContext.SIGN_IN_PATHS + "\">\n"
                + indent + "    ProxyPreserveHost Off\n"
                + indent + "    ProxyPass " + ConfigText.token(c.signInOrigin()) + "\n"
                + indent + "</LocationMatch>\n";
    }

    private static String proxyLines(GenerationContext c, String indent) {
        StringBuilder out = new StringBuilder();
        // NoDecode and nocanon keep encoded slashes in Matrix IDs and room aliases as the homeserver expects.
        out.append(indent).append("AllowEncodedSlashes NoDecode\n");
        out.append(indent).append("ProxyPreserveHost On\n");
        out.append(indent).append("ProxyRequests Off\n");
        out.append(indent).append("RequestHeader set X-Forwarded-Proto \"https\"\n");
        out.append(signInLines(c, indent));
        for (String prefix : c.proxiedPrefixes()) {
            String target = ConfigText.token(c.upstreamOrigin() + prefix);
            out.append(indent).append("ProxyPass ").append(ConfigText.token(prefix)).append(' ').append(target)
                    .append(" nocanon\n");
            out.append(indent).append("ProxyPassReverse ").append(ConfigText.token(prefix)).append(' ')
                    .append(target).append('\n');
        }
        return out.toString();
    }

    /** A regex for every path the proxy does not forward. */
    private static String otherPaths(GenerationContext c) {
        StringBuilder out = new StringBuilder("^/(?!");
        List<String> prefixes = c.proxiedPrefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            out.append(i == 0 ? "" : "|").append(ConfigText.token(prefixes.get(i)).substring(1));
        }
        return out.append(')').toString();
    }

    private static String serverNameLine(String host) {
        if (host.indexOf(':') >= 0) {
            // httpd rejects IPv6 literals in ServerName; the virtual host then answers by its address and port.
            return "    # No ServerName: Apache cannot name a virtual host by the IPv6 address " + host + ".\n";
        }
        return "    ServerName " + ConfigText.token(host) + "\n";
    }

    private static String listenLine(GenerationContext c, int port) {
        return c.isStandardHttpsPort(port) ? "" : "Listen " + ConfigText.token(c.listen(port)) + "\n";
    }

    private static String tlsLines(GenerationContext c, String host) {
        return "    SSLEngine on\n"
                + "    SSLCertificateFile " + ConfigText.token(c.certificateFile(host)) + "\n"
                + "    SSLCertificateKeyFile " + ConfigText.token(c.certificateKeyFile(host)) + "\n";
    }

    private static String federationHost(GenerationContext c) {
        String name = c.federationName();
        boolean sharesPort = c.federationListenPort() == c.httpsPort();
        return (sharesPort ? "" : listenLine(c, c.federationListenPort()))
                + "<VirtualHost *:" + c.federationListenPort() + ">\n"
                + serverNameLine(name)
                + tlsLines(c, name)
                + proxyLines(c, "    ")
                // This host serves only Matrix: whatever is not forwarded answers JSON, never Apache's page.
                + "    RedirectMatch 404 " + otherPaths(c) + "\n"
                + unrecognized("    ", otherPaths(c))
                + "</VirtualHost>\n";
    }

    private static String site(GenerationContext c) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated by Signpost: a complete Apache site for https://").append(c.siteHost())
                .append(" that serves the Matrix well-known files");
        out.append(c.federationProxy() ? " and the federation proxy.\n" : ".\n");
        out.append("# For a fresh server: copy the generated .well-known directory to ").append(c.options().webRoot())
                .append("/.well-known,\n");
        out.append("# put this file in /etc/apache2/sites-available/ and a2ensite it; a2enmod ssl headers");
        out.append(c.federationProxy() ? " proxy_http" : "").append(".\n");
        out.append("# Then apache2ctl configtest and reload Apache. It replaces the snippets, do not include both.\n");
        out.append(listenLine(c, c.httpsPort()));
        out.append("<VirtualHost *:").append(c.httpsPort()).append(">\n");
        out.append(serverNameLine(c.siteHost()));
        out.append("    DocumentRoot \"").append(ConfigText.token(c.options().webRoot())).append("\"\n");
        out.append(tlsLines(c, c.siteHost()));
        out.append('\n');
        out.append(wellKnownBlock(c, "    "));
        out.append(siteFallback(c, "    "));
        if (c.federationProxy() && c.federationMerged()) {
            out.append(proxyLines(c, "    "));
        }
        out.append("</VirtualHost>\n");
        if (c.federationProxy() && !c.federationMerged()) {
            out.append('\n').append(federationHost(c));
        }
        return out.toString();
    }
}
