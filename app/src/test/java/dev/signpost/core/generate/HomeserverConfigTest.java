package dev.signpost.core.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The homeserver snippets parse with real YAML/TOML parsers and carry the planned values. */
class HomeserverConfigTest {

    private static String file(List<GeneratedFile> files, String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    private static List<GeneratedFile> generate(DelegationPlan plan) throws Exception {
        return new ConfigGenerator(Locale.ENGLISH).generate(plan);
    }

    @Test
    void synapseYamlHasTheDelegation() throws Exception {
        DelegationPlan plan = Scenarios.full(WebServerKind.NGINX, HomeserverKind.SYNAPSE);
        JsonNode yaml = new YAMLMapper().readTree(file(generate(plan), SynapseGenerator.PATH));
        assertThat(yaml.get("server_name").asText()).isEqualTo("example.com");
        assertThat(yaml.get("public_baseurl").asText()).isEqualTo("https://matrix.example.com/");
        assertThat(yaml.get("serve_server_wellknown").asBoolean()).isFalse();
        assertThat(yaml.get("default_identity_server").asText()).isEqualTo("https://vector.im");
        assertThat(yaml.at("/extra_well_known_client_content/im.vector.riot.jitsi/preferredDomain").asText())
                .isEqualTo("meet.example.com");
        assertThat(yaml.at("/listeners/0/port").asInt()).isEqualTo(8008);
        assertThat(yaml.at("/listeners/0/x_forwarded").asBoolean()).isTrue();
        assertThat(yaml.at("/listeners/0/bind_addresses/0").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void synapseServesItsOwnServerFileWhenItIsTheWebServer() throws Exception {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.HOMESERVER).federation("example.com", 443).build();
        JsonNode yaml = new YAMLMapper().readTree(file(generate(plan), SynapseGenerator.PATH));
        assertThat(yaml.get("serve_server_wellknown").asBoolean()).isTrue();
    }

    @Test
    void dendriteYamlHasTheWellKnownNames() throws Exception {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.com").toBuilder()
                .homeserver(HomeserverKind.DENDRITE).federation("matrix.example.com", 443).build();
        JsonNode global = new YAMLMapper().readTree(file(generate(plan), DendriteGenerator.PATH)).get("global");
        assertThat(global.get("server_name").asText()).isEqualTo("example.com");
        assertThat(global.get("well_known_server_name").asText()).isEqualTo("matrix.example.com:443");
        assertThat(global.get("well_known_client_name").asText()).isEqualTo("https://matrix.example.com");
    }

    @Test
    void conduitTomlHasTheWellKnownSection() throws Exception {
        DelegationPlan plan = Scenarios.full(WebServerKind.CADDY, HomeserverKind.CONDUIT);
        JsonNode toml = new TomlMapper().readTree(file(generate(plan), ConduitGenerator.PATH));
        assertThat(toml.at("/global/server_name").asText()).isEqualTo("example.com");
        assertThat(toml.at("/global/well_known/client").asText()).isEqualTo("https://matrix.example.com");
        assertThat(toml.at("/global/well_known/server").asText()).isEqualTo("matrix.example.com:8448");
        assertThat(toml.at("/global/well_known/support_mxid").asText()).isEqualTo("@admin:example.com");
    }

    @Test
    void srvModeLeavesOutTheServerFileAndWritesZoneLines() throws Exception {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.com").toBuilder()
                .federationMode(FederationMode.SRV).homeserver(HomeserverKind.CONDUIT).build();
        List<GeneratedFile> files = generate(plan);
        assertThat(files).extracting(GeneratedFile::path).doesNotContain(".well-known/matrix/server")
                .contains(SrvRecordGenerator.PATH);
        assertThat(file(files, SrvRecordGenerator.PATH))
                .contains("_matrix-fed._tcp.example.com. 3600 IN SRV 10 5 8448 matrix.example.com.\n");
        assertThat(new TomlMapper().readTree(file(files, ConduitGenerator.PATH)).at("/global/well_known/server")
                .isMissingNode()).isTrue();
    }

    @Test
    void wellKnownFilesRoundTripThroughAJsonParser() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<GeneratedFile> files = generate(Scenarios.full(WebServerKind.STATIC, HomeserverKind.SYNAPSE).toBuilder()
                .federationProxy(false).build());
        assertThat(json.readTree(file(files, ".well-known/matrix/server")).get("m.server").asText())
                .isEqualTo("matrix.example.com:8448");
        assertThat(json.readTree(file(files, ".well-known/matrix/client")).at("/m.homeserver/base_url").asText())
                .isEqualTo("https://matrix.example.com");
        assertThat(json.readTree(file(files, ".well-known/matrix/support")).at("/contacts/0/role").asText())
                .isEqualTo("m.role.admin");
    }
}
