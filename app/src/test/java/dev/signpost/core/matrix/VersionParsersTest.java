package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VersionParsersTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void federationVersionNameAndVersion() {
        FederationVersion version = FederationVersionParser.parse(
                utf8("{\"server\":{\"name\":\"Synapse\",\"version\":\"1.120.0\"}}"), Locale.ENGLISH);
        assertThat(version).isEqualTo(new FederationVersion("Synapse", "1.120.0", null));
    }

    @Test
    void federationVersionFieldsAreOptional() {
        assertThat(FederationVersionParser.parse(utf8("{\"server\":{}}"), Locale.ENGLISH))
                .isEqualTo(new FederationVersion(null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"server\":\"Synapse\"}", "{\"server\":{\"name\":1}}",
            "{\"server\":{\"version\":[]}}", "<html>404</html>", "[]"})
    void federationVersionErrors(String body) {
        FederationVersion version = FederationVersionParser.parse(utf8(body), Locale.ENGLISH);
        assertThat(version.error()).isNotBlank();
        assertThat(version.name()).isNull();
    }

    @Test
    void missingServerSuggestsTheProxy() {
        assertThat(FederationVersionParser.parse(utf8("{}"), Locale.ENGLISH).error()).contains("/_matrix");
    }

    @Test
    void clientVersionsList() {
        ClientVersions versions = ClientVersionsParser.parse(
                utf8("{\"versions\":[\"r0.6.1\",\"v1.11\"],\"unstable_features\":{\"x\":true}}"), Locale.ENGLISH);
        assertThat(versions.error()).isNull();
        assertThat(versions.versions()).containsExactly("r0.6.1", "v1.11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"versions\":\"v1.11\"}", "{\"versions\":[1]}", "{\"versions\":[]}",
            "{\"versions\":[\"v1.1\",null]}", "not json"})
    void clientVersionsErrors(String body) {
        ClientVersions versions = ClientVersionsParser.parse(utf8(body), Locale.GERMAN);
        assertThat(versions.error()).isNotBlank();
        assertThat(versions.versions()).isEmpty();
    }
}
