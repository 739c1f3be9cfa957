package dev.signpost.ui;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The desktop's text scaling as the wizard reads it: GTK's variable first, settings answers parsed strictly. */
class DesktopTextScaleTest {

    @Test
    void gtkVariableWins() {
        assertThat(DesktopTextScale.read(Map.of("GDK_DPI_SCALE", "1.5"), "Linux")).hasValue(1.5);
    }

    @Test
    void gnomeFactorIsParsed() {
        assertThat(DesktopTextScale.parse("1.25\n")).hasValue(1.25);
    }

    @Test
    void nonsenseAndExtremesAreIgnored() {
        assertThat(DesktopTextScale.parse("large")).isEmpty();
        assertThat(DesktopTextScale.parse("0.1")).isEmpty();
        assertThat(DesktopTextScale.parse("12")).isEmpty();
        assertThat(DesktopTextScale.parse(null)).isEmpty();
    }

    @Test
    void windowsRegistryPercentIsRead() {
        String answer = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Accessibility\r\n    TextScaleFactor    REG_DWORD    0x96\r\n";
        assertThat(DesktopTextScale.windowsPercent(answer)).hasValue(1.5);
        assertThat(DesktopTextScale.windowsPercent("ERROR: not found")).isEqualTo(OptionalDouble.empty());
    }
}
