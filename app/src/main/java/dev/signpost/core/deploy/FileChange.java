package dev.signpost.core.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One file compared with what is on the server.
 *
 * @param remotePath  the absolute path on the server
 * @param existed     whether the server had the file before
 * @param oldContent  its old bytes (empty when it did not exist)
 * @param newContent  the bytes to write
 * @param unifiedDiff a line-based unified diff from old to new; empty when equal
 */
public record FileChange(String remotePath, boolean existed, byte[] oldContent, byte[] newContent, String unifiedDiff) {

    public FileChange {
        oldContent = oldContent.clone();
        newContent = newContent.clone();
    }

    /** The change from what is on the server to {@code next}, with a unified diff. */
    static FileChange between(String target, Optional<byte[]> current, byte[] next) {
        String oldText = current.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        String diff = UnifiedDiff.diff(current.isPresent() ? target : "/dev/null", target, oldText,
                new String(next, StandardCharsets.UTF_8));
        if (diff.isEmpty() && current.isEmpty()) {
            // A new empty file: still worth a header so the user sees it will be created.
            diff = "--- /dev/null\n+++ " + target + "\n";
        }
        return new FileChange(target, current.isPresent(), current.orElse(new byte[0]), next, diff);
    }

    /** Whether writing the file would change anything. */
    public boolean changed() {
        return !existed || !Arrays.equals(oldContent, newContent);
    }

    @Override
    public byte[] oldContent() {
        return oldContent.clone();
    }

    @Override
    public byte[] newContent() {
        return newContent.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChange c && remotePath.equals(c.remotePath) && existed == c.existed
                && Arrays.equals(oldContent, c.oldContent) && Arrays.equals(newContent, c.newContent);
    }

    @Override
    public int hashCode() {
        return remotePath.hashCode();
    }

    @Override
    public String toString() {
        return "FileChange[" + remotePath + (changed() ? ", changed" : ", equal") + "]";
    }
}
