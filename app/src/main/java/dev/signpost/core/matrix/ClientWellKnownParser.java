package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.net.HostSyntax;
import dev.signpost.core.text.Texts;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the client-server spec's "Server Discovery" rules that need no network to the body of
 * {@code /.well-known/matrix/client} (a 200 response; a 404 is IGNORE and never reaches this parser).
 * Pure: no I/O, and no exception escapes for any input.
 */
public final class ClientWellKnownParser {

    static final String DOCUMENT = "/.well-known/matrix/client";

    private ClientWellKnownParser() {
    }

    /**
     * @param body   the response body as received, possibly null
     * @param locale language of the sentences
     */
    public static ClientWellKnown parse(byte[] body, Locale locale) {
        return parse(body, null, locale);
    }

    /**
     * Like {@link #parse(byte[], Locale)}, and also warns when {@code base_url} sends clients to the well-known's own
     * host without TLS.
     *
     * @param wellKnownHost the host the well-known was fetched from (e.g. {@code example.com}), or null
     */
    public static ClientWellKnown parse(byte[] body, String wellKnownHost, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            return new Run(texts, locale, wellKnownHost).parse(body);
        } catch (RuntimeException e) {
            return new ClientWellKnown(ClientState.FAIL_PROMPT, null, null, null, null,
                    List.of(texts.get("json.unexpected", DOCUMENT)), List.of());
        }
    }

    /** True when the body starts with a UTF-8 byte order mark. */
    public static boolean startsWithBom(byte[] body) {
        return body != null && body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb
                && (body[2] & 0xff) == 0xbf;
    }

    /**
     * Reads the file as a browser hands it to Element Web: the text decoder drops a leading byte order mark
     * before the JSON is parsed.
     */
    public static ClientWellKnown parseAsBrowser(byte[] body, String wellKnownHost, Locale locale) {
        byte[] decoded = startsWithBom(body) ? java.util.Arrays.copyOfRange(body, 3, body.length) : body;
        return parse(decoded, wellKnownHost, locale);
    }

    /** One parse; collects state, problems and warnings as it goes. */
    private static final class Run {
        private final Texts texts;
        private final Locale locale;
        private final String wellKnownHost;
        private final List<String> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private ClientState state = ClientState.SUCCESS;
        private String rawBaseUrl;
        private URI baseUrl;
        private String rawIdentityUrl;
        private URI identityUrl;

        Run(Texts texts, Locale locale, String wellKnownHost) {
            this.texts = texts;
            this.locale = locale;
            this.wellKnownHost = wellKnownHost;
        }

        ClientWellKnown parse(byte[] body) {
            JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
            if (!parsed.ok()) {
                fail(ClientState.FAIL_PROMPT, parsed.error());
                return result();
            }
            ObjectNode root = parsed.object();
            homeserver(root.get("m.homeserver"));
            identityServer(root.get("m.identity_server"));
            List<String> strayKeys = JsonBody.unnamespacedKeys(root);
            if (!strayKeys.isEmpty()) {
                warnings.add(texts.get("clientWellKnown.unnamespacedKeys", String.join(", ", strayKeys)));
            }
            return result();
        }

        private void homeserver(JsonNode homeserver) {
            if (homeserver == null) {
                fail(ClientState.FAIL_PROMPT, texts.get("clientWellKnown.noHomeserver"));
                return;
            }
            if (!homeserver.isObject()) {
                fail(ClientState.FAIL_PROMPT, texts.get("clientWellKnown.homeserverNotObject",
                        JsonBody.kindOf(homeserver, texts)));
                return;
            }
            JsonNode value = homeserver.get("base_url");
            if (value == null) {
                fail(ClientState.FAIL_PROMPT, texts.get("clientWellKnown.noBaseUrl"));
                return;
            }
            if (!value.isTextual()) {
                fail(ClientState.FAIL_PROMPT, texts.get("clientWellKnown.baseUrlNotString",
                        JsonBody.kindOf(value, texts)));
                return;
            }
            rawBaseUrl = value.textValue();
            baseUrl = url(rawBaseUrl, "m.homeserver");
            if (baseUrl != null) {
                homeserverWarnings(baseUrl);
            }
        }

        private void identityServer(JsonNode identity) {
            if (identity == null) {
                return;
            }
            if (!identity.isObject()) {
                fail(ClientState.FAIL_PROMPT, texts.get("clientWellKnown.identityNotObject",
                        JsonBody.kindOf(identity, texts)));
                return;
            }
            JsonNode value = identity.get("base_url");
            if (value == null || !value.isTextual()) {
                fail(ClientState.FAIL_PROMPT, texts.get("clientWellKnown.identityNoBaseUrl",
                        JsonBody.kindOf(value, texts)));
                return;
            }
            rawIdentityUrl = value.textValue();
            identityUrl = url(rawIdentityUrl, "m.identity_server");
            if (identityUrl != null && "http".equalsIgnoreCase(identityUrl.getScheme())) {
                warnings.add(texts.get("clientWellKnown.identityHttp", rawIdentityUrl));
            }
        }

        /**
         * The URL as clients use it, or null after recording FAIL_ERROR. Clients parse with the WHATWG URL parser,
         * which trims surrounding spaces and control characters, and rebuild the URL from scheme, host, port and
         * path with one trailing {@code /} stripped: query, fragment and user info are dropped.
         */
        private URI url(String raw, String owner) {
            String trimmed = trimmed(raw);
            if (trimmed.isEmpty()) {
                fail(ClientState.FAIL_ERROR, texts.get("clientWellKnown.urlEmpty", owner));
                return null;
            }
            if (!trimmed.contains("://")) {
                fail(ClientState.FAIL_ERROR, texts.get("clientWellKnown.urlNoScheme", owner, trimmed));
                return null;
            }
            URI uri;
            try {
                uri = new URI(trimmed);
            } catch (URISyntaxException e) {
                fail(ClientState.FAIL_ERROR, texts.get("clientWellKnown.urlSyntax", owner, raw,
                        JsonBody.truncate(e.getReason())));
                return null;
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                fail(ClientState.FAIL_ERROR, texts.get("clientWellKnown.urlScheme", owner, raw));
                return null;
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                fail(ClientState.FAIL_ERROR, texts.get("clientWellKnown.urlNoHost", owner, raw));
                return null;
            }
            String badHost = HostSyntax.problem(uri.getHost(), texts.locale());
            if (badHost != null) {
                fail(ClientState.FAIL_ERROR, texts.get("clientWellKnown.urlBadHost", owner, raw, badHost));
                return null;
            }
            if (!trimmed.equals(raw)) {
                warnings.add(texts.get("clientWellKnown.urlSpaces", owner, trimmed));
            }
            URI rebuilt = rebuilt(uri);
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                warnings.add(texts.get("clientWellKnown.urlQuery", owner, trimmed, rebuilt.toString()));
            }
            if (uri.getRawUserInfo() != null) {
                warnings.add(texts.get("clientWellKnown.urlUserInfo", owner));
            }
            if (rebuilt.getRawPath().endsWith("/")) {
                // Clients strip one slash only: every request then starts with "//_matrix", which proxies may refuse.
                warnings.add(texts.get("clientWellKnown.urlSlashes", owner, trimmed, rebuilt + "/_matrix/client/versions"));
            }
            return rebuilt;
        }

        /** What the WHATWG URL parser strips first: leading and trailing C0 controls and spaces. */
        private static String trimmed(String raw) {
            int start = 0;
            int end = raw.length();
            while (start < end && raw.charAt(start) <= ' ') {
                start++;
            }
            while (end > start && raw.charAt(end - 1) <= ' ') {
                end--;
            }
            return raw.substring(start, end);
        }

        private static URI rebuilt(URI uri) {
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
            return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost() + port + path);
        }

        private void homeserverWarnings(URI uri) {
            String host = uri.getHost();
            boolean http = "http".equalsIgnoreCase(uri.getScheme());
            if (http && wellKnownHost != null && host.equalsIgnoreCase(wellKnownHost)) {
                warnings.add(texts.get("clientWellKnown.httpSameHost", rawBaseUrl, host));
            } else if (http) {
                warnings.add(texts.get("clientWellKnown.http", rawBaseUrl));
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.contains("/_matrix")) {
                warnings.add(texts.get("clientWellKnown.matrixPath", rawBaseUrl));
            }
            if (isLocalAddress(host)) {
                warnings.add(texts.get("clientWellKnown.localHost", rawBaseUrl));
            }
        }

        private static boolean isLocalAddress(String host) {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
                return true;
            }
            if (!bare.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !bare.contains(":")) {
                return false;
            }
            try {
                // Only literals reach this point, so no DNS query is made.
                InetAddress address = InetAddress.getByName(bare);
                return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress();
            } catch (Exception e) {
                return false;
            }
        }

        private void fail(ClientState failure, String sentence) {
            problems.add(sentence);
            if (state == ClientState.SUCCESS) {
                state = failure;
            }
        }

        private ClientWellKnown result() {
            return new ClientWellKnown(state, rawBaseUrl, baseUrl, rawIdentityUrl, identityUrl, problems, warnings);
        }
    }
}
