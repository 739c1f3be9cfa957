package dev.signpost.installer;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Where the build put the app image and packages (system properties set by installer/pom.xml). */
final class Packaged {

    static final String APP_ID = "dev.signpost.Signpost";

    private Packaged() {
    }

    static Path image() {
        Path image = Path.of(property("installer.image"));
        Assumptions.assumeTrue(Files.isDirectory(image), "no app image at " + image + " (was the build skipped?)");
        return image;
    }

    static Path launcher() {
        return image().resolve("bin/Signpost");
    }

    /**
     * The launcher users run: {@code app-image} is the image's, {@code deb} the one the .deb installs, unpacked by
     * dpkg into {@code scratch/deb-root} once (skipped without a .deb on this platform).
     */
    static Path launcher(String from, Path scratch) {
        if (from.equals("app-image")) {
            return launcher();
        }
        Assumptions.assumeTrue(onLinux() && Run.onPath("dpkg-deb"), "no .deb on this platform");
        Path root = scratch.resolve("deb-root");
        if (!Files.isDirectory(root)) {
            Run x = Run.of(Duration.ofSeconds(120), "dpkg-deb", "-x", packageFile(".deb").toString(),
                    root.toString());
            if (x.exitStatus() != 0) {
                throw new IllegalStateException("dpkg-deb -x failed: " + x.err());
            }
        }
        return root.resolve("opt/signpost/bin/Signpost");
    }

    /** The platform's modular JavaFX jars the runtime was linked from. */
    static Path javafxJars() {
        return Path.of(property("installer.javafxJars"));
    }

    /** The installer module's directory (its sources, such as src/linux). */
    static Path installerDir() {
        return Path.of(property("installer.basedir"));
    }

    static String version() {
        return property("installer.version");
    }

    static boolean onLinux() {
        return "linux".equals(System.getProperty("installer.platform"));
    }

    /** The package with the given extension in the package directory; fails the test if there is none. */
    static Path packageFile(String extension) {
        Path dir = Path.of(property("installer.packageDir"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + extension + " in " + dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        Assumptions.assumeTrue(value != null, "system property " + name + " not set: run through Maven");
        return value;
    }
}
