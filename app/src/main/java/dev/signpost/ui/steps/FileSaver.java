package dev.signpost.ui.steps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes generated files: each one to a temporary name first, then moved into place, so none is ever half-written. */
final class FileSaver {

    private FileSaver() {
    }

    static void write(Path target, String content) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, ".signpost-", ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Saves every file under {@code folder} at its relative path; refuses paths that would leave the folder. */
    static int writeAll(Path folder, List<PlannedFile> files) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        for (PlannedFile file : files) {
            Path target = resolveInside(root, file.path());
            write(target, file.content());
        }
        return files.size();
    }

    static Path resolveInside(Path root, String relative) throws IOException {
        String cleaned = relative.replace('\\', '/');
        while (cleaned.startsWith("/")) {
            cleaned = cleaned.substring(1);
        }
        Path target = root.resolve(cleaned).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("Refusing to write " + relative + " outside " + root);
        }
        return target;
    }
}
