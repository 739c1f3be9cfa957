package dev.signpost.core.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Caddy v2 (Caddyfile): the well-known files answered by {@code respond} inside {@code handle} blocks, as a
 * snippet for an existing site block and as a complete Caddyfile; optionally the federation reverse proxy.
 * Without certificate options Caddy's automatic HTTPS provides the certificates.
 */
public final class CaddyGenerator implements FileGenerator {

    static final String SNIPPET = "caddy/signpost-wellknown.caddy";
    static final String FEDERATION = "caddy/signpost-federation.caddy";
    static final String SITE = "caddy/Caddyfile";

    @Override
    public List<GeneratedFile> generate(GenerationContext c) {
        List<GeneratedFile> files = new ArrayList<>();
        String header = FileHeaders.wellKnown(c)
                + "# Paste it inside the site block for " + c.siteHost() + " in your Caddyfile, or\n"
                + "#     import /etc/caddy/signpost-wellknown.caddy\n"
                + "# there, then run caddy validate and reload Caddy.\n";
        files.add(new GeneratedFile(SNIPPET, c.text("purpose.caddy.snippet", c.siteHost()),
                header + wellKnownHandles(c, "") + siteFallback(c, "")));
        if (c.federationProxy()) {
            String content = c.federationMerged()
                    ? FileHeaders.proxy(c) + "# Paste it inside the site block for " + c.siteHost() + ".\n"
                    + proxyLines(c, "")
                    : FileHeaders.proxy(c) + "# Append it to your Caddyfile, then run caddy validate and reload Caddy.\n"
                    + federationSite(c);
            files.add(new GeneratedFile(FEDERATION, c.federationMerged()
                    ? c.text("purpose.caddy.federationMerged", c.siteHost())
                    : c.text("purpose.caddy.federation", c.federationName(), c.federationPort()), content));
        }
        files.add(new GeneratedFile(SITE, c.text("purpose.caddy.site", c.siteHost()), site(c)));
        return files;
    }

    private static String wellKnownHandles(GenerationContext c, String indent) {
        StringBuilder out = new StringBuilder();
        for (WellKnownDocument document : c.documents()) {
            out.append(indent).append("handle ").append(document.urlPath()).append(" {\n");
            out.append(indent).append("\theader Content-Type application/json\n");
            out.append(indent).append("\theader ").append(Cors.ALLOW_ORIGIN).append(" \"").append(Cors.ORIGIN_VALUE)
                    .append("\"\n");
            out.append(indent).append("\theader ").append(Cors.ALLOW_METHODS).append(" \"")
                    .append(Cors.METHODS_VALUE).append("\"\n");
            out.append(indent).append("\theader ").append(Cors.ALLOW_HEADERS).append(" \"")
                    .append(Cors.HEADERS_VALUE).append("\"\n");
            out.append(indent).append("\trespond ").append(ConfigText.caddyBackticked(document.body()))
                    .append(" 200\n");
            out.append(indent).append("}\n");
        }
        return out.toString();
    }

    /** On a server name that is no Matrix endpoint, {@code /_matrix/} answers JSON, never the site's page. */
    private static String siteFallback(GenerationContext c, String indent) {
        return c.matrixFallbackOnSite() ? unrecognized(indent, "/_matrix/*") : "";
    }

    private static String unrecognized(String indent, String matcher) {
        return indent + "handle " + matcher + " {\n"
                + indent + "\theader Content-Type application/json\n"
                + indent + "\theader " + Cors.ALLOW_ORIGIN + " \"" + Cors.ORIGIN_VALUE + "\"\n"
                + indent + "\trespond " + ConfigText.caddyBackticked(GenerationContext.UNRECOGNIZED_JSON) + " 404\n"
                + indent + "}\n";
    }

    /**
     * The sign-in service's compatibility paths. {@code handle} runs before {@code reverse_proxy} in Caddy's
     * directive order, so these reach the sign-in service and every other {@code /_matrix/} path the homeserver.
     */
    private static String signInHandle(GenerationContext c, String indent) {
        if (c.signIn() == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append(indent).append("@signpost_signin path_regexp ").append(GenerationContext.SIGN_IN_PATHS).append('\n');
        out.append(indent).append("handle @signpost_signin {\n");
        out.append(indent).append("\treverse_proxy ").append(ConfigText.token(c.signInOrigin())).append(" {\n");
        out.append(indent).append("\t\theader_up Host {upstream_hostport}\n");
        if (c.options().trustedCaFile() != null) {
            // Without it Caddy verifies against the system's trust store.
            out.append(indent).append("\t\ttransport http {\n");
            out.append(indent).append("\t\t\ttls_trusted_ca_certs ").append(ConfigText.token(c.trustedCaFile()))
                    .append('\n');
            out.append(indent).append("\t\t}\n");
        }
        out.append(indent).append("\t}\n");
        out.append(indent).append("}\n");
        return out.toString();
    }

    private static String proxyLines(GenerationContext c, String indent) {
        StringBuilder out = new StringBuilder(signInHandle(c, indent));
        for (String prefix : c.proxiedPrefixes()) {
            out.append(indent).append("reverse_proxy ").append(ConfigText.token(prefix)).append("* ")
                    .append(ConfigText.token(c.upstreamOrigin())).append('\n');
        }
        return out.toString();
    }

    private static String address(String host, int port) {
        String h = GenerationContext.hostName(host);
        return ConfigText.token(port == 443 ? h : h + ":" + port);
    }

    private static String siteOptions(GenerationContext c) {
        StringBuilder out = new StringBuilder();
        if (c.options().listenAddress() != null) {
            String address = c.options().listenAddress().replace("[", "").replace("]", "");
            out.append("\tbind ").append(ConfigText.token(address)).append('\n');
        }
        if (c.options().certificateFile() != null && c.options().certificateKeyFile() != null) {
            out.append("\ttls ").append(ConfigText.token(c.options().certificateFile())).append(' ')
                    .append(ConfigText.token(c.options().certificateKeyFile())).append('\n');
        }
        return out.toString();
    }

    private static String federationSite(GenerationContext c) {
        // This host serves only Matrix: whatever is not forwarded answers JSON, never an empty page.
        StringBuilder other = new StringBuilder("@signpost_other not path");
        c.proxiedPrefixes().forEach(prefix -> other.append(' ').append(ConfigText.token(prefix)).append('*'));
        return address(c.federationName(), c.federationListenPort()) + " {\n"
                + siteOptions(c)
                + proxyLines(c, "\t")
                + "\t" + other + "\n"
                + unrecognized("\t", "@signpost_other")
                + "}\n";
    }

    private static String site(GenerationContext c) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated by Signpost: a complete Caddyfile for https://").append(c.siteHost())
                .append(" that serves the Matrix well-known files");
        out.append(c.federationProxy() ? " and the federation proxy.\n" : ".\n");
        out.append("# For a fresh server: save as /etc/caddy/Caddyfile, run caddy validate, reload Caddy.\n");
        out.append("# Caddy gets and renews the certificates itself when ports 80 and 443 are reachable.\n");
        out.append(address(c.siteHost(), c.httpsPort())).append(" {\n");
        out.append(siteOptions(c));
        out.append(wellKnownHandles(c, "\t"));
        out.append(siteFallback(c, "\t"));
        if (c.federationProxy() && c.federationMerged()) {
            out.append(proxyLines(c, "\t"));
        }
        out.append("}\n");
        if (c.federationProxy() && !c.federationMerged()) {
            out.append('\n').append(federationSite(c));
        }
        return out.toString();
    }
}
