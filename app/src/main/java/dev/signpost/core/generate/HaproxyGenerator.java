package dev.signpost.core.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HAProxy 2.x: the well-known files answered by {@code http-request return} (no files to copy), as lines for an
 * existing HTTPS frontend and as a complete {@code haproxy.cfg}; optionally the federation reverse proxy.
 * HAProxy wants the certificate chain and key in one PEM file.
 */
public final class HaproxyGenerator implements FileGenerator {

    static final String SNIPPET = "haproxy/signpost-wellknown.cfg";
    static final String FEDERATION = "haproxy/signpost-federation.cfg";
    static final String SITE = "haproxy/haproxy.cfg";
    static final String BACKEND = "signpost_homeserver";
    static final String SIGN_IN_BACKEND = "signpost_signin";

    @Override
    public List<GeneratedFile> generate(GenerationContext c) {
        List<GeneratedFile> files = new ArrayList<>();
        String header = FileHeaders.wellKnown(c)
                + "# Paste these lines into the frontend that terminates https://" + c.siteHost() + ",\n"
                + "# before any use_backend line, then run haproxy -c -f and reload HAProxy.\n";
        files.add(new GeneratedFile(SNIPPET, c.text("purpose.haproxy.snippet", c.siteHost()),
                header + returnLines(c) + siteFallback(c)));
        if (c.federationProxy()) {
            String content = c.federationMerged()
                    ? FileHeaders.proxy(c) + "# Paste the use_backend line into the frontend of "
                    + c.siteHost() + " and append the backend section.\n"
                    + useBackendLine(c) + "\n" + backend(c) + signInBackend(c)
                    : FileHeaders.proxy(c) + "# Append it to /etc/haproxy/haproxy.cfg, then run haproxy -c -f and reload HAProxy.\n"
                    + federationFrontend(c) + "\n" + backend(c) + signInBackend(c);
            files.add(new GeneratedFile(FEDERATION, c.federationMerged()
                    ? c.text("purpose.haproxy.federationMerged", c.siteHost())
                    : c.text("purpose.haproxy.federation", c.federationName(), c.federationPort()), content));
        }
        files.add(new GeneratedFile(SITE, c.text("purpose.haproxy.site", c.siteHost()), site(c)));
        return files;
    }

    private static String returnLines(GenerationContext c) {
        StringBuilder out = new StringBuilder();
        for (WellKnownDocument document : c.documents()) {
            out.append("    http-request return status 200 content-type application/json")
                    .append(" hdr ").append(Cors.ALLOW_ORIGIN).append(" \"").append(Cors.ORIGIN_VALUE).append('"')
                    .append(" hdr ").append(Cors.ALLOW_METHODS).append(" \"").append(Cors.METHODS_VALUE).append('"')
                    .append(" hdr ").append(Cors.ALLOW_HEADERS).append(" \"").append(Cors.HEADERS_VALUE).append('"')
                    .append(" string ").append(ConfigText.haproxyQuoted(document.body()))
                    .append(" if { path ").append(document.urlPath()).append(" }\n");
        }
        return out.toString();
    }

    /**
     * On a server name that is no Matrix endpoint, {@code /_matrix/} answers JSON, never the site's page. A
     * frontend often serves several hosts (the Matrix host among them), so the line names the server name's host.
     */
    private static String siteFallback(GenerationContext c) {
        String host = c.siteHost();
        if (!c.matrixFallbackOnSite() || host.indexOf(':') >= 0) {
            return "";
        }
        String hostRegex = "^" + ConfigText.token(host).replace(".", "\\.") + "(:[0-9]+)?$";
        return unrecognized("if { hdr_reg(host) -i " + hostRegex + " } { path_beg /_matrix/ }");
    }

    private static String unrecognized(String condition) {
        return "    http-request return status 404 content-type application/json"
                + " hdr " + Cors.ALLOW_ORIGIN + " \"" + Cors.ORIGIN_VALUE + "\""
                + " string " + ConfigText.haproxyQuoted(GenerationContext.UNRECOGNIZED_JSON) + " " + condition + "\n";
    }

    /** Sends the sign-in service's compatibility paths to it; goes before the homeserver's line. */
    private static String signInUseLine(GenerationContext c) {
        return c.signIn() == null ? ""
                : "    use_backend " + SIGN_IN_BACKEND + " if { path_reg " + GenerationContext.SIGN_IN_PATHS + " }\n";
    }

