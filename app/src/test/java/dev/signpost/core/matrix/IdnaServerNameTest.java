package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Internationalised server names as registries and browsers convert them (UTS #46, nontransitional). */
class IdnaServerNameTest {

    private static ServerName parse(String text) throws InvalidServerNameException {
        return ServerName.parse(text, Locale.ENGLISH);
    }

    @ParameterizedTest(name = "{0} -> {1} (IDNA2003 made it {2})")
    @CsvSource({
            "faß.de, xn--fa-hia.de, fass.de",
            "βόλος.com, xn--nxasmm1c.com, xn--nxasmq6b.com",
            "نامه\u200Cای.com, xn--mgba3gch31f060k.com, xn--mgba3gch31f.com"})
    void deviationCharactersKeepTheirOwnDomainAndTheLegacyFormIsNamed(String typed, String ascii, String legacy)
            throws Exception {
        ServerName name = parse(typed);
        assertThat(name.host()).isEqualTo(ascii);
        assertThat(name.legacyIdnaHost()).contains(legacy);
    }

    @Test
    void namesBothStandardsAgreeOnHaveNoLegacyForm() throws Exception {
        ServerName name = parse("bücher.example:8448");
        assertThat(name.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(name.port()).isEqualTo(8448);
        assertThat(name.legacyIdnaHost()).isEmpty();
        assertThat(parse("example.com").legacyIdnaHost()).isEmpty();
    }

    @Test
    void upperCaseAsciiIsFoldedNotTreatedAsInternationalised() throws Exception {
        ServerName name = parse("Example.COM");
        assertThat(name.host()).isEqualTo("example.com");
        assertThat(name.isInternationalised()).isFalse();
    }

    @Test
    void aJoinerOutsideItsAllowedContextIsRefusedWithASentence() {
        assertThatThrownBy(() -> parse("a\u200Db.com"))
                .isInstanceOf(InvalidServerNameException.class)
                .hasMessageContaining("invisible joiner");
    }

    @Test
    void rightToLeftMixedWithLatinInOneLabelIsRefused() {
        assertThatThrownBy(() -> parse("a\u05D0.com"))
                .isInstanceOf(InvalidServerNameException.class)
                .hasMessageContaining("right-to-left");
    }

    @Test
    void hyphensInThirdAndFourthPlaceAreRefused() {
        assertThatThrownBy(() -> parse("ab--c.com"))
                .isInstanceOf(InvalidServerNameException.class)
                .hasMessageContaining("hyphen");
    }

    @Test
    void brokenPunycodeIsRefused() {
        assertThatThrownBy(() -> parse("xn--zz.com"))
                .isInstanceOf(InvalidServerNameException.class)
                .hasMessageContaining("not a valid internationalised domain name");
    }

    @Test
    void aCyrillicLetterAmongLatinOnesIsFlaggedAsMixedScripts() throws Exception {
        ServerName spoof = parse("ex\u0430mple.com");
        assertThat(spoof.host()).isEqualTo("xn--exmple-4nf.com");
        assertThat(spoof.mixesScripts()).isTrue();
        assertThat(parse("\u0440\u0443.com").mixesScripts()).isFalse();
        assertThat(parse("faß.de").mixesScripts()).isFalse();
    }

    @Test
    void ideographicFullStopSeparatesLabels() throws Exception {
        assertThat(parse("bücher\u3002example").host()).isEqualTo("xn--bcher-kva.example");
    }
}
