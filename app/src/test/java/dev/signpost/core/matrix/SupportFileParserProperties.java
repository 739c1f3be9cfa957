package dev.signpost.core.matrix;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SupportFileParserProperties {

    @Property(tries = 1500)
    void anyBytesGiveAVerdict(@ForAll byte[] body) {
        assertConsistent(SupportFileParser.parse(body, Locale.ENGLISH));
    }

    @Property(tries = 1500)
    void generatedContactsGiveAVerdict(@ForAll("roles") String role, @ForAll("ids") String matrixId,
                                       @ForAll String email, @ForAll String page) {
        String body = "{\"contacts\":[{\"role\":" + JsonStrings.quote(role) + ",\"matrix_id\":"
                + JsonStrings.quote(matrixId) + ",\"email_address\":" + JsonStrings.quote(email) + "}],"
                + "\"support_page\":" + JsonStrings.quote(page) + "}";
        SupportInfo info = SupportFileParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.GERMAN);
        assertConsistent(info);
        assertThat(info.contacts()).isBetween(0, 1);
    }

    private static void assertConsistent(SupportInfo info) {
        info.problems().forEach(p -> assertThat(p).isNotBlank());
        info.warnings().forEach(w -> assertThat(w).isNotBlank());
        assertThat(info.contacts()).isNotNegative();
    }

    @Provide
    Arbitrary<String> roles() {
        return Arbitraries.oneOf(Arbitraries.of("m.role.admin", "m.role.security", "org.example.x", "m.role.x"),
                Arbitraries.strings().ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().withChars("@:abc.-[]1").ofMaxLength(20);
    }
}
