package dev.signpost.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Local files written so that a reader never sees half of one: the content goes to a temporary file in the same
 * directory (same file system, so the rename is atomic), which is then renamed over the target. An interrupted
 * write leaves the old file as it was and no temporary file behind.
 *
 * <p>What Signpost generates is meant to be served or copied by others (nginx runs as another user), so
 * {@link #write} leaves files readable by all (0644) and the directories it creates 0755, whatever the umask;
 * {@link #writePrivate} keeps a file to its owner (0600).
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private AtomicFiles() {
    }

    /** Writes {@code content} as UTF-8 to {@code target} (0644), creating its directories (0755) if needed. */
    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code target} (0644), creating its directories (0755) if needed. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, content, PUBLIC_FILE);
    }

    /** Writes {@code content} to {@code target} readable by its owner only (0600). */
    public static void writePrivate(Path target, byte[] content) throws IOException {
        write(target, content, PRIVATE_FILE);
    }

    private static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        UiThreadRule.forbidBlockingIo("writing " + target.getFileName());
        Path dir = target.toAbsolutePath().getParent();
        createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".signpost-tmp");
        try {
            Files.write(temp, content);
            if (posix()) {
                Files.setPosixFilePermissions(temp, mode);
            }
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

    /** Creates the missing directories; those it creates get 0755 (the umask may have made them tighter). */
    private static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(dir);
        if (posix()) {
            for (Path p : missing) {
                Files.setPosixFilePermissions(p, PUBLIC_DIR);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
