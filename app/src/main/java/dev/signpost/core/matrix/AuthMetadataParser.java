package dev.signpost.core.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.text.Texts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks auth metadata against the spec's required fields (v1.15 "OAuth 2.0 API": issuer, the four endpoints, and
 * the response types, grant types, response modes and PKCE methods clients use) and matrix-rust-sdk's rule that
 * every URL be https. Pure: no I/O, and no exception escapes for any input.
 */
public final class AuthMetadataParser {

    static final String DOCUMENT = "auth_metadata";

    private static final List<String> ENDPOINTS = List.of("authorization_endpoint", "token_endpoint",
            "revocation_endpoint", "registration_endpoint");
    private static final List<String> OPTIONAL_URLS = List.of("account_management_uri",
            "device_authorization_endpoint");
    private static final List<Required> REQUIRED_VALUES = List.of(
            new Required("response_types_supported", List.of("code")),
            new Required("grant_types_supported", List.of("authorization_code", "refresh_token")),
            new Required("response_modes_supported", List.of("query", "fragment")),
            new Required("code_challenge_methods_supported", List.of("S256")));

    private record Required(String field, List<String> values) {
    }

    private AuthMetadataParser() {
    }

    public static AuthMetadata parse(byte[] body, Locale locale) {
        Texts texts = MatrixTexts.of(locale);
        try {
            JsonBody.Parsed parsed = JsonBody.readObject(body, DOCUMENT, locale);
            if (!parsed.ok()) {
                return new AuthMetadata(null, List.of(parsed.error()), List.of());
            }
            return judge(parsed.object(), texts);
        } catch (RuntimeException e) {
            return new AuthMetadata(null, List.of(texts.get("json.unexpected", DOCUMENT)), List.of());
        }
    }

    private static AuthMetadata judge(ObjectNode root, Texts texts) {
        List<String> problems = new ArrayList<>();
        List<String> insecure = new ArrayList<>();
        JsonNode issuerNode = root.get("issuer");
        String issuer = issuerNode != null && issuerNode.isTextual() ? issuerNode.textValue() : null;
        if (issuer == null) {
            problems.add(texts.get("auth.missing", "issuer", JsonBody.kindOf(issuerNode, texts)));
        } else {
            URI uri = url(issuer);
            if (uri == null) {
                problems.add(texts.get("auth.badUrl", "issuer", JsonBody.truncate(issuer)));
            } else {
                if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    problems.add(texts.get("auth.issuerQuery", JsonBody.truncate(issuer)));
                }
                if (!"https".equalsIgnoreCase(uri.getScheme())) {
                    insecure.add(texts.get("auth.notHttps", "issuer", JsonBody.truncate(issuer)));
                }
            }
        }
        for (String field : ENDPOINTS) {
            urlField(root, field, true, problems, insecure, texts);
        }
        for (String field : OPTIONAL_URLS) {
            urlField(root, field, false, problems, insecure, texts);
        }
        for (Required required : REQUIRED_VALUES) {
            JsonNode node = root.get(required.field());
            if (node == null || !node.isArray()) {
                problems.add(texts.get("auth.missing", required.field(), JsonBody.kindOf(node, texts)));
                continue;
            }
            Set<String> listed = new HashSet<>();
            node.forEach(v -> {
                if (v.isTextual()) {
                    listed.add(v.textValue());
                }
            });
            List<String> absent = required.values().stream().filter(v -> !listed.contains(v)).toList();
            if (!absent.isEmpty()) {
                problems.add(texts.get("auth.lacks", required.field(), String.join(", ", absent)));
            }
        }
        return new AuthMetadata(issuer, problems, insecure);
    }

    private static void urlField(ObjectNode root, String field, boolean required, List<String> problems,
                                 List<String> insecure, Texts texts) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(texts.get("auth.missing", field, JsonBody.kindOf(node, texts)));
            }
            return;
        }
        if (!node.isTextual()) {
            problems.add(texts.get("auth.missing", field, JsonBody.kindOf(node, texts)));
            return;
        }
        URI uri = url(node.textValue());
        if (uri == null) {
            problems.add(texts.get("auth.badUrl", field, JsonBody.truncate(node.textValue())));
        } else if (!"https".equalsIgnoreCase(uri.getScheme())) {
            insecure.add(texts.get("auth.notHttps", field, JsonBody.truncate(node.textValue())));
        }
    }

    /** An absolute URL with a host, or null. */
    static URI url(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && uri.getHost() != null && !uri.getHost().isEmpty() ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
