package dev.signpost.core.matrix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerNameTest {

    private static ServerName parse(String text) throws InvalidServerNameException {
        return ServerName.parse(text, Locale.ENGLISH);
    }

    @Test
    void plainDnsName() throws Exception {
        ServerName name = parse("example.com");
        assertThat(name.type()).isEqualTo(ServerName.HostType.DNS);
        assertThat(name.host()).isEqualTo("example.com");
        assertThat(name.hasPort()).isFalse();
        assertThat(name.authority()).isEqualTo("example.com");
    }

    @Test
    void dnsNameWithPort() throws Exception {
        ServerName name = parse("matrix.example.com:8448");
        assertThat(name.host()).isEqualTo("matrix.example.com");
        assertThat(name.port()).isEqualTo(8448);
        assertThat(name.authority()).isEqualTo("matrix.example.com:8448");
    }

    @Test
    void ipv4LiteralWithPort() throws Exception {
        ServerName name = parse("203.0.113.5:8449");
        assertThat(name.type()).isEqualTo(ServerName.HostType.IPV4);
        assertThat(name.isIpLiteral()).isTrue();
        assertThat(name.port()).isEqualTo(8449);
    }

    @Test
    void bracketedIpv6() throws Exception {
        ServerName name = parse("[2001:db8::5]:8448");
        assertThat(name.type()).isEqualTo(ServerName.HostType.IPV6);
        assertThat(name.host()).isEqualTo("2001:db8::5");
        assertThat(name.hostForUrl()).isEqualTo("[2001:db8::5]");
        assertThat(name.authority()).isEqualTo("[2001:db8::5]:8448");
    }

    @Test
    void internationalisedNameIsLookedUpAsPunycode() throws Exception {
        ServerName name = parse("bücher.example");
        assertThat(name.host()).isEqualTo("xn--bcher-kva.example");
        assertThat(name.original()).isEqualTo("bücher.example");
        assertThat(name.isInternationalised()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "https://example.com", "example.com/path", "@alice:example.com",
            "exa mple.com", "2001:db8::1", "example.com:0", "example.com:65536", "example.com:http",
            "example.com:", "300.1.1.1", "[2001:db8::1", "[nothex]", "[2001:db8::1]x", "example..com",
            "example.com.", "exa_mple.com", ":8448"})
    void invalidNamesGetASentence(String text) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidServerNameException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().endsWith("."));
    }

    @Test
    void schemeIsExplainedAsSuch() {
        assertThatThrownBy(() -> parse("https://matrix.example.com"))
                .hasMessageContaining("https://");
    }

    @Test
    void germanMessages() {
        assertThatThrownBy(() -> ServerName.parse("example.com:0", Locale.GERMAN))
                .hasMessageContaining("außerhalb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.123", "example.123:8448", "1.2.3", "matrix.example.0"})
    void aNameEndingInDigitsIsRefusedWithASentence(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidServerNameException.class)
                .hasMessageContaining("digits");
    }

    @Test
    void aZoneScopedAddressIsRefusedWithASentence() {
        assertThatThrownBy(() -> parse("[fe80::1%eth0]:8448")).isInstanceOf(InvalidServerNameException.class)
                .hasMessageContaining("zone");
    }
}
