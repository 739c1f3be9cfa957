package dev.signpost.core.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user wants: the one typed model shared by the wizard, the CLI, generation and deployment.
 * Immutable; the wizard builds a new one as fields change. Never holds secrets.
 *
 * @param serverName          the server name as typed (the part after the colon in user IDs)
 * @param federationMode      how federation is delegated
 * @param federationHost      where federation traffic goes (DNS name or IP literal); unused for DIRECT
 * @param federationPort      its port, 1–65535 (8448 by default)
 * @param clientBaseUrl       {@code m.homeserver.base_url}: an https URL with a host, no query
 * @param identityServerUrl   {@code m.identity_server.base_url}, or null for none
 * @param supportContacts     contacts for {@code /.well-known/matrix/support}; empty for none
 * @param supportPage         the support page URL for that file, or null
 * @param extraClientKeys     extra namespaced keys for the client file (key → JSON text of the value)
 * @param webServer           what serves the server name's HTTPS
 * @param homeserver          the homeserver software
 * @param federationProxy     whether to also generate the reverse-proxy block that serves federation
 * @param homeserverUpstream  where that proxy forwards {@code /_matrix/}, e.g. {@code http://127.0.0.1:8008}
 * @param callServiceUrl      the LiveKit JWT service Element Call gets its call tokens from (MSC4143
 *                            {@code livekit_service_url}), or null for no calls
 * @param authIssuerUrl       the issuer URL of the sign-in service (Matrix Authentication Service), or null when the
 *                            homeserver handles sign-in itself
 */
public record DelegationPlan(
        String serverName,
        FederationMode federationMode,
        String federationHost,
        int federationPort,
        String clientBaseUrl,
        String identityServerUrl,
        List<SupportContact> supportContacts,
        String supportPage,
        Map<String, String> extraClientKeys,
        WebServerKind webServer,
        HomeserverKind homeserver,
        boolean federationProxy,
        String homeserverUpstream,
        String callServiceUrl,
        String authIssuerUrl) {

    /** The federation port Matrix assumes when none is given. */
    public static final int DEFAULT_FEDERATION_PORT = 8448;

    /** The client-file key older Element Call versions and rust-sdk's fallback read the call service from. */
    public static final String RTC_FOCI_KEY = "org.matrix.msc4143.rtc_foci";

    /** The upstream most homeservers listen on locally. */
    public static final String DEFAULT_UPSTREAM = "http://127.0.0.1:8008";

    public DelegationPlan {
        supportContacts = supportContacts == null ? List.of() : List.copyOf(supportContacts);
        // Sorted, so generated files are the same for the same plan.
        extraClientKeys = extraClientKeys == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(extraClientKeys));
    }

    /**
     * The web server a plan assumes when nobody said which one serves the server name: the most common one on a
     * self-hosted VPS. {@code generate}, {@code deploy} and the wizard's first draft all start from it.
     */
    public static final WebServerKind DEFAULT_WEB_SERVER = WebServerKind.NGINX;

    /**
     * A sensible starting plan for {@code serverName}: federation delegated through the well-known file to
     * {@code matrix.<serverName>} on port 8448, clients sent to {@code https://matrix.<serverName>}, served by
     * nginx for a Synapse homeserver, no proxy block.
     *
     * <p>Port 8448 rather than 443: it is the spec's federation port, keeps federation off the reverse proxy that
     * serves everything else, and is what servers assume when a port is missing. Generated files always write
     * the port explicitly, so remote servers never fall through to an SRV lookup on the delegated host.
     *
     * @param serverName the server name as typed; not validated here (see {@link PlanValidator})
     */
    public static DelegationPlan defaultsFor(String serverName) {
        String name = serverName == null ? "" : serverName.strip();
        String host = name.isEmpty() ? "" : "matrix." + name;
        return new DelegationPlan(name, FederationMode.WELL_KNOWN, host, DEFAULT_FEDERATION_PORT,
                host.isEmpty() ? "" : "https://" + host, null, List.of(), null, Map.of(), DEFAULT_WEB_SERVER,
                HomeserverKind.SYNAPSE, false, DEFAULT_UPSTREAM, null, null);
    }

    /** A builder that starts from this plan, for changing a few fields. */
    public PlanBuilder toBuilder() {
        return new PlanBuilder(this);
    }

    /** {@code host:port} as written into {@code m.server}: brackets around IPv6, the port always explicit. */
    public String federationAuthority() {
        String host = federationHost == null ? "" : federationHost;
        boolean ipv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
        return (ipv6 ? "[" + host + "]" : host) + ":" + federationPort;
    }

    /** True when a call service for Element Call is planned. */
    public boolean hasCallService() {
        return callServiceUrl != null && !callServiceUrl.isBlank();
    }

    /** True when a separate sign-in service (Matrix Authentication Service) is planned. */
    public boolean hasAuthIssuer() {
        return authIssuerUrl != null && !authIssuerUrl.isBlank();
    }

    /** True when a {@code /.well-known/matrix/support} file is wanted. */
    public boolean hasSupport() {
        return !supportContacts.isEmpty() || (supportPage != null && !supportPage.isBlank());
    }
}
