package dev.signpost.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SupportLogTest {

    @Test
    void signpostsOwnLinesLibrariesWarningsAndWholeStacksReachTheFile(@TempDir Path dir) throws Exception {
        Path logs = dir.resolve("state/logs");
        assertThat(SupportLog.install(logs)).contains(logs);

        System.getLogger("dev.signpost.test").log(System.Logger.Level.INFO, "checked {0}", "xn--fa-hia.de");
        System.getLogger("dev.signpost.test").log(System.Logger.Level.ERROR, "step failed",
                new IllegalStateException("boom"));
        LoggerFactory.getLogger("org.xbill.DNS.Lookup").warn("dnsjava warning reaches the log");
        LoggerFactory.getLogger("org.xbill.DNS.Lookup").debug("dnsjava chatter stays out");

        String text = Files.readString(SupportLog.newestFile(logs), StandardCharsets.UTF_8);
        assertThat(text).contains("INFO dev.signpost.test: checked xn--fa-hia.de")
                .contains("SEVERE dev.signpost.test: step failed")
                .contains("java.lang.IllegalStateException: boom")
                .contains("\tat dev.signpost.log.SupportLogTest.")
                .contains("dnsjava warning reaches the log")
                .doesNotContain("dnsjava chatter");
    }

    @Test
    void anUnwritableDirectoryLeavesSignpostRunningWithoutALog(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        assertThat(SupportLog.install(file.resolve("logs"))).isEmpty();
        System.getLogger("dev.signpost.test").log(System.Logger.Level.ERROR, "nothing breaks");
    }

    @Test
    void eachPlatformKeepsTheLogWhereItsUsersLookForState() {
        assertThat(LogDirectory.forPlatform(Map.of(), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.local/state/signpost/logs"));
        assertThat(LogDirectory.forPlatform(Map.of("XDG_STATE_HOME", "/s"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/s/signpost/logs"));
        assertThat(LogDirectory.forPlatform(Map.of("XDG_STATE_HOME", "relative"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.local/state/signpost/logs"));
        assertThat(LogDirectory.forPlatform(Map.of(), "Mac OS X", "/Users/a"))
                .isEqualTo(Path.of("/Users/a/Library/Logs/Signpost"));
        assertThat(LogDirectory.forPlatform(Map.of("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local"), "Windows 11", "x"))
                .isEqualTo(Path.of("C:\\Users\\a\\AppData\\Local", "Signpost", "Logs"));
    }
}
