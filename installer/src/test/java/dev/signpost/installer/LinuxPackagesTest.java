package dev.signpost.installer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The .deb (and .rpm when rpmbuild was there) as a user's package manager would see them. */
class LinuxPackagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String APP = "./opt/signpost/";
    private static final long MAX_DEB_BYTES = 40L * 1024 * 1024;

    @BeforeEach
    void linuxWithDpkg() {
        assumeTrue(Packaged.onLinux(), "Linux packages are built on Linux only");
        assumeTrue(Run.onPath("dpkg-deb"), "dpkg-deb is not installed");
    }

    @Test
    void debDependsOnGtk3AndIsNamedAndVersionedForApt() {
        Run info = dpkg("--info", deb().toString());

        assertThat(info.out())
                .contains("Package: signpost")
                .contains("Version: " + Packaged.version() + "-1")
                .containsPattern("Depends: .*\\blibgtk-3-0\\b")
                .contains("Section: net");
    }

    @Test
    void debInstallsLauncherMenuEntryIconsAndAppStreamData() {
        List<String> files = dpkg("--contents", deb().toString()).out().lines()
                .map(line -> line.substring(line.indexOf("./"))).toList();

        assertThat(files).contains(
                APP + "bin/Signpost",
                APP + "lib/app/signpost.jar",
                APP + "lib/runtime/lib/libglassgtk3.so",
                APP + "lib/signpost-integration.sh",
                APP + "lib/signpost.classlist",
                APP + "lib/desktop/applications/dev.signpost.Signpost.desktop",
                APP + "lib/desktop/metainfo/dev.signpost.Signpost.metainfo.xml",
                APP + "lib/cli/signpost.1.gz",
                APP + "lib/cli/signpost.bash",
                APP + "lib/cli/_signpost");
        for (int size : List.of(16, 24, 32, 48, 64, 128, 256, 512)) {
            assertThat(files).contains(APP + "lib/desktop/icons/hicolor/" + size + "x" + size + "/apps/dev.signpost.Signpost.png");
        }
        // Made at install time: an archive only works at the path where it was made.
        assertThat(files).noneMatch(f -> f.endsWith("classes.jsa"));
    }

    @Test
    void debScriptsLinkSignpostIntoTheSystemAndUnlinkIt() {
        assertThat(dpkg("--info", deb().toString(), "postinst").out())
                .contains("/opt/signpost/lib/signpost-integration.sh install");
        assertThat(dpkg("--info", deb().toString(), "prerm").out())
                .contains("/opt/signpost/lib/signpost-integration.sh remove");
        String listing = dpkg("--contents", deb().toString()).out();
        assertThat(listing).containsPattern("-rwxr-xr-x .*" + APP + "lib/signpost-integration.sh");
    }

    @Test
    void desktopEntryStartsTheInstalledLauncherAndMatchesTheWindow() {
        String entry = extract(APP + "lib/desktop/applications/dev.signpost.Signpost.desktop");

        assertThat(entry.lines())
                .contains("Exec=/opt/signpost/bin/Signpost", "Icon=dev.signpost.Signpost",
                        "StartupWMClass=dev.signpost.ui.SignpostApp", "Type=Application");
    }

    @Test
    void appStreamMetadataNamesTheDesktopEntryAndTheCommand() {
        String metainfo = extract(APP + "lib/desktop/metainfo/dev.signpost.Signpost.metainfo.xml");

        assertThat(metainfo)
                .contains("<id>dev.signpost.Signpost</id>")
                .contains("<launchable type=\"desktop-id\">dev.signpost.Signpost.desktop</launchable>")
                .contains("<binary>signpost</binary>")
                .contains("<release version=\"" + Packaged.version() + "\" date=\"");
    }

    @Test
    void desktopEntryPassesDesktopFileValidate() throws IOException {
        assumeTrue(Run.onPath("desktop-file-validate"), "desktop-file-validate is not installed (desktop-file-utils)");
        Path file = Files.createTempFile("dev.signpost.Signpost", ".desktop");
        try {
            Files.writeString(file, extract(APP + "lib/desktop/applications/dev.signpost.Signpost.desktop"));
            Run validate = Run.of(TIMEOUT, "desktop-file-validate", file.toString());

            assertThat(validate.exitStatus()).as(validate.out() + validate.err()).isZero();
            assertThat(validate.out() + validate.err()).as("desktop-file-validate").isEmpty();
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void appStreamMetadataPassesAppstreamcliValidate() throws IOException {
        assumeTrue(Run.onPath("appstreamcli"), "appstreamcli is not installed (appstream)");
        Path file = Files.createTempFile("dev.signpost.Signpost", ".metainfo.xml");
        try {
            Files.writeString(file, extract(APP + "lib/desktop/metainfo/dev.signpost.Signpost.metainfo.xml"));
            // --no-net: the URLs in the metadata are not fetched (tests never reach the internet).
            Run validate = Run.of(TIMEOUT, "appstreamcli", "validate", "--no-net", "--explain", file.toString());

            assertThat(validate.exitStatus()).as(validate.out() + validate.err()).isZero();
            assertThat(validate.out()).doesNotContainPattern("(?m)^[EW]: ");
        } finally {
            Files.delete(file);
        }
    }

    /**
     * lintian on the .deb, with the tags that come from how jpackage builds packages (see docs/installer.md and
     * src/linux/lintian-accepted-tags, one reason per tag) left out; any other error or warning fails.
     */
    @Test
    void debPassesLintian() {
        assumeTrue(Run.onPath("lintian"), "lintian is not installed");
        Run lintian = Run.of(Duration.ofMinutes(10), "lintian", "--tag-display-limit", "0", "--suppress-tags-from-file",
                Packaged.installerDir().resolve("src/linux/lintian-accepted-tags").toString(), deb().toString());

        assertThat(lintian.out()).as(lintian.err()).doesNotContainPattern("(?m)^[EW]: ");
    }

    @Test
    void debStaysUnder40Megabytes() throws IOException {
        assertThat(Files.size(deb())).as("size of %s in bytes", deb().getFileName()).isLessThan(MAX_DEB_BYTES);
    }

    @Test
    void rpmRequiresGtk3AndCarriesTheSameFiles() {
        assumeTrue(Run.onPath("rpm") && Run.onPath("rpmbuild"), "rpm/rpmbuild not installed: no .rpm was built");
        Path rpm = Packaged.packageFile(".rpm");

        assertThat(Run.of(TIMEOUT, "rpm", "-qp", "--requires", rpm.toString()).out()).contains("gtk3");
        assertThat(Run.of(TIMEOUT, "rpm", "-qpl", rpm.toString()).out())
                .contains("/opt/signpost/bin/Signpost")
                .contains("/opt/signpost/lib/desktop/applications/dev.signpost.Signpost.desktop");
        assertThat(Run.of(TIMEOUT, "rpm", "-qp", "--scripts", rpm.toString()).out())
                .contains("/opt/signpost/lib/signpost-integration.sh install")
                .contains("/opt/signpost/lib/signpost-integration.sh remove");
    }

    private static Path deb() {
        return Packaged.packageFile(".deb");
    }

    private static Run dpkg(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "dpkg-deb";
        System.arraycopy(args, 0, command, 1, args.length);
        Run run = Run.of(TIMEOUT, command);
        assertThat(run.exitStatus()).as("dpkg-deb %s: %s", String.join(" ", args), run.err()).isZero();
        return run;
    }

    private static String extract(String member) {
        Run run = Run.of(TIMEOUT, "sh", "-c",
                "dpkg-deb --fsys-tarfile \"$0\" | tar -xOf - \"$1\"", deb().toString(), member);
        assertThat(run.exitStatus()).as("extracting %s: %s", member, run.err()).isZero();
        return run.out();
    }
}
