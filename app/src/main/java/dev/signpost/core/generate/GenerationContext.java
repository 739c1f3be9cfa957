package dev.signpost.core.generate;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.PlanValueException;
import dev.signpost.core.plan.WebUrl;
import dev.signpost.core.text.Texts;

import java.util.List;
import java.util.Locale;

/**
 * What every generator needs, worked out once from a validated, normalised plan: the server name's host, the
 * well-known documents, where the federation proxy listens and what it forwards, certificate paths.
 */
public final class GenerationContext {

    private static final String BUNDLE = "dev.signpost.core.generate.messages";

    /**
     * The client-API paths Matrix Authentication Service answers for clients that sign in the old way (its
     * "compat" resource; MAS documentation, "Configuring a reverse proxy"): any version's {@code login},
     * {@code logout} and {@code refresh}, including their sub-paths ({@code login/sso/redirect}, {@code logout/all}).
     */
    public static final String SIGN_IN_PATHS = "^/_matrix/client/[^/]+/(login|logout|refresh)(/|$)";

    /**
     * What a homeserver answers for an endpoint it does not offer; clients read it as "not here", never as broken.
     * The space after the brace keeps Caddy from reading it as a placeholder.
     */
    public static final String UNRECOGNIZED_JSON =
            "{ \"errcode\": \"M_UNRECOGNIZED\", \"error\": \"Unrecognized request\" }";

    private final DelegationPlan plan;
    private final GenerateOptions options;
    private final Texts texts;
    private final String siteHost;
    private final List<WellKnownDocument> documents;
    private final WebUrl upstream;
    private final WebUrl signIn;
    private final WebUrl clientBase;

    /**
     * @param plan    a plan returned by {@link dev.signpost.core.plan.PlanValidator#normalize}
     * @param options where the configs listen and find certificates
     * @param locale  the language of the purpose sentences
     */
    public GenerationContext(DelegationPlan plan, GenerateOptions options, Locale locale) {
        this.plan = plan;
        this.options = options;
        this.texts = new Texts(BUNDLE, locale);
        try {
            this.siteHost = ServerName.parse(plan.serverName(), Locale.ROOT).host();
            this.upstream = WebUrl.parse(plan.homeserverUpstream(), true, Locale.ROOT);
            this.signIn = plan.hasAuthIssuer() ? WebUrl.parse(plan.authIssuerUrl(), false, Locale.ROOT) : null;
            this.clientBase = WebUrl.parse(plan.clientBaseUrl(), false, Locale.ROOT);
        } catch (InvalidServerNameException | PlanValueException e) {
            throw new IllegalArgumentException("The plan was not normalised: " + e.getMessage(), e);
        }
        this.documents = WellKnownGenerator.documents(plan);
    }

    public DelegationPlan plan() {
        return plan;
    }

    public GenerateOptions options() {
        return options;
    }

    /** A sentence from the generate bundle. */
    public String text(String key, Object... args) {
        return texts.get(key, args);
    }

    /** The server name's host without port, in ASCII (IPv6 without brackets). */
    public String siteHost() {
        return siteHost;
    }

    /** The documents the web server serves for the server name. */
    public List<WellKnownDocument> documents() {
        return documents;
    }

    /** The port the server name's HTTPS site listens on. */
    public int httpsPort() {
        return options.httpsPort();
    }

    /** True when a federation reverse-proxy block is wanted. */
    public boolean federationProxy() {
        return plan.federationProxy();
    }

    /**
     * The name the federation proxy answers to: the delegated host for a well-known delegation; the server name
     * itself for SRV (remote servers check the certificate against the server name) and for no delegation.
     */
    public String federationName() {
        return plan.federationMode() == FederationMode.WELL_KNOWN ? plan.federationHost() : siteHost;
    }

    /** The port federation arrives on, as remote servers connect to it. */
    public int federationPort() {
        return plan.federationMode() == FederationMode.DIRECT
                ? DelegationPlan.DEFAULT_FEDERATION_PORT : plan.federationPort();
    }

    /** The port the federation proxy listens on: {@link #federationPort()} unless the options move it. */
    public int federationListenPort() {
        return options.federationListenPort() != 0 ? options.federationListenPort() : federationPort();
    }

