package dev.signpost.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsEverythingItRemembers() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("nested"));
        Settings settings = Settings.defaults().withWindowSize(1100, 800).withTheme(Settings.ThemeChoice.DARK)
                .withLastPlan(dev.signpost.ui.SamplePlan.plan()).withRecentDomain("example.com");
        store.save(settings);
        assertThat(store.load()).isEqualTo(settings);
        try (var files = Files.list(dir.resolve("nested"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("settings.json");
        }
    }

    @Test
    void missingOrBrokenFileGivesDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        assertThat(store.load()).isEqualTo(Settings.defaults());
        Files.writeString(store.file(), "{not json");
        assertThat(store.load()).isEqualTo(Settings.defaults());
    }

    @Test
    void savingReplacesTheOldFileWhole() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.defaults().withRecentDomain("a.example"));
        store.save(Settings.defaults().withRecentDomain("b.example"));
        assertThat(store.load().recentDomains()).containsExactly("b.example");
        assertThat(Files.readString(store.file())).doesNotContain("a.example");
    }

    @Test
    void recentDomainsAreNewestFirstUniqueAndBounded() {
        Settings settings = Settings.defaults();
        for (int i = 0; i < 12; i++) {
            settings = settings.withRecentDomain("d" + i + ".example");
        }
        settings = settings.withRecentDomain("D5.example");
        assertThat(settings.recentDomains()).hasSize(Settings.MAX_RECENT).startsWith("D5.example", "d11.example")
                .doesNotContain("d5.example");
    }

    @Test
    void configDirectoryFollowsEachPlatformsConvention() {
        assertThat(SettingsStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "/x/cfg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/cfg", "signpost"));
        assertThat(SettingsStore.defaultDirectory(Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u", ".config", "signpost"));
        assertThat(SettingsStore.defaultDirectory(Map.of("XDG_CONFIG_HOME", "relative"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u", ".config", "signpost"));
        assertThat(SettingsStore.defaultDirectory(Map.of("APPDATA", "/appdata"), "Windows 11", "/users/u"))
                .isEqualTo(Path.of("/appdata", "signpost"));
    }

    @Test
    void queuedSnapshotsLandInTheOrderTheyWereHandedOver() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Settings last = null;
        // Hundreds of quick changes (a window being resized): with concurrent writers an older snapshot's rename
        // regularly lands after a newer one; on the one queue the newest is always the one on disk.
        for (int width = 201; width <= 500; width++) {
            last = Settings.defaults().withWindowSize(width, 700);
            store.saveLater(last);
        }
        assertThat(store.current()).isEqualTo(last);

        assertThat(store.finishSaving(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(new SettingsStore(dir).load()).isEqualTo(last);
    }

    @Test
    void savesQueuedAfterFinishingStillLand() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.saveLater(Settings.defaults().withRecentDomain("a.example"));
        assertThat(store.finishSaving(java.time.Duration.ofSeconds(30))).isTrue();

        store.saveLater(Settings.defaults().withRecentDomain("b.example"));
        assertThat(store.finishSaving(java.time.Duration.ofSeconds(30))).isTrue();

        assertThat(new SettingsStore(dir).load().recentDomains()).containsExactly("b.example");
    }
}
