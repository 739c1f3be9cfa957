package dev.signpost.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Local files written so that a reader never sees half of one: the content goes to a temporary file in the same
 * directory (same file system, so the rename is atomic), which is then renamed over the target. An interrupted
 * write leaves the old file as it was and no temporary file behind.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code content} as UTF-8 to {@code target}, creating its directory if needed. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code target}, creating its directory if needed. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".signpost-tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems (e.g. certain network mounts) cannot rename atomically; a plain replace is
                // still better than writing into the target directly.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