    /** True when federation is served by the same site as the well-known files (same name, same port). */
    public boolean federationMerged() {
        return federationName().equalsIgnoreCase(siteHost) && federationListenPort() == httpsPort();
    }

    /** Where the proxy forwards to. */
    public WebUrl upstream() {
        return upstream;
    }

    /** {@code scheme://host:port} of the upstream, without a path. */
    public String upstreamOrigin() {
        return upstream.scheme() + "://" + upstream.hostForUrl() + ":" + upstream.effectivePort();
    }

    /** The sign-in service's issuer, or null when the homeserver handles sign-in itself. */
    public WebUrl signIn() {
        return signIn;
    }

    /** {@code https://host:port} of the sign-in service, where the proxy sends {@link #SIGN_IN_PATHS}. */
    public String signInOrigin() {
        return signIn.scheme() + "://" + signIn.hostForUrl() + ":" + signIn.effectivePort();
    }

    /** The CA bundle nginx and Apache verify the sign-in service's certificate with. */
    public String trustedCaFile() {
        return options.trustedCaFile() != null ? options.trustedCaFile() : GenerateOptions.SYSTEM_CA_FILE;
    }

    /**
     * True when the server name's site is no Matrix endpoint: clients are sent to another host and federation
     * arrives elsewhere. Its {@code /_matrix/} paths then answer JSON {@code M_UNRECOGNIZED}, so a client that
     * falls back to the server name (Element X does when the client file fails) reads "not here", not an HTML page.
     */
    public boolean matrixFallbackOnSite() {
        boolean clientsHere = clientBase.host().equalsIgnoreCase(siteHost);
        boolean federationHere = federationName().equalsIgnoreCase(siteHost);
        return !clientsHere && !federationHere;
    }

    /** The host clients reach the homeserver at (the client base URL's), in ASCII, IPv6 without brackets. */
    public String clientHost() {
        return clientBase.host();
    }

    /**
     * True when the site clients use needs its own routes snippet: the plan has a call service or a sign-in
     * service and Signpost writes the reverse proxy, so the client base URL's site must send the sign-in paths to
     * the sign-in service and every other {@code /_matrix/} path (media and the call transports included) to the
     * homeserver. Not when the federation drop-in already goes into that very site block (it carries the same
     * routes).
     */
    public boolean routesSnippet() {
        return routesWanted(plan) && !(federationMerged() && clientHost().equalsIgnoreCase(siteHost));
    }

    /** True when a plan's client site needs the call and sign-in routes installed at all. */
    public static boolean routesWanted(DelegationPlan plan) {
        return plan.federationProxy() && (plan.hasCallService() || plan.hasAuthIssuer());
    }

    /** The URL prefixes the proxy forwards: {@code /_matrix/}, and Synapse's {@code /_synapse/client/}. */
    public List<String> proxiedPrefixes() {
        return plan.homeserver() == HomeserverKind.SYNAPSE
                ? List.of("/_matrix/", "/_synapse/client/") : List.of("/_matrix/");
    }

    /** A host as virtual-host names and Host headers write it: IPv6 literals in brackets. */
    public static String hostName(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The certificate chain file for {@code host}. */
    public String certificateFile(String host) {
        return options.certificateFile() != null
                ? options.certificateFile() : "/etc/letsencrypt/live/" + host + "/fullchain.pem";
    }

    /** The private key file for {@code host}. */
    public String certificateKeyFile(String host) {
        return options.certificateKeyFile() != null
                ? options.certificateKeyFile() : "/etc/letsencrypt/live/" + host + "/privkey.pem";
    }

    /** HAProxy's combined chain-and-key file for {@code host}. */
    public String haproxyCertificateFile(String host) {
        return options.haproxyCertificateFile() != null
                ? options.haproxyCertificateFile() : "/etc/haproxy/certs/" + host + ".pem";
    }

    /** {@code address:port} for a listen directive, or just the port when listening everywhere. */
    public String listen(int port) {
        return options.listenAddress() == null ? Integer.toString(port) : options.listenAddress() + ":" + port;
    }

    /** True for the ports distributions already open for HTTPS (no extra {@code Listen} line needed). */
    public boolean isStandardHttpsPort(int port) {
        return port == 443 && options.listenAddress() == null;
    }
}
