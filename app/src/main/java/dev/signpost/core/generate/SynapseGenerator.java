package dev.signpost.core.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.io.JsonNumbers;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.WebServerKind;

import java.util.List;
import java.util.Map;

/**
 * Synapse ({@code homeserver.yaml}): the server name, {@code public_baseurl} (which Synapse also serves as the
 * client file's base URL), {@code serve_server_wellknown} when Synapse itself answers for the server name, the
 * identity server and extra client keys, with a proxy the plain-HTTP listener the proxy forwards to, and the
 * settings calls and a sign-in service need.
 *
 * <p>The key names of the calls and sign-in settings were checked in Synapse's own sources (element-hq/synapse
 * at a58ad44, 2026-07): {@code docs/usage/configuration/config_documentation.md} ({@code matrix_rtc.transports},
 * {@code max_event_delay_duration}, {@code rc_delayed_event_mgmt}, {@code matrix_authentication_service} with
 * {@code enabled}, {@code endpoint}, {@code secret_path}), {@code synapse/config/experimental.py}
 * ({@code msc4143_enabled}) and {@code rust/src/handlers/versions.rs} ({@code org.matrix.msc4143} and
 * {@code org.matrix.msc4140} advertised from those settings). The rate limits are the ones Element's own Helm
 * charts set for calls (element-hq/ess-helm, Synapse shared underrides).
 */
public final class SynapseGenerator implements FileGenerator {

    static final String PATH = "synapse/signpost-homeserver.yaml";
    private static final ObjectMapper JSON = JsonNumbers.exactMapper();

    @Override
    public List<GeneratedFile> generate(GenerationContext c) {
        var plan = c.plan();
        boolean servesItself = plan.webServer() == WebServerKind.HOMESERVER
                && plan.federationMode() == FederationMode.WELL_KNOWN;
        String baseUrl = plan.clientBaseUrl().endsWith("/") ? plan.clientBaseUrl() : plan.clientBaseUrl() + "/";
        StringBuilder out = new StringBuilder();
        out.append(FileHeaders.homeserver("Synapse", c));
        out.append("# Merge these keys into homeserver.yaml (Debian: /etc/matrix-synapse/homeserver.yaml and\n");
        out.append("# conf.d/server_name.yaml), replacing keys of the same name, then restart Synapse.\n");
        out.append(FileHeaders.SERVER_NAME_IS_FINAL);
        out.append("server_name: ").append(ConfigText.yamlQuoted(plan.serverName())).append('\n');
        out.append("# The URL clients use; Synapse serves it as m.homeserver.base_url in /.well-known/matrix/client.\n");
        out.append("public_baseurl: ").append(ConfigText.yamlQuoted(baseUrl)).append('\n');
        if (servesItself) {
            out.append("# Synapse answers /.well-known/matrix/server itself with ").append(plan.serverName())
                    .append(":443.\n");
        } else {
            out.append("# The web server serves /.well-known/matrix/server, not Synapse.\n");
        }
        out.append("serve_server_wellknown: ").append(servesItself).append('\n');
        if (plan.identityServerUrl() != null) {
            out.append("default_identity_server: ").append(ConfigText.yamlQuoted(plan.identityServerUrl()))
                    .append('\n');
        }
        if (!plan.extraClientKeys().isEmpty()) {
            out.append("# Extra keys Synapse adds to its /.well-known/matrix/client answer (JSON is valid YAML).\n");
            out.append("extra_well_known_client_content:\n");
            for (Map.Entry<String, String> extra : plan.extraClientKeys().entrySet()) {
                out.append("  ").append(ConfigText.yamlQuoted(extra.getKey())).append(": ")
                        .append(compactJson(extra.getValue())).append('\n');
            }
        }
        if (plan.hasCallService()) {
            calls(plan.callServiceUrl(), plan.extraClientKeys().isEmpty(), out);
        }
        if (plan.hasAuthIssuer()) {
            signIn(plan.authIssuerUrl(), out);
        }
        if (plan.federationProxy()) {
            out.append("# The listener the reverse proxy forwards to. If homeserver.yaml already has listeners,\n");
            out.append("# make one of them match this instead of adding a second list.\n");
            out.append("listeners:\n");
            out.append("  - port: ").append(c.upstream().effectivePort()).append('\n');
            out.append("    tls: false\n");
            out.append("    type: http\n");
            out.append("    x_forwarded: true\n");
            out.append("    bind_addresses: [").append(ConfigText.yamlQuoted(c.upstream().host())).append("]\n");
            out.append("    resources:\n");
            out.append("      - names: [client, federation]\n");
            out.append("        compress: false\n");
        }
        return List.of(new GeneratedFile(PATH, c.text("purpose.synapse", plan.serverName()), out.toString()));
    }

    private static void calls(String serviceUrl, boolean noExtraKeys, StringBuilder out) {
        String url = ConfigText.yamlQuoted(serviceUrl);
        if (noExtraKeys) {
            out.append("# The call service in Synapse's own /.well-known/matrix/client answer (older Element Call).\n");
            out.append("extra_well_known_client_content:\n");
        }
        out.append("  \"org.matrix.msc4143.rtc_foci\": [{\"type\": \"livekit\", \"livekit_service_url\": ")
                .append(url).append("}]\n");
        out.append("# Element Call finds the call service at /_matrix/client/unstable/org.matrix.msc4143/rtc/transports;\n");
        out.append("# Synapse serves it, and lists org.matrix.msc4143 in /versions, only with msc4143_enabled.\n");
        out.append("experimental_features:\n");
        out.append("  msc4143_enabled: true\n");
        out.append("matrix_rtc:\n");
        out.append("  transports:\n");
        out.append("    - type: livekit\n");
        out.append("      livekit_service_url: ").append(url).append('\n');
        out.append("# Delayed events (MSC4140), which calls need to end cleanly; Synapse lists org.matrix.msc4140\n");
        out.append("# in /versions only when this is set.\n");
        out.append("max_event_delay_duration: 24h\n");
        out.append("# Calls share encryption keys in bursts and refresh their delayed events every few seconds.\n");
        out.append("rc_message:\n");
        out.append("  per_second: 0.5\n");
        out.append("  burst_count: 30\n");
        out.append("rc_delayed_event_mgmt:\n");
        out.append("  per_second: 1\n");
        out.append("  burst_count: 20\n");
    }

    private static void signIn(String issuer, StringBuilder out) {
        out.append("# Sign-in through Matrix Authentication Service at ").append(issuer).append(".\n");
        out.append("# Put the secret MAS has as matrix.secret into the file below, readable only by Synapse. The\n");
        out.append("# endpoint may also be MAS's local listener, such as http://localhost:8080/.\n");
        out.append("matrix_authentication_service:\n");
        out.append("  enabled: true\n");
        out.append("  endpoint: ").append(ConfigText.yamlQuoted(issuer)).append('\n');
        out.append("  secret_path: \"/etc/matrix-synapse/mas_shared_secret\"\n");
    }

    private static String compactJson(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated extra value is not JSON", e);
        }
    }
}