    /** The sign-in service over https, its certificate verified for its own name. */
    private static String signInBackend(GenerationContext c) {
        if (c.signIn() == null) {
            return "";
        }
        String host = c.signIn().host();
        boolean ip = c.signIn().ipv6() || host.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.');
        String ca = c.options().trustedCaFile() != null ? ConfigText.token(c.trustedCaFile()) : "@system-ca";
        return "\nbackend " + SIGN_IN_BACKEND + "\n"
                + "    mode http\n"
                + "    option forwardfor\n"
                + "    http-request set-header X-Forwarded-Proto https\n"
                + "    http-request set-header Host " + ConfigText.token(c.signIn().authority()) + "\n"
                + "    server signin " + ConfigText.token(c.signIn().hostForUrl() + ":" + c.signIn().effectivePort())
                + " ssl verify required ca-file " + ca
                + (ip ? "" : " sni str(" + ConfigText.token(host) + ")")
                + " verifyhost " + ConfigText.token(host) + "\n";
    }

    private static String useBackendLine(GenerationContext c) {
        StringBuilder out = new StringBuilder(signInUseLine(c) + "    use_backend " + BACKEND + " if");
        List<String> prefixes = c.proxiedPrefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            out.append(i == 0 ? "" : " ||").append(" { path_beg ").append(ConfigText.token(prefixes.get(i)))
                    .append(" }");
        }
        return out.append('\n').toString();
    }

    private static String backend(GenerationContext c) {
        return "backend " + BACKEND + "\n"
                + "    mode http\n"
                + "    option forwardfor\n"
                + "    http-request set-header X-Forwarded-Proto https\n"
                + "    server homeserver " + ConfigText.token(c.upstream().hostForUrl() + ":"
                + c.upstream().effectivePort()) + "\n";
    }

    private static String bindLines(GenerationContext c, int port, Set<String> certificates) {
        StringBuilder crt = new StringBuilder();
        for (String certificate : certificates) {
            crt.append(" crt ").append(ConfigText.token(certificate));
        }
        if (c.options().listenAddress() != null) {
            return "    bind " + ConfigText.token(c.listen(port)) + " ssl" + crt + "\n";
        }
        return "    bind :" + port + " ssl" + crt + "\n    bind :::" + port + " v6only ssl" + crt + "\n";
    }

    private static String federationFrontend(GenerationContext c) {
        Set<String> certificates = Set.of(c.haproxyCertificateFile(c.federationName()));
        return "frontend signpost_federation\n"
                + "    mode http\n"
                + bindLines(c, c.federationListenPort(), certificates)
                // This host serves only Matrix: whatever is not forwarded answers JSON, never HAProxy's page.
                + unrecognized(otherPaths(c))
                + signInUseLine(c)
                + "    default_backend " + BACKEND + "\n";
    }

    private static String otherPaths(GenerationContext c) {
        StringBuilder out = new StringBuilder("unless");
        List<String> prefixes = c.proxiedPrefixes();
        for (int i = 0; i < prefixes.size(); i++) {
            out.append(i == 0 ? "" : " ||").append(" { path_beg ").append(ConfigText.token(prefixes.get(i)))
                    .append(" }");
        }
        return out.toString();
    }

    private static String site(GenerationContext c) {
        boolean sharedPort = c.federationProxy() && c.federationListenPort() == c.httpsPort();
        Set<String> certificates = new LinkedHashSet<>();
        certificates.add(c.haproxyCertificateFile(c.siteHost()));
        if (sharedPort) {
            certificates.add(c.haproxyCertificateFile(c.federationName()));
        }
        StringBuilder out = new StringBuilder();
        out.append("# Generated by Signpost: a complete haproxy.cfg for https://").append(c.siteHost())
                .append(" that serves the Matrix well-known files");
        out.append(c.federationProxy() ? " and the federation proxy.\n" : ".\n");
        out.append("# For a fresh server: save as /etc/haproxy/haproxy.cfg, put the certificate chain and key\n");
        out.append("# together in the .pem file named below, run haproxy -c -f /etc/haproxy/haproxy.cfg, reload.\n");
        out.append("global\n");
        out.append("    ssl-default-bind-options ssl-min-ver TLSv1.2\n\n");
        out.append("defaults\n");
        out.append("    mode http\n");
        out.append("    timeout connect 5s\n");
        out.append("    timeout client 30s\n");
        out.append("    timeout server 60s\n\n");
        out.append("frontend signpost_https\n");
        out.append("    mode http\n");
        out.append(bindLines(c, c.httpsPort(), certificates));
        out.append(returnLines(c));
        out.append(siteFallback(c));
        if (sharedPort) {
            out.append(useBackendLine(c));
        }
        if (c.federationProxy()) {
            out.append('\n');
            if (!sharedPort) {
                out.append(federationFrontend(c)).append('\n');
            }
            out.append(backend(c)).append(signInBackend(c));
        }
        return out.toString();
    }
}
