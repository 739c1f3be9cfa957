package dev.signpost.installer;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The app image jpackage made from the jlink'd runtime and the application jar. */
class AppImageTest {

    @Test
    void runtimeCarriesJavaFxNativeLibrariesSoNothingIsUnpackedAtStart() {
        assumeTrue(Packaged.onLinux(), "native library names checked for Linux only");
        Path lib = Packaged.image().resolve("lib/runtime/lib");
        for (String library : List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so",
                "libjavafx_font.so", "libjavafx_font_freetype.so", "libjavafx_iio.so", "libdecora_sse.so")) {
            assertThat(lib.resolve(library)).as("JavaFX native library in the runtime").isRegularFile();
        }
    }

    @Test
    void runtimeHoldsJavaFxAndTheModulesOnlyReachedThroughServices() throws IOException {
        String release = Files.readString(Packaged.image().resolve("lib/runtime/release"));
        String modules = release.lines().filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertThat(modules.split("[=\" ]+"))
                .contains("java.base", "javafx.controls", "javafx.graphics", "javafx.swing",
                        "jdk.crypto.ec", "jdk.localedata", "jdk.naming.dns", "java.naming", "java.security.jgss");
    }

    @Test
    void applicationJarLeavesJavaFxToTheRuntime() throws IOException {
        Set<String> appEntries = entries(Packaged.image().resolve("lib/app/signpost.jar"));
        assertThat(appEntries).contains("dev/signpost/Main.class", "dev/signpost/ui/icons/signpost-16.png");

        // Anything shipped twice would be dead weight: classes in named runtime modules win over the class path.
        Set<String> javafxEntries = new HashSet<>();
        try (Stream<Path> jars = Files.list(Packaged.javafxJars())) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                javafxEntries.addAll(entries(jar));
            }
        }
        javafxEntries.removeIf(e -> e.startsWith("META-INF/") || e.equals("module-info.class") || e.endsWith("/"));
        assertThat(javafxEntries).as("JavaFX jar entries").hasSizeGreaterThan(1000);
        appEntries.retainAll(javafxEntries);
        assertThat(appEntries).as("JavaFX entries left in the app jar; extend installer/src/javafx-entries.txt")
                .isEmpty();
    }

    @Test
    void launcherOpensTheJavaFxInternalsControlsFxUses() throws IOException {
        String config = Files.readString(Packaged.image().resolve("lib/app/Signpost.cfg"));
        assertThat(config)
                .contains("app.mainclass=dev.signpost.Main")
                .contains("--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED")
                .contains("--add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED");
    }

    /** The desktop options (serial collector, client compiler, small heap) are what the installed app runs with. */
    @Test
    void launcherCarriesEveryDesktopJvmOptionOfTheBuild() throws IOException {
        List<String> javaOptions = Files.readAllLines(Packaged.image().resolve("lib/app/Signpost.cfg")).stream()
                .filter(line -> line.startsWith("java-options="))
                .map(line -> line.substring("java-options=".length()))
                .toList();

        assertThat(javaOptions).as("java-options of the launcher's Signpost.cfg")
                .containsAll(DesktopOptions.options());
    }

    @Test
    void appImageStartsItsJvmWithTheDesktopOptions() {
        Run run = Run.of(Duration.ofSeconds(90), env -> {
            env.remove("DISPLAY");
            env.remove("WAYLAND_DISPLAY");
            env.put("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal");
        }, Packaged.launcher().toString(), "--version");
        assertThat(run.exitStatus()).as("exit status; stderr: %s", run.err()).isZero();

        DesktopOptions.assertSetByTheLauncher(DesktopOptions.finalFlags(run.out()));
    }

    @Test
    void classListForTheCdsArchiveCoversJavaFxWhenTheTrainingRunHadADisplay() throws IOException {
        assumeTrue(Packaged.onLinux(), "the training run is part of the Linux build");
        Path classList = Packaged.image().resolve("lib/signpost.classlist");
        assertThat(classList).isRegularFile();
        assumeTrue(Run.onPath("Xvfb") && Run.onPath("xwininfo"),
                "no Xvfb/xwininfo: the build recorded a --version run only");
        assertThat(Files.readAllLines(classList)).contains("javafx/stage/Stage", "com/sun/glass/ui/gtk/GtkWindow");
        assertThat(Packaged.image().resolve("lib/runtime/lib/server/classes.jsa")).isRegularFile();
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Set<String> names = new HashSet<>();
            zip.stream().map(ZipEntry::getName).forEach(names::add);
            return names;
        }
    }
}
