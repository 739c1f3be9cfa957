package dev.signpost.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
