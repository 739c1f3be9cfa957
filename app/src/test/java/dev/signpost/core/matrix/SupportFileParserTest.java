package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SupportFileParserTest {

    private static SupportInfo parse(String body) {
        return SupportFileParser.parse(body.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
    }

    @Test
    void contactsAndPage() {
        SupportInfo info = parse("{\"contacts\":[{\"matrix_id\":\"@admin:example.com\",\"email_address\":"
                + "\"admin@example.com\",\"role\":\"m.role.admin\"},{\"email_address\":\"security@example.com\","
                + "\"role\":\"m.role.security\"}],\"support_page\":\"https://example.com/support\"}");
        assertThat(info.problems()).isEmpty();
        assertThat(info.warnings()).isEmpty();
        assertThat(info.valid()).isTrue();
        assertThat(info.contacts()).isEqualTo(2);
        assertThat(info.supportPage()).isEqualTo("https://example.com/support");
    }

    @Test
    void pageAloneOrContactsAloneAreEnough() {
        assertThat(parse("{\"support_page\":\"https://example.com/help\"}").valid()).isTrue();
        assertThat(parse("{\"contacts\":[{\"role\":\"org.example.role.ops\",\"matrix_id\":\"@ops:example.com\"}]}")
                .valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"contacts\":[]}", "{\"contacts\":{}}", "{\"contacts\":[1]}",
            "{\"contacts\":[{\"matrix_id\":\"@a:example.com\"}]}",
            "{\"contacts\":[{\"role\":\"admin\",\"matrix_id\":\"@a:example.com\"}]}",
            "{\"contacts\":[{\"role\":\"m.role.owner\",\"matrix_id\":\"@a:example.com\"}]}",
            "{\"contacts\":[{\"role\":\"m.role.admin\"}]}",
            "{\"contacts\":[{\"role\":\"m.role.admin\",\"matrix_id\":\"admin\"}]}",
            "{\"contacts\":[{\"role\":\"m.role.admin\",\"email_address\":\"not-an-address\"}]}",
            "{\"support_page\":\"example.com/help\"}", "{\"support_page\":5}", "", "<html></html>"})
    void invalidFilesAreExplained(String body) {
        SupportInfo info = parse(body);
        assertThat(info.valid()).isFalse();
        assertThat(info.problems()).allSatisfy(p -> assertThat(p).isNotBlank());
    }

    @Test
    void problemsNameTheContact() {
        SupportInfo info = parse("{\"contacts\":[{\"role\":\"m.role.admin\",\"matrix_id\":\"@a:example.com\"},"
                + "{\"role\":\"boss\",\"email_address\":\"b@example.com\"}]}");
        assertThat(info.contacts()).isEqualTo(1);
        assertThat(info.problems()).singleElement().asString().contains("Contact 2").contains("boss");
    }

    @Test
    void httpPageAndStrayKeysAreWarnings() {
        SupportInfo info = parse("{\"support_page\":\"http://example.com/help\",\"admins\":[],\"org.example.x\":1}");
        assertThat(info.valid()).isTrue();
        assertThat(info.warnings()).hasSize(2);
        assertThat(info.warnings()).anyMatch(w -> w.contains("admins"));
    }
}
