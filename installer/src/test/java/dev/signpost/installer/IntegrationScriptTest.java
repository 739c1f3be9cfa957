package dev.signpost.installer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * lib/signpost-integration.sh, which the .deb and .rpm scripts run, against a copy of the app image installed
 * under a staging root (SIGNPOST_ROOT) instead of the real /usr.
 */
class IntegrationScriptTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path temp;

    private static Path app;

    @BeforeAll
    static void copyTheAppImage() {
        assumeTrue(Packaged.onLinux(), "the integration script is for Linux packages");
        app = temp.resolve("opt/signpost");
        Run.of(TIMEOUT, "mkdir", "-p", app.getParent().toString());
        Run copy = Run.of(TIMEOUT, "cp", "-a", Packaged.image().toString(), app.toString());
        assertThat(copy.exitStatus()).as(copy.err()).isZero();
        Run.of(TIMEOUT, "rm", "-f", app.resolve("lib/runtime/lib/server/classes.jsa").toString());
    }

    @Test
    void installLinksCommandMenuEntryIconsAndMetadataAndRemoveTakesThemAway() throws IOException {
        Path root = Files.createDirectory(temp.resolve("links"));

        Run install = script(root, "install");

        assertThat(install.exitStatus()).as(install.err()).isZero();
        assertThat(root.resolve("usr/bin/signpost")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/signpost"))).isEqualTo(app.resolve("bin/Signpost"));
        List<Path> links = List.of(
                root.resolve("usr/share/applications/dev.signpost.Signpost.desktop"),
                root.resolve("usr/share/metainfo/dev.signpost.Signpost.metainfo.xml"),
                root.resolve("usr/share/icons/hicolor/16x16/apps/dev.signpost.Signpost.png"),
                root.resolve("usr/share/icons/hicolor/512x512/apps/dev.signpost.Signpost.png"),
                root.resolve("usr/share/man/man1/signpost.1.gz"),
                root.resolve("usr/share/bash-completion/completions/signpost"),
                root.resolve("usr/share/zsh/vendor-completions/_signpost"));
        for (Path link : links) {
            assertThat(link).isSymbolicLink();
            assertThat(Files.exists(link)).as("%s points at an existing file", link).isTrue();
        }

        Run version = Run.of(TIMEOUT, root.resolve("usr/bin/signpost").toString(), "--version");
        assertThat(version.out().strip()).isEqualTo("signpost " + Packaged.version());

        Run remove = script(root, "remove");

        assertThat(remove.exitStatus()).as(remove.err()).isZero();
        assertThat(root.resolve("usr/bin/signpost")).doesNotExist();
        for (Path link : links) {
            assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).as("%s removed", link).isFalse();
        }
    }

    @Test
    void theInstalledManualPageOpensWithManAndTheCompletionCompletes() throws IOException {
        assumeTrue(Run.onPath("man"), "man is not installed (CI installs man-db)");
        Path root = Files.createDirectory(temp.resolve("manual"));
        assertThat(script(root, "install").exitStatus()).isZero();

        Run man = Run.of(TIMEOUT, env -> {
            env.put("MANWIDTH", "120");
            env.put("LC_ALL", "C.UTF-8");
        }, "man", "--warnings", "-l", root.resolve("usr/share/man/man1/signpost.1.gz").toString());
        assertThat(man.exitStatus()).as(man.err()).isZero();
        assertThat(man.err()).as("man/groff warnings").isEmpty();
        assertThat(man.out()).contains("signpost check").contains("--resolve");

        Run bash = Run.of(TIMEOUT, "bash", "--norc", "--noprofile", "-c",
                "source \"$0\"; COMP_LINE='signpost ch'; COMP_WORDS=(signpost ch); COMP_CWORD=1; "
                        + "COMP_POINT=${#COMP_LINE}; _complete_signpost; printf '%s\\n' \"${COMPREPLY[@]}\"",
                root.resolve("usr/share/bash-completion/completions/signpost").toString());
        assertThat(bash.out().strip()).as(bash.err()).isEqualTo("check");
        assertThat(script(root, "remove").exitStatus()).isZero();
    }

    @Test
    void installMakesAClassDataArchiveThatTheRelocatedRuntimeAccepts() {
        Path root = temp.resolve("cds");
        Path archive = app.resolve("lib/runtime/lib/server/classes.jsa");

        assertThat(script(root, "install").exitStatus()).isZero();
        assertThat(archive).isRegularFile();

        // -Xshare:on refuses to start with an archive that does not match, instead of silently ignoring it. The
        // archive is made without the desktop options; it must still map in a JVM that has them (serial collector).
        Run strict = Run.of(TIMEOUT, env -> env.put("JAVA_TOOL_OPTIONS", "-Xshare:on -XX:+PrintFlagsFinal"),
                app.resolve("bin/Signpost").toString(), "--version");
        assertThat(strict.exitStatus()).as("start with -Xshare:on; stderr: %s", strict.err()).isZero();
        Map<String, DesktopOptions.FinalFlag> flags = DesktopOptions.finalFlags(strict.out());
        assertThat(flags.get("UseSharedSpaces")).as("class-data sharing in use").isNotNull()
                .extracting(DesktopOptions.FinalFlag::value).isEqualTo("true");
        DesktopOptions.assertSetByTheLauncher(flags);
        assertThat(strict.out()).contains("signpost " + Packaged.version());
        // The archive holds Signpost's own classes too, dumped with its jar on the class path the launcher uses.
        Run loaded = Run.of(TIMEOUT, env -> env.put("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"),
                app.resolve("bin/Signpost").toString(), "--version");
        assertThat(loaded.exitStatus()).as("stderr: %s", loaded.err()).isZero();
        assertThat(loaded.out()).containsPattern("dev\\.signpost\\.Main source: shared objects file");

        assertThat(script(root, "remove").exitStatus()).isZero();
        assertThat(archive).doesNotExist();
    }

    @Test
    void installLeavesAForeignSignpostCommandAlone() throws IOException {
        Path root = temp.resolve("foreign");
        Path foreign = root.resolve("usr/bin/signpost");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "#!/bin/sh\necho someone else's signpost\n");

        Run install = script(root, "install");
        Run remove = script(root, "remove");

        assertThat(install.err()).contains("exists and is not ours");
        assertThat(remove.exitStatus()).isZero();
        assertThat(Files.readString(foreign)).isEqualTo("#!/bin/sh\necho someone else's signpost\n");
    }

    private static Run script(Path root, String action) {
        return Run.of(TIMEOUT, env -> env.put("SIGNPOST_ROOT", root.toString()),
                "sh", app.resolve("lib/signpost-integration.sh").toString(), action);
    }
}
