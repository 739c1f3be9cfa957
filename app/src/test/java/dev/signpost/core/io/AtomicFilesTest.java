package dev.signpost.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {

    @Test
    void writesNewFileInNewDirectoryAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/server");
        AtomicFiles.writeString(target, "{\"m.server\": \"matrix.example.com:443\"}\n");
        assertThat(Files.readString(target)).isEqualTo("{\"m.server\": \"matrix.example.com:443\"}\n");
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("client");
        Files.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertThat(Files.readString(target)).isEqualTo("new");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("occupied");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "keep");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "new")).isInstanceOf(IOException.class);
        assertThat(Files.readString(target.resolve("inside"))).isEqualTo("keep");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void generatedFilesAreReadableByTheWebServerAndSettingsStayPrivate(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out/.well-known/matrix/server");
        AtomicFiles.writeString(target, "{}\n");
        assertThat(mode(target)).isEqualTo("rw-r--r--");
        assertThat(mode(dir.resolve("out"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(target.getParent())).isEqualTo("rwxr-xr-x");
        Path settings = dir.resolve("settings.json");
        AtomicFiles.writePrivate(settings, new byte[] {'{', '}'});
        assertThat(mode(settings)).isEqualTo("rw-------");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
