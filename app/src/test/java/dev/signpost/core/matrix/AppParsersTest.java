package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The parsers of what the modern apps read, on the bodies real servers send and the mistakes seen in the wild. */
class AppParsersTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void validMetadataIsAccepted() {
        AuthMetadata m = AuthMetadataParser.parse(b(AppParsersProperties.validMetadata()), Locale.ENGLISH);
        assertThat(m.valid()).as(m.problems().toString()).isTrue();
        assertThat(m.issuer()).isEqualTo("https://auth.example.org/");
    }

    @Test
    void httpUrlsAreRefusedByName() {
        AuthMetadata m = AuthMetadataParser.parse(b(AppParsersProperties.validMetadata()
                .replace("https://auth.example.org/oauth2/token", "http://[::]:8080/oauth2/token")), Locale.ENGLISH);
        assertThat(m.valid()).isFalse();
        assertThat(m.insecureUrls()).singleElement().asString().contains("token_endpoint")
                .contains("http://[::]:8080/oauth2/token");
    }

    @Test
    void anIssuerWithAQueryIsRefused() {
        AuthMetadata m = AuthMetadataParser.parse(b(AppParsersProperties.validMetadata()
                .replace("\"https://auth.example.org/\"", "\"https://auth.example.org/?x=1\"")), Locale.ENGLISH);
        assertThat(m.problems()).singleElement().asString().contains("query or fragment");
    }

    @Test
    void missingValuesAreNamed() {
        AuthMetadata m = AuthMetadataParser.parse(b(AppParsersProperties.validMetadata()
                .replace("\"S256\"", "\"plain\"").replace(",\"refresh_token\"", "")), Locale.GERMAN);
        assertThat(m.problems()).hasSize(2);
        assertThat(String.join(" ", m.problems())).contains("S256").contains("refresh_token");
    }

    @Test
    void htmlIsNotMatrix() {
        MatrixAnswer a = MatrixAnswerParser.parse(b("<html><body>404</body></html>"), "GET /x", Locale.ENGLISH);
        assertThat(a.kind()).isEqualTo(MatrixAnswer.Kind.NOT_MATRIX);
        assertThat(a.problem()).contains("HTML");
        assertThat(MatrixAnswerParser.parse(b("{\"errcode\":\"M_UNRECOGNIZED\"}"), "GET /x", Locale.ENGLISH)
                .unrecognized()).isTrue();
        assertThat(MatrixAnswerParser.parse(b("{\"errcode\":7}"), "GET /x", Locale.ENGLISH).kind())
                .isEqualTo(MatrixAnswer.Kind.JSON_OBJECT);
    }

    @Test
    void flagsAreOnOnlyWhenTrue() {
        ClientFeatures f = ClientFeaturesParser.parse(b("{\"versions\":[\"v1.12\",\"v1.15\"],\"unstable_features\":"
                + "{\"org.matrix.simplified_msc3575\":true,\"org.matrix.msc4143\":false,"
                + "\"org.matrix.msc4140\":\"true\"}}"), Locale.ENGLISH);
        assertThat(f.has(ClientFeatures.SLIDING_SYNC)).isTrue();
        assertThat(f.has(ClientFeatures.RTC_TRANSPORTS)).isFalse();
        assertThat(f.has(ClientFeatures.DELAYED_EVENTS)).isFalse();
        assertThat(f.problems()).singleElement().asString().contains("org.matrix.msc4140");
        assertThat(f.supportsAtLeast(15)).isTrue();
        assertThat(f.supportsAtLeast(16)).isFalse();
    }

    @Test
    void fociKeepHttpsLivekitServicesAndExplainTheRest() {
        AppWellKnown wk = AppWellKnownParser.parse(b("{\"org.matrix.msc4143.rtc_foci\":["
                + "{\"type\":\"livekit\",\"livekit_service_url\":\"https://calls.example.org/jwt/\"},"
                + "{\"type\":\"livekit\",\"livekit_service_url\":\"http://calls.example.org\"},"
                + "{\"type\":\"nextgen\"},"
                + "{\"livekit_service_url\":\"https://x.example.org\"}],"
                + "\"org.matrix.msc2965.authentication\":{\"issuer\":\"https://auth.example.org/\"},"
                + "\"org.matrix.msc3575.proxy\":{\"url\":\"https://ss.example.org\"}}"), Locale.ENGLISH);
        assertThat(wk.livekitServices()).extracting(Object::toString).containsExactly("https://calls.example.org/jwt");
        assertThat(wk.fociProblems()).hasSize(2);
        assertThat(wk.fociProblems().get(0)).contains("Entry 2").contains("not https");
        assertThat(wk.fociProblems().get(1)).contains("Entry 4").contains("no \"type\"");
        assertThat(wk.authIssuer()).isEqualTo("https://auth.example.org/");
        assertThat(wk.slidingSyncProxy()).isEqualTo("https://ss.example.org");
    }
}
