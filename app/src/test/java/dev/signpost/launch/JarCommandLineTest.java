package dev.signpost.launch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which command lines the wizard leaves for a second JVM, and what that JVM inherits. */
class JarCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void theUsersOwnOptionsAndTheJarAreKept() {
        Path jar = dir.resolve("signpost.jar");

        JarCommandLine line = JarCommandLine.parse("/usr/bin/java",
                List.of("-Duser.language=de", "-Xmx300m", "-jar", jar.toString()), jar).orElseThrow();

        assertThat(line.java()).isEqualTo(Path.of("/usr/bin/java"));
        assertThat(line.jvmOptions()).containsExactly("-Duser.language=de", "-Xmx300m");
        assertThat(line.jar()).isEqualTo(jar);
    }

    @Test
    void aRelativeJarPathIsTheSameJar() {
        Path jar = Path.of("signpost.jar").toAbsolutePath();

        assertThat(JarCommandLine.parse("java", List.of("-jar", "signpost.jar"), jar)).isPresent();
    }

    @Test
    void anotherJarOrAClassPathStartStaysInThisJvm() {
        Path jar = dir.resolve("signpost.jar");

        assertThat(JarCommandLine.parse("java", List.of("-jar", dir.resolve("other.jar").toString()), jar)).isEmpty();
        assertThat(JarCommandLine.parse("java", List.of("-cp", jar.toString(), "dev.signpost.Main"), jar)).isEmpty();
        assertThat(JarCommandLine.parse("java", List.of("-jar"), jar)).isEmpty();
        assertThat(JarCommandLine.parse(null, List.of("-jar", jar.toString()), jar)).isEmpty();
    }

    @Test
    void aDebuggerAnAgentOrTheUsersOwnClassDataOptionsStayInThisJvm() {
        Path jar = dir.resolve("signpost.jar");
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-javaagent:/opt/agent.jar", "-agentpath:/opt/libprofiler.so", "-Xshare:off",
                "-XX:SharedArchiveFile=/tmp/my.jsa", "-XX:ArchiveClassesAtExit=/tmp/a.jsa", "-Xdebug")) {
            assertThat(JarCommandLine.parse("java", List.of(option, "-jar", jar.toString()), jar)).as(option)
                    .isEmpty();
        }
    }
}
