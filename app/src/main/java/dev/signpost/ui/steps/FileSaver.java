package dev.signpost.ui.steps;

import dev.signpost.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes generated files: each one to a temporary name first, then moved into place, so none is ever half-written. */
final class FileSaver {

    private FileSaver() {
    }

    static void write(Path target, String content) throws IOException {
        AtomicFiles.writeString(target, content);
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
