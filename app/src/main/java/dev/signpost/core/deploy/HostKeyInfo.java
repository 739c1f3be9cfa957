package dev.signpost.core.deploy;

import java.nio.file.Path;

/**
 * A server's host key as shown to the user.
 *
 * @param host        the host as written in known_hosts ({@code name} or {@code [name]:port})
 * @param keyType     the SSH key type, e.g. {@code ssh-ed25519}
 * @param fingerprint {@code SHA256:} and the unpadded base64 of the key's SHA-256, as {@code ssh-keygen -l} prints it
 * @param knownHosts  the file it would be saved to
 */
public record HostKeyInfo(String host, String keyType, String fingerprint, Path knownHosts) {
}
