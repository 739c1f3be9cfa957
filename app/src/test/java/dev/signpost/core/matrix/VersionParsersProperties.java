package dev.signpost.core.matrix;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class VersionParsersProperties {

    @Property(tries = 1500)
    void federationVersionNeverThrows(@ForAll byte[] body) {
        FederationVersion version = FederationVersionParser.parse(body, Locale.ENGLISH);
        assertThat(version.error() == null || !version.error().isBlank()).isTrue();
    }

    @Property(tries = 1500)
    void clientVersionsNeverThrows(@ForAll("jsonish") String body) {
        ClientVersions versions = ClientVersionsParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(versions.error() == null ? !versions.versions().isEmpty() : !versions.error().isBlank()).isTrue();
    }

    @Property(tries = 500)
    void anyListOfStringsIsReadBack(@ForAll List<@net.jqwik.api.constraints.StringLength(max = 10) String> list) {
        StringBuilder json = new StringBuilder("{\"versions\":[");
        for (int i = 0; i < list.size(); i++) {
            json.append(i > 0 ? "," : "").append(JsonStrings.quote(list.get(i)));
        }
        ClientVersions versions = ClientVersionsParser.parse(
                json.append("]}").toString().getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        if (list.isEmpty()) {
            assertThat(versions.error()).isNotBlank();
        } else if (versions.error() == null) {
            assertThat(versions.versions()).isEqualTo(list);
        } else {
            // Lone surrogates are not valid UTF-8 once encoded, and are refused with a sentence.
            assertThat(versions.error()).contains("UTF-8");
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":, versionsrv1.0").ofMaxLength(50);
    }
}
