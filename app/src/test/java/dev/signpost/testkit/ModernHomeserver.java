package dev.signpost.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a {@link TestHttpsServer} answer what current Matrix apps ask a homeserver beyond discovery, varied per
 * test: the {@code /versions} feature flags, the sign-in metadata on both paths, the MatrixRTC transports endpoint
 * and the authenticated media routes. The default is Synapse without a sign-in service or calls: sliding sync on,
 * JSON 404 {@code M_UNRECOGNIZED} for auth metadata and transports, JSON 401 on media.
 */
public final class ModernHomeserver {

    public static final String VERSIONS_PATH = "/_matrix/client/versions";
    public static final String AUTH_STABLE_PATH = "/_matrix/client/v1/auth_metadata";
    public static final String AUTH_UNSTABLE_PATH = "/_matrix/client/unstable/org.matrix.msc2965/auth_metadata";
    public static final String TRANSPORTS_PATH = "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports";
    public static final String CLIENT_MEDIA_PATH = "/_matrix/client/v1/media/config";
    /** The federation media download Signpost asks for (a media id that never exists). */
    public static final String FEDERATION_MEDIA_PATH = "/_matrix/federation/v1/media/download/signpost-probe";

    public static final String SLIDING_SYNC = "org.matrix.simplified_msc3575";
    public static final String RTC = "org.matrix.msc4143";
    public static final String DELAYED_EVENTS = "org.matrix.msc4140";

    /** What the auth metadata paths answer. */
    public enum Auth {
        /** JSON 404 M_UNRECOGNIZED on both: sign-in by the homeserver itself. */
        NONE,
        /** Valid metadata for {@link #issuer} on both paths. */
        VALID,
        /** Metadata lacking required fields (no token endpoint, no S256). */
        INVALID,
        /** Valid fields, but the issuer and endpoints are plain http (a MAS listening on http://[::]:8080/). */
        HTTP_URLS,
        /** The proxy's HTML 404 on both paths. */
        HTML,
        /** Valid metadata on the stable path only; the unstable path gets the proxy's HTML 404. */
        STABLE_ONLY
    }

    /** What the transports endpoint answers without a token. */
    public enum Transports {
        /** JSON 404 M_UNRECOGNIZED: MSC4143 is off. */
        NONE,
        /** JSON 401 M_MISSING_TOKEN: the route reaches a homeserver that serves it. */
        ROUTED,
        /** The proxy's HTML 404. */
        HTML
    }

    /** What the client media route answers without a token. */
    public enum Media {
        /** JSON 401 M_MISSING_TOKEN. */
        ROUTED,
        /** JSON 404 M_UNRECOGNIZED: a homeserver older than authenticated media. */
        OLD,
        /** The proxy's HTML 404 (only /_matrix/media is routed). */
        HTML
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Set<String> flags = new LinkedHashSet<>(List.of(SLIDING_SYNC));
    private List<String> versions = List.of("v1.11", "v1.12");
    private Auth auth = Auth.NONE;
    private String issuer = "https://auth.example.com/";
    private Transports transports = Transports.NONE;
    private Media media = Media.ROUTED;

    /** Exactly these {@code unstable_features} are true. */
    public ModernHomeserver flags(String... enabled) {
        flags.clear();
        flags.addAll(List.of(enabled));
        return this;
    }

    /** The spec versions listed in {@code /versions}. */
    public ModernHomeserver versions(String... listed) {
        versions = List.of(listed);
        return this;
    }

    public ModernHomeserver auth(Auth answer) {
        auth = answer;
        return this;
    }

    /** The issuer of valid metadata (default {@code https://auth.example.com/}). */
    public ModernHomeserver issuer(String url) {
        issuer = url;
        return this;
    }

    public ModernHomeserver transports(Transports answer) {
        transports = answer;
        return this;
    }

    public ModernHomeserver media(Media answer) {
        media = answer;
        return this;
    }

