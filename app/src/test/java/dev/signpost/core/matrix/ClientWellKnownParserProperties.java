package dev.signpost.core.matrix;

import dev.signpost.core.model.ClientState;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ClientWellKnownParserProperties {

    @Property(tries = 2000)
    void anyBytesGiveAConsistentResult(@ForAll byte[] body) {
        assertConsistent(ClientWellKnownParser.parse(body, Locale.ENGLISH));
    }

    @Property(tries = 2000)
    void anyStringAsBaseUrlGivesAConsistentResult(@ForAll String baseUrl) {
        String body = "{\"m.homeserver\":{\"base_url\":" + JsonStrings.quote(baseUrl) + "}}";
        ClientWellKnown result = ClientWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), "example.com",
                Locale.GERMAN);
        assertConsistent(result);
        assertThat(result.state()).isIn(ClientState.SUCCESS, ClientState.FAIL_ERROR);
        assertThat(result.rawBaseUrl()).isEqualTo(baseUrl);
    }

    @Property(tries = 2000)
    void urlLikeBaseUrlsGiveAConsistentResult(@ForAll("urlish") String baseUrl) {
        String body = "{\"m.homeserver\":{\"base_url\":" + JsonStrings.quote(baseUrl) + "},"
                + "\"m.identity_server\":{\"base_url\":" + JsonStrings.quote(baseUrl) + "}}";
        assertConsistent(ClientWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH));
    }

    @Property(tries = 200)
    void extraTrailingSlashesAreNamed(@ForAll("hosts") String host) {
        ClientWellKnown result = ClientWellKnownParser.parse(
                ("{\"m.homeserver\":{\"base_url\":\"https://" + host + "//\"}}").getBytes(StandardCharsets.UTF_8),
                Locale.ENGLISH);
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("https://" + host + "//_matrix"));
    }

    @Property(tries = 1000)
    void wellFormedHttpsUrlsSucceedWithoutTrailingSlash(@ForAll("hosts") String host, @ForAll boolean slash) {
        String baseUrl = "https://" + host + (slash ? "/" : "");
        ClientWellKnown result = ClientWellKnownParser.parse(
                ("{\"m.homeserver\":{\"base_url\":\"" + baseUrl + "\"}}").getBytes(StandardCharsets.UTF_8),
                Locale.ENGLISH);
        assertThat(result.state()).isEqualTo(ClientState.SUCCESS);
        assertThat(result.baseUrl().toString()).isEqualTo("https://" + host);
    }

    @Property(tries = 1500)
    void jsonishTextGivesAConsistentResult(@ForAll("jsonish") String body) {
        assertConsistent(ClientWellKnownParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH));
    }

    private static void assertConsistent(ClientWellKnown result) {
        assertThat(result.state()).isNotNull().isNotEqualTo(ClientState.IGNORE);
        if (result.state() == ClientState.SUCCESS) {
            assertThat(result.problems()).isEmpty();
            assertThat(result.baseUrl()).isNotNull();
            if (String.valueOf(result.baseUrl().getRawPath()).endsWith("/")) {
                // More than one trailing slash: clients strip one, and the user is told about the rest.
                assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("//_matrix"));
            }
        } else {
            assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
        }
        result.warnings().forEach(w -> assertThat(w).isNotBlank());
    }

    @Provide
    Arbitrary<String> urlish() {
        return Arbitraries.strings().withChars("htps:/[]@?#%.-_0123456789abcxyz: \\").ofMaxLength(40)
                .map(s -> Arbitraries.of("https://", "http://", "", "HTTPS://").sample() + s);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,. m.homeservr_baseurl/htps:").ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> label = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(15);
        return label.list().ofMinSize(2).ofMaxSize(4).map(labels -> String.join(".", labels))
                .filter(h -> !h.endsWith(".localhost") && !h.equals("localhost"));
    }
}
