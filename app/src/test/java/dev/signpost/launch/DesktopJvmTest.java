package dev.signpost.launch;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The second JVM's command line. */
class DesktopJvmTest {

    @Test
    void theBuildsDesktopOptionsAreThere() {
        assertThat(DesktopJvm.options()).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                .noneMatch(option -> option.contains("${"));
    }

    @Test
    void desktopOptionsComeFirstAndTheUsersOwnLastSoTheUserWins() {
        JarCommandLine line = new JarCommandLine(Path.of("/opt/java/bin/java"), List.of("-XX:+UseG1GC", "-Dx=y"),
                Path.of("/opt/signpost.jar"));

        List<String> command = DesktopJvm.command(line, List.of("-Xshare:auto"), 77);

        assertThat(command.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(command.get(1)).as("an older Java update starts the wizard without the options it lacks")
                .isEqualTo("-XX:+IgnoreUnrecognizedVMOptions");
        assertThat(command.subList(command.size() - 2, command.size())).containsExactly("-jar", "/opt/signpost.jar");
        assertThat(command.indexOf("-XX:+UseSerialGC")).isLessThan(command.indexOf("-Xshare:auto"));
        assertThat(command.indexOf("-Xshare:auto")).isLessThan(command.indexOf("-Dsignpost.launcherPid=77"));
        assertThat(command.indexOf("-Dsignpost.launcherPid=77")).isLessThan(command.indexOf("-XX:+UseG1GC"));
        assertThat(command).contains("-Dx=y");
    }
}
