package dev.signpost.core.deploy;

import java.nio.file.Path;

/**
 * A server's host key as shown to the user.
 *
 * @param host        the host as written in known_hosts ({@code name} or {@code [name]:port})
 * @param keyType     the SSH key type, e.g. {@code ssh-ed25519}
 * @param fingerprint {@code SHA256:} and the unpadded base64 of the key's SHA-256, as {@code ssh-keygen -l} prints it
 * @param knownHosts  the file it would be saved to
 * @param onlyCertificateAuthority true when known_hosts vouches for this host only through a
 *                    {@code @cert-authority} line, which Signpost cannot check: the key is shown as unknown
 */
public record HostKeyInfo(String host, String keyType, String fingerprint, Path knownHosts,
                          boolean onlyCertificateAuthority) {

    /** A key known_hosts says nothing about. */
    public HostKeyInfo(String host, String keyType, String fingerprint, Path knownHosts) {
        this(host, keyType, fingerprint, knownHosts, false);
    }
}
