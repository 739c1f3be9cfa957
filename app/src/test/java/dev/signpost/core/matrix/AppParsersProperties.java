package dev.signpost.core.matrix;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile /versions, auth metadata, rtc_foci and error bodies: no exception escapes, every bad input a sentence. */
class AppParsersProperties {

    @Property(tries = 1500)
    void featuresNeverThrow(@ForAll("versionsLike") String body) {
        ClientFeatures features = ClientFeaturesParser.parse(bytes(body), Locale.ENGLISH);
        assertThat(features.error() == null || !features.error().isBlank()).isTrue();
        assertThat(features.problems()).allMatch(p -> !p.isBlank());
        if (features.error() != null) {
            assertThat(features.enabled()).isEmpty();
        }
    }

    @Property(tries = 1000)
    void featuresFromRawBytesNeverThrow(@ForAll byte[] body) {
        ClientFeatures features = ClientFeaturesParser.parse(body, Locale.GERMAN);
        assertThat(features.error() == null || !features.error().isBlank()).isTrue();
    }

    @Property(tries = 1500)
    void metadataNeverThrowsAndEveryRefusalIsASentence(@ForAll("metadataLike") String body) {
        AuthMetadata metadata = AuthMetadataParser.parse(bytes(body), Locale.ENGLISH);
        assertThat(metadata.problems()).allMatch(p -> !p.isBlank());
        assertThat(metadata.insecureUrls()).allMatch(p -> !p.isBlank());
        // Garbage is never accepted as valid metadata.
        assertThat(metadata.valid()).isFalse();
    }

    @Property(tries = 1000)
    void metadataFromRawBytesIsNeverValid(@ForAll byte[] body) {
        AuthMetadata metadata = AuthMetadataParser.parse(body, Locale.ENGLISH);
        assertThat(metadata.valid()).isFalse();
        assertThat(metadata.problems()).isNotEmpty().allMatch(p -> !p.isBlank());
    }

    @Property(tries = 500)
    void anyNonHttpsIssuerIsRefused(@ForAll("schemes") String scheme) {
        String body = validMetadata().replace("\"issuer\":\"https://auth.example.org/\"",
                "\"issuer\":\"" + scheme + "://auth.example.org/\"");
        AuthMetadata metadata = AuthMetadataParser.parse(bytes(body), Locale.ENGLISH);
        assertThat(metadata.valid()).isFalse();
    }

    @Property(tries = 1500)
    void fociNeverThrowAndOnlyHttpsServicesAreKept(@ForAll("fociLike") String foci) {
        String body = "{\"m.homeserver\":{\"base_url\":\"https://hs.example.org\"},"
                + "\"org.matrix.msc4143.rtc_foci\":" + foci + "}";
        AppWellKnown wk = AppWellKnownParser.parse(bytes(body), Locale.ENGLISH);
        assertThat(wk.fociProblems()).allMatch(p -> !p.isBlank());
        assertThat(wk.livekitServices()).allMatch(u -> "https".equalsIgnoreCase(u.getScheme()));
        assertThat(wk.livekitServices().size()).isLessThanOrEqualTo(AppWellKnownParser.MAX_FOCI);
    }

    @Property(tries = 1000)
    void wellKnownExtrasFromRawBytesNeverThrow(@ForAll byte[] body) {
        AppWellKnown wk = AppWellKnownParser.parse(body, Locale.ENGLISH);
        assertThat(wk.livekitServices()).isEmpty();
    }

    @Property(tries = 1500)
    void answersAreAlwaysOneOfThreeKinds(@ForAll("errorLike") String body) {
        MatrixAnswer answer = MatrixAnswerParser.parse(bytes(body), "GET /x", Locale.ENGLISH);
        assertThat(answer.kind()).isNotNull();
        assertThat(answer.kind() == MatrixAnswer.Kind.NOT_MATRIX).isEqualTo(answer.problem() != null);
        assertThat(answer.kind() == MatrixAnswer.Kind.MATRIX_ERROR).isEqualTo(answer.errcode() != null);
        if (answer.problem() != null) {
            assertThat(answer.problem()).isNotBlank();
        }
    }

