package dev.signpost.core.deploy;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file to place under the web root.
 *
 * @param relativePath where it goes, relative to the web root with {@code /} separators, e.g.
 *                     {@code .well-known/matrix/server}; never absolute, never containing {@code ..}
 * @param content      its exact bytes
 */
public record DeployFile(String relativePath, byte[] content) {

    public DeployFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        String p = relativePath.replace('\\', '/');
        if (p.isEmpty() || p.startsWith("/") || p.endsWith("/")
                || Arrays.stream(p.split("/")).anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
            throw new IllegalArgumentException("Not a plain relative path: " + relativePath);
        }
        relativePath = p;
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeployFile other && relativePath.equals(other.relativePath)
                && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return 31 * relativePath.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "DeployFile[" + relativePath + ", " + content.length + " bytes]";
    }
}
