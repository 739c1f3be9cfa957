package dev.signpost.ui;

import dev.signpost.ui.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the first window needs, read on worker threads while the toolkit starts: the same answers as read in line. */
class FirstWindowInputsTest {

    @TempDir
    Path home;

    @Test
    void readsTheRememberedSettingsAndTheDesktopsThemeAndTextSize() throws Exception {
        Path config = home.resolve("config");
        WizardFixture.seedSettings(config.resolve("signpost"),
                Settings.defaults().withTheme(Settings.ThemeChoice.DARK).withTextPercent(150));
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString(), "GTK_THEME", "Adwaita:dark",
                "GDK_DPI_SCALE", "1.25");

        FirstWindowInputs inputs = FirstWindowInputs.start(env, "Linux", home.toString());

        assertThat(inputs.settings().current().theme()).isEqualTo(Settings.ThemeChoice.DARK);
        assertThat(inputs.settings().current().textPercent()).isEqualTo(150);
        assertThat(inputs.prefersDark()).isTrue();
        assertThat(inputs.textScale()).isEqualTo(1.25);
    }

    @Test
    void aFirstStartGetsTheDefaultsAndWritesNothing() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(), "GTK_THEME", "Adwaita",
                "GDK_DPI_SCALE", "1");

        FirstWindowInputs inputs = FirstWindowInputs.start(env, "Linux", home.toString());

        assertThat(inputs.settings().current()).isEqualTo(Settings.defaults());
        assertThat(inputs.prefersDark()).isFalse();
        assertThat(inputs.textScale()).isEqualTo(1.0);
        assertThat(Files.exists(home.resolve("config"))).isFalse();
    }
}