    static String validMetadata() {
        return "{\"issuer\":\"https://auth.example.org/\","
                + "\"authorization_endpoint\":\"https://auth.example.org/authorize\","
                + "\"token_endpoint\":\"https://auth.example.org/oauth2/token\","
                + "\"revocation_endpoint\":\"https://auth.example.org/oauth2/revoke\","
                + "\"registration_endpoint\":\"https://auth.example.org/oauth2/registration\","
                + "\"response_types_supported\":[\"code\"],"
                + "\"grant_types_supported\":[\"authorization_code\",\"refresh_token\"],"
                + "\"response_modes_supported\":[\"query\",\"fragment\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"]}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Provide
    Arbitrary<String> versionsLike() {
        Arbitrary<String> value = Arbitraries.of("true", "false", "null", "1", "\"true\"", "[]", "{}", "[true]");
        Arbitrary<String> key = Arbitraries.of("org.matrix.simplified_msc3575", "org.matrix.msc4143",
                "org.matrix.msc4140", "x", "");
        Arbitrary<String> member = Combinators.combine(key, value).as((k, v) -> "\"" + k + "\":" + v);
        Arbitrary<String> features = Arbitraries.oneOf(member.list().ofMaxSize(4).map(l -> "{" + String.join(",", l)
                + "}"), value);
        Arbitrary<String> wellFormed = features.map(f -> "{\"versions\":[\"v1.11\"],\"unstable_features\":" + f + "}");
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\":, unstable_featuresorgmatrix.tf")
                .ofMaxLength(60);
        return Arbitraries.oneOf(wellFormed, noise);
    }

    @Provide
    Arbitrary<String> metadataLike() {
        String valid = validMetadata();
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, valid.length() - 1);
        Arbitrary<String> truncated = cut.map(i -> valid.substring(0, i));
        Arbitrary<String> dropped = Arbitraries.of("issuer", "authorization_endpoint", "token_endpoint",
                "revocation_endpoint", "registration_endpoint", "S256", "refresh_token", "fragment", "code\"")
                .map(word -> valid.replace(word, "x" + word.substring(1)));
        Arbitrary<String> typed = Arbitraries.of("1", "null", "[]", "{}", "\"\"", "\"ftp://a\"", "\" \"")
                .map(v -> valid.replace("\"https://auth.example.org/oauth2/token\"", v));
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\":, issuerhtps/").ofMaxLength(60);
        return Arbitraries.oneOf(truncated, dropped, typed, noise);
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.oneOf(Arbitraries.of("http", "HTTP", "ftp", "ws"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6)
                        .filter(s -> !s.equals("https")));
    }

    @Provide
    Arbitrary<String> fociLike() {
        Arbitrary<String> url = Arbitraries.of("\"https://lk.example.org\"", "\"http://lk.example.org\"",
                "\"https://\"", "\"\"", "\"lk.example.org\"", "1", "null", "[]", "\"https://lk.example.org/\"",
                "\"https://[::1]:8443/x?y#z\"", "\" https://lk.example.org \"");
        Arbitrary<String> type = Arbitraries.of("\"livekit\"", "\"other\"", "1", "null");
        Arbitrary<String> entry = Arbitraries.oneOf(
                Combinators.combine(type, url).as((t, u) -> "{\"type\":" + t + ",\"livekit_service_url\":" + u + "}"),
                Arbitraries.of("1", "null", "\"x\"", "[]", "{}"));
        Arbitrary<String> list = entry.list().ofMaxSize(20).map(l -> "[" + String.join(",", l) + "]");
        return Arbitraries.oneOf(list, Arbitraries.of("{}", "1", "null", "\"x\"", "[]", "true"));
    }

    @Provide
    Arbitrary<String> errorLike() {
        Arbitrary<String> code = Arbitraries.of("\"M_UNRECOGNIZED\"", "\"M_MISSING_TOKEN\"", "1", "null", "[]",
                "{}");
        Arbitrary<String> json = code.map(c -> "{\"errcode\":" + c + ",\"error\":\"x\"}");
        Arbitrary<String> html = Arbitraries.of("<html>404</html>", "<!doctype html>", "  <h1>Not Found</h1>");
        Arbitrary<String> noise = Arbitraries.strings().withChars("{}[]\":, errcodeM_<>").ofMaxLength(40);
        return Arbitraries.oneOf(json, html, noise);
    }
}
