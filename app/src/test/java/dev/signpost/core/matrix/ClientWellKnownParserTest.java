package dev.signpost.core.matrix;

import dev.signpost.core.model.ClientState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ClientWellKnownParserTest {

    private static ClientWellKnown parse(String body) {
        return ClientWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
    }

    private static String homeserver(String baseUrl) {
        return "{\"m.homeserver\":{\"base_url\":" + JsonStrings.quote(baseUrl) + "}}";
    }

    @Test
    void validFileIsSuccessSoFar() {
        ClientWellKnown result = parse(homeserver("https://matrix.example.com"));
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.baseUrl()).isEqualTo(URI.create("https://matrix.example.com"));
        assertThat(result.rawBaseUrl()).isEqualTo("https://matrix.example.com");
        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.identityServerUrl()).isNull();
    }

    @Test
    void trailingSlashIsAllowedAndRemoved() {
        ClientWellKnown result = parse(homeserver("https://matrix.example.com/"));
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.baseUrl().toString()).isEqualTo("https://matrix.example.com");
        assertThat(result.rawBaseUrl()).isEqualTo("https://matrix.example.com/");
        assertThat(parse(homeserver("https://example.com/matrix/")).baseUrl().toString())
                .isEqualTo("https://example.com/matrix");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "[]", "\"text\"", "<!DOCTYPE html><html></html>", "{}",
            "{\"m.homeserver\":\"https://matrix.example.com\"}", "{\"m.homeserver\":{}}",
            "{\"m.homeserver\":{\"base_url\":42}}", "{\"m.homeserver\":{\"base_url\":null}}"})
    void unusableFilesArePromptFailures(String body) {
        ClientWellKnown result = parse(body);
        assertThat(result.state()).isEqualTo(ClientState.FAIL_PROMPT);
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
        assertThat(result.baseUrl()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix.example.com", "ftp://matrix.example.com", "https://", "https:///path",
            "https://exa mple.com", "https://under_score.example.com", ""})
    void badBaseUrlsAreErrorFailures(String baseUrl) {
        ClientWellKnown result = parse(homeserver(baseUrl));
        assertThat(result.state()).isEqualTo(ClientState.FAIL_ERROR);
        assertThat(result.problems()).hasSize(1);
        assertThat(result.baseUrl()).isNull();
        assertThat(result.rawBaseUrl()).isEqualTo(baseUrl);
    }

    @Test
    void missingSchemeSuggestsTheFix() {
        ClientWellKnown result = parse(homeserver("matrix.example.com"));
        assertThat(result.problems().get(0)).contains("no scheme").contains("https://matrix.example.com");
    }

    @Test
    void identityServerWithoutBaseUrlIsPromptFailure() {
        ClientWellKnown result = parse("{\"m.homeserver\":{\"base_url\":\"https://m.example.com\"},"
                + "\"m.identity_server\":{}}");
        assertThat(result.state()).isEqualTo(ClientState.FAIL_PROMPT);
        assertThat(result.baseUrl()).isNotNull();
        assertThat(result.problems().get(0)).contains("m.identity_server");
    }

    @Test
    void invalidIdentityServerUrlIsErrorFailure() {
        ClientWellKnown result = parse("{\"m.homeserver\":{\"base_url\":\"https://m.example.com\"},"
                + "\"m.identity_server\":{\"base_url\":\"vector.im\"}}");
        assertThat(result.state()).isEqualTo(ClientState.FAIL_ERROR);
        assertThat(result.rawIdentityServerUrl()).isEqualTo("vector.im");
        assertThat(result.identityServerUrl()).isNull();
    }

    @Test
    void validIdentityServerIsKept() {
        ClientWellKnown result = parse("{\"m.homeserver\":{\"base_url\":\"https://m.example.com\"},"
                + "\"m.identity_server\":{\"base_url\":\"https://id.example.com/\"}}");
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.identityServerUrl()).isEqualTo(URI.create("https://id.example.com"));
    }

    @Test
    void firstFailureDecidesTheStateButAllProblemsAreListed() {
        ClientWellKnown result = parse("{\"m.homeserver\":{\"base_url\":\"m.example.com\"},"
                + "\"m.identity_server\":{}}");
        assertThat(result.state()).isEqualTo(ClientState.FAIL_ERROR);
        assertThat(result.problems()).hasSize(2);
    }

    @Test
    void plainHttpIsWarned() {
        ClientWellKnown result = parse(homeserver("http://matrix.example.com"));
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.warnings()).singleElement().asString().contains("plain http");
    }

    @Test
    void plainHttpToTheWellKnownHostIsCalledOut() {
        ClientWellKnown result = ClientWellKnownParser.parse(
                homeserver("http://example.com").getBytes(StandardCharsets.UTF_8), "example.com", Locale.ENGLISH);
        assertThat(result.warnings()).singleElement().asString().contains("https://example.com");
    }

    @Test
    void unnamespacedKeysAreWarnedNamespacedOnesAreNot() {
        ClientWellKnown result = parse("{\"m.homeserver\":{\"base_url\":\"https://m.example.com\"},"
                + "\"org.example.key\":1,\"m.tile_server\":{},\"homeserver\":\"x\",\"extra\":2}");
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.warnings()).singleElement().asString().contains("homeserver, extra")
                .contains("namespaced: homeserver, extra.").doesNotContain("m.tile_server");
    }

    @Test
    void queryFragmentMatrixPathAndLocalAddressesAreWarned() {
        assertThat(parse(homeserver("https://m.example.com/?x=1")).warnings()).anyMatch(w -> w.contains("query"));
        assertThat(parse(homeserver("https://m.example.com/#top")).warnings()).anyMatch(w -> w.contains("fragment"));
        assertThat(parse(homeserver("https://m.example.com/_matrix/client")).warnings())
                .anyMatch(w -> w.contains("/_matrix"));
        assertThat(parse(homeserver("https://localhost:8008")).warnings()).anyMatch(w -> w.contains("private"));
        assertThat(parse(homeserver("https://192.168.1.10")).warnings()).anyMatch(w -> w.contains("private"));
        assertThat(parse(homeserver("https://[::1]:8008")).warnings()).anyMatch(w -> w.contains("private"));
        assertThat(parse(homeserver("https://203.0.113.7")).warnings()).isEmpty();
    }

    @Test
    void speaksGerman() {
        ClientWellKnown result = ClientWellKnownParser.parse("{}".getBytes(StandardCharsets.UTF_8), Locale.GERMAN);
        assertThat(result.problems().get(0)).contains("kein m.homeserver");
    }
}
