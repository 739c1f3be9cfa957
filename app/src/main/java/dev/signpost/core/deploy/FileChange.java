package dev.signpost.core.deploy;

import java.util.Arrays;

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
