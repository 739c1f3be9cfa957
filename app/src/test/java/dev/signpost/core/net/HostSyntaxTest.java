package dev.signpost.core.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HostSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "matrix.example.com.", "localhost", "xn--bcher-kva.example", "a-b.c0",
            "203.0.113.5", "0.0.0.0", "[2001:db8::5]", "[::1]", "[::ffff:192.0.2.1]", "1a.example"})
    void acceptsWhatClientsConnectTo(String host) {
        assertThat(HostSyntax.check(host)).as(host).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|EMPTY",
            ".|EMPTY",
            "[fe80::1%25eth0]|ZONE_ID",
            "[fe80::1%eth0]|ZONE_ID",
            "fe80::1%1|ZONE_ID",
            "[2001:db8::5|BAD_IPV6",
            "[2001:db8:::5]|BAD_IPV6",
            "[example.com]|BAD_IPV6",
            "[1.2.3.4]|BAD_IPV6",
            "2001:db8::5|BAD_IPV6",
            "203.0.113.256|BAD_IPV4",
            "example.123|NUMERIC_LAST_LABEL",
            "1.2.3|NUMERIC_LAST_LABEL",
            "-example.com|BAD_LABEL",
            "example-.com|BAD_LABEL",
            "example..com|BAD_LABEL",
            "exa_mple.com|BAD_CHARACTER",
            "exa mple.com|BAD_CHARACTER",
            "bücher.example|BAD_CHARACTER"})
    void refusesWithAReason(String host, HostSyntax.Flaw flaw) {
        assertThat(HostSyntax.check(host)).as(host).contains(flaw);
        assertThat(HostSyntax.problem(host, Locale.ENGLISH)).isNotBlank();
        assertThat(HostSyntax.problem(host, Locale.GERMAN)).isNotBlank()
                .isNotEqualTo(HostSyntax.problem(host, Locale.ENGLISH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com\u0000", "example.com\r\nX-Injected", "exam\u202Eple.com"})
    void refusesControlAndFormatCharacters(String host) {
        assertThat(HostSyntax.check(host)).contains(HostSyntax.Flaw.BAD_CHARACTER);
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 300})
    void refusesOverlongLabelsAndNames(int length) {
        String host = "a".repeat(length) + ".example";
        assertThat(HostSyntax.check(host)).isPresent();
        String longName = ("a".repeat(60) + ".").repeat(5) + "example";
        assertThat(HostSyntax.check(longName)).contains(HostSyntax.Flaw.TOO_LONG);
    }
}
