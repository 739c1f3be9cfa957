package dev.signpost.launch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's class-data archive: written once, kept only when whole, mapped afterwards. */
class ClassArchiveTest {

    private static final long PID = 4242;
    private static final long DEAD_PID = Long.MAX_VALUE;

    @TempDir
    Path dir;

    private Path jar;
    private Path cache;

    @BeforeEach
    void aJar() throws IOException {
        jar = Files.write(dir.resolve("signpost.jar"), new byte[] {1, 2, 3});
        cache = dir.resolve("cache");
    }

    @Test
    void theFirstRunWritesAnArchiveAndLaterRunsMapIt() throws IOException {
        ClassArchive archive = archive();

        assertThat(archive.options(PID)).contains("-Xshare:auto", "-Xlog:cds*=off",
                "-XX:ArchiveClassesAtExit=" + archive.partialFile(PID));
        writeArchive(archive.partialFile(PID));
        archive.afterRun(PID, 0);

        assertThat(archive.file()).isRegularFile();
        assertThat(archive.partialFile(PID)).doesNotExist();
        assertThat(archive.options(PID + 1)).contains("-XX:SharedArchiveFile=" + archive.file())
                .noneMatch(option -> option.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void anOrderlyEndOnASignalKeepsTheArchive() throws IOException {
        for (int status : new int[] {1, 2, 129, 130, 143}) {
            ClassArchive archive = archive();
            writeArchive(archive.partialFile(PID));
            archive.afterRun(PID, status);
            assertThat(archive.file()).as("exit status %d", status).isRegularFile();
            Files.delete(archive.file());
        }
    }

    @Test
    void aKilledOrCrashedRunLeavesNoArchive() throws IOException {
        for (int status : new int[] {134, 137, 139}) {
            ClassArchive archive = archive();
            writeArchive(archive.partialFile(PID));
            archive.afterRun(PID, status);
            assertThat(archive.file()).as("exit status %d", status).doesNotExist();
            assertThat(archive.partialFile(PID)).doesNotExist();
        }
    }

    @Test
    void aFileThatDoesNotStartLikeAnArchiveIsDropped() throws IOException {
        ClassArchive archive = archive();
        archive.options(PID);
        Files.write(archive.partialFile(PID), new byte[4096]);

        archive.afterRun(PID, 0);

        assertThat(archive.file()).doesNotExist();
        assertThat(archive.partialFile(PID)).doesNotExist();
    }

    @Test
    void aNewJarGetsANewArchive() throws IOException {
        ClassArchive before = archive();
        Files.write(jar, new byte[] {1, 2, 3, 4});

        assertThat(archive().file()).isNotEqualTo(before.file());
        assertThat(ClassArchive.of(cache, jar, "/other/java", "17.0.15", List.of()).file())
                .isNotEqualTo(archive().file());
    }

    @Test
    void leftoversOfEndedRunsGoAndOnlyTheNewestArchivesStay() throws IOException {
        Files.createDirectories(cache);
        Path stale = cache.resolve("signpost-0000.jsa.partial-" + DEAD_PID);
        Path running = cache.resolve("signpost-0000.jsa.partial-" + ProcessHandle.current().pid());
        Files.write(stale, new byte[8]);
        Files.write(running, new byte[8]);
        for (int i = 0; i < 5; i++) {
            Path old = writeArchive(cache.resolve("signpost-old" + i + ".jsa"));
            Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        ClassArchive archive = archive();
        writeArchive(archive.partialFile(PID));

        archive.afterRun(PID, 0);

        assertThat(stale).doesNotExist();
        assertThat(running).as("another wizard's archive in the making").exists();
        try (var files = Files.list(cache)) {
            assertThat(files.filter(f -> f.toString().endsWith(".jsa")).map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(archive.file().getFileName().toString(), "signpost-old4.jsa",
                            "signpost-old3.jsa");
        }
    }

    @Test
    void withoutAWritableCacheTheWizardStartsWithoutAnArchive() throws IOException {
        Path file = Files.write(dir.resolve("not-a-directory"), new byte[1]);
        ClassArchive archive = ClassArchive.of(file.resolve("cds"), jar, "/java", "17", List.of());

        assertThat(archive.options(PID)).isEmpty();
    }

    @Test
    void theCacheFollowsEachPlatformsConvention() {
        assertThat(ClassArchive.directoryFor(Map.of("XDG_CACHE_HOME", "/x/cache"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/x/cache/signpost/cds"));
        assertThat(ClassArchive.directoryFor(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/a"))
                .isEqualTo(Path.of("/home/a/.cache/signpost/cds"));
        assertThat(ClassArchive.directoryFor(Map.of(), "Mac OS X", "/Users/a"))
                .isEqualTo(Path.of("/Users/a/Library/Caches/Signpost/cds"));
        assertThat(ClassArchive.directoryFor(Map.of("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local"), "Windows 11",
                "C:\\Users\\a").toString()).endsWith(Path.of("Signpost", "Cache", "cds").toString());
    }

    private ClassArchive archive() throws IOException {
        return ClassArchive.of(cache, jar, "/usr/lib/jvm/java-17", "17.0.15+6", List.of("-Xmx1g"));
    }

    private static Path writeArchive(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ByteBuffer head = ByteBuffer.allocate(64).order(ByteOrder.nativeOrder());
        head.putInt(ClassArchive.DYNAMIC_MAGIC);
        return Files.write(file, head.array());
    }
}
