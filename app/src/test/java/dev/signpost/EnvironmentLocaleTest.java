package dev.signpost;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentLocaleTest {

    @Test
    void posixPrecedenceDecides() {
        assertThat(EnvironmentLocale.of(Map.of("LANG", "de_DE.UTF-8"))).contains(Locale.GERMANY);
        assertThat(EnvironmentLocale.of(Map.of("LANG", "de_DE.UTF-8", "LC_MESSAGES", "en_GB.UTF-8")))
                .contains(Locale.UK);
        assertThat(EnvironmentLocale.of(Map.of("LANG", "en_GB", "LC_MESSAGES", "en_GB", "LC_ALL", "de_AT@euro")))
                .contains(new Locale("de", "AT"));
        assertThat(EnvironmentLocale.of(Map.of("LANG", "de"))).contains(Locale.GERMAN);
    }

    @Test
    void cPosixEmptyAndNonsenseNameNoLanguage() {
        assertThat(EnvironmentLocale.of(Map.of("LANG", "C.UTF-8"))).isEmpty();
        assertThat(EnvironmentLocale.of(Map.of("LC_ALL", "POSIX", "LANG", "de_DE.UTF-8"))).isEmpty();
        assertThat(EnvironmentLocale.of(Map.of())).isEmpty();
        assertThat(EnvironmentLocale.of(Map.of("LANG", "/etc/passwd"))).isEmpty();
    }

    @Test
    void utf8IsWantedWhenTheDecidingVariableSaysSo() {
        assertThat(EnvironmentLocale.wantsUtf8(Map.of("LANG", "de_DE.UTF-8"))).isTrue();
        assertThat(EnvironmentLocale.wantsUtf8(Map.of("LANG", "de_DE.utf8@euro"))).isTrue();
        assertThat(EnvironmentLocale.wantsUtf8(Map.of("LANG", "de_DE.UTF-8", "LC_ALL", "de_DE.ISO-8859-1"))).isFalse();
        assertThat(EnvironmentLocale.wantsUtf8(Map.of("LANG", "de_DE"))).isFalse();
    }
}
