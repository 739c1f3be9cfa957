package dev.signpost.core.generate;

import java.util.Objects;

/**
 * One generated file.
 *
 * @param path    where it goes, relative to the output directory, with {@code /} separators
 *                (e.g. {@code .well-known/matrix/server}, {@code nginx/matrix-well-known.conf})
 * @param purpose one sentence in the user's language: what the file is and where it goes
 * @param content the complete file, UTF-8 text ending with a newline
 */
public record GeneratedFile(String path, String purpose, String content) {

    public GeneratedFile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(content);
        if (path.isEmpty() || path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("A generated path must be relative and plain: " + path);
        }
    }
}