    /** Routes every answer for requests whose Host is {@code host} ("*" = any). */
    public ModernHomeserver install(TestHttpsServer server, String host) {
        server.route(host, VERSIONS_PATH, Response.json(versionsJson()).withCors());
        server.route(host, AUTH_STABLE_PATH, switch (auth) {
            case NONE -> unrecognized();
            case VALID, STABLE_ONLY -> metadata(issuer, "https");
            case INVALID -> Response.json(invalidMetadataJson()).withCors();
            case HTTP_URLS -> metadata("http://[::]:8080/", "http");
            case HTML -> htmlNotFound();
        });
        server.route(host, AUTH_UNSTABLE_PATH, switch (auth) {
            case NONE -> unrecognized();
            case VALID -> metadata(issuer, "https");
            case INVALID -> Response.json(invalidMetadataJson()).withCors();
            case HTTP_URLS -> metadata("http://[::]:8080/", "http");
            case HTML, STABLE_ONLY -> htmlNotFound();
        });
        server.route(host, TRANSPORTS_PATH, switch (transports) {
            case NONE -> unrecognized();
            case ROUTED -> missingTokenResponse();
            case HTML -> htmlNotFound();
        });
        server.route(host, CLIENT_MEDIA_PATH, switch (media) {
            case ROUTED -> missingTokenResponse();
            case OLD -> unrecognized();
            case HTML -> htmlNotFound();
        });
        return this;
    }

    /** The {@code /versions} body with the configured versions and flags. */
    public String versionsJson() {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("versions");
        versions.forEach(list::add);
        ObjectNode features = root.putObject("unstable_features");
        flags.forEach(flag -> features.put(flag, true));
        return root.toString();
    }

    /** Metadata as Matrix Authentication Service serves it, every URL under {@code issuer} with {@code scheme}. */
    public static String metadataJson(String issuer, String scheme) {
        String root = issuer.endsWith("/") ? issuer : issuer + "/";
        if (!root.startsWith(scheme + "://")) {
            root = scheme + root.substring(root.indexOf("://"));
        }
        ObjectNode m = MAPPER.createObjectNode();
        m.put("issuer", issuer);
        m.put("authorization_endpoint", root + "authorize");
        m.put("token_endpoint", root + "oauth2/token");
        m.put("revocation_endpoint", root + "oauth2/revoke");
        m.put("registration_endpoint", root + "oauth2/registration");
        m.put("account_management_uri", root + "account/");
        m.putArray("response_types_supported").add("code").add("id_token");
        m.putArray("grant_types_supported").add("authorization_code").add("refresh_token")
                .add("urn:ietf:params:oauth:grant-type:device_code");
        m.putArray("response_modes_supported").add("form_post").add("query").add("fragment");
        m.putArray("code_challenge_methods_supported").add("plain").add("S256");
        return m.toString();
    }

    /** Metadata without a token endpoint and without S256: what a hand-written file often looks like. */
    public static String invalidMetadataJson() {
        ObjectNode m = (ObjectNode) readTree(metadataJson("https://auth.example.com/", "https"));
        m.remove("token_endpoint");
        m.putArray("code_challenge_methods_supported").add("plain");
        return m.toString();
    }

    private static Response metadata(String issuer, String scheme) {
        return Response.json(metadataJson(issuer, scheme)).withCors();
    }

    /** JSON 404 M_UNRECOGNIZED, a homeserver's answer for an endpoint it does not offer. */
    public static Response unrecognized() {
        return Response.json(404, "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}").withCors();
    }

    /** JSON 401 M_MISSING_TOKEN, a homeserver's answer to an authenticated route asked without a token. */
    public static Responder missingToken() {
        return Responder.of(missingTokenResponse());
    }

    private static Response missingTokenResponse() {
        return Response.json(401, "{\"errcode\":\"M_MISSING_TOKEN\",\"error\":\"Missing access token\"}").withCors();
    }

    /** The HTML 404 page a reverse proxy or web site answers for a path it does not route. */
    public static Response htmlNotFound() {
        return Response.status(404).withHeader("Content-Type", "text/html")
                .withBody("<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>");
    }

    /** A responder for {@link TestHttpsServer#fallback}: a proxy answering HTML 404 for every unknown path. */
    public static Responder proxyHtml404() {
        return Responder.of(htmlNotFound());
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
