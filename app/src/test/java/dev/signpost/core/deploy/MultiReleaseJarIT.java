package dev.signpost.core.deploy;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built {@code signpost.jar} stays a multi-release jar: JSch's curve25519 key exchange and ed25519 keys live
 * only in {@code META-INF/versions/}, and without the manifest flag the JVM silently loads the base classes, which
 * refuse to work. The end-to-end proof with a server is {@link SshKeysIT}.
 */
class MultiReleaseJarIT {

    static Path jar() {
        String property = System.getProperty("signpost.jar");
        assertThat(property).as("system property signpost.jar (set by failsafe)").isNotBlank();
        Path jar = Path.of(property);
        assertThat(jar).as("the built jar; run after package").isRegularFile();
        return jar;
    }

    @Test
    void theManifestSaysMultiReleaseAndJschsVersionedClassesAreInside() throws Exception {
        try (JarFile file = new JarFile(jar().toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(file.getEntry("META-INF/versions/11/com/jcraft/jsch/jce/XDH.class")).isNotNull();
            assertThat(file.getEntry("META-INF/versions/15/com/jcraft/jsch/jce/SignatureEd25519.class")).isNotNull();
            assertThat(file.getEntry("META-INF/versions/15/com/jcraft/jsch/jce/KeyPairGenEdDSA.class")).isNotNull();
            assertThat(file.getEntry("META-INF/versions/16/com/jcraft/jsch/UnixDomainSocketFactory.class"))
                    .isNotNull();
        }
    }

    @Test
    void aJvmLoadingTheJarGetsTheVersionedCurve25519AndEd25519Classes() throws Exception {
        Path testClasses = Path.of(JschVersionedClassesProbe.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", jar() + File.pathSeparator + testClasses,
                JschVersionedClassesProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("curve25519 and ed25519: ok");
        // The probe must not have found JSch anywhere but in the jar.
        assertThat(Files.exists(testClasses.resolve("com/jcraft"))).isFalse();
    }
}
