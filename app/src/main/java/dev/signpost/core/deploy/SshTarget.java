package dev.signpost.core.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Which SSH server to reach and as whom. Values left empty come from the SSH config file for {@code host}
 * (which may be an alias), then from OpenSSH's defaults.
 *
 * @param host             host name, address or {@code ~/.ssh/config} alias
 * @param port             the port, or 0 for the config's or 22
 * @param user             the login name, or null for the config's or the local user name
 * @param identityFile     a private key to use in addition to the config's, or null
 * @param connectTimeout   the limit for reaching the server and logging in
 * @param operationTimeout the limit for each step once connected (one SFTP request, the after-command)
 */
public record SshTarget(String host, int port, String user, Path identityFile,
                        Duration connectTimeout, Duration operationTimeout) {

    /** The limits used when none are given. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_OPERATION_TIMEOUT = Duration.ofSeconds(30);

    public SshTarget {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        operationTimeout = operationTimeout == null ? DEFAULT_OPERATION_TIMEOUT : operationTimeout;
    }

    /** A target with default port, user, key and timeouts. */
    public static SshTarget of(String host) {
        return new SshTarget(host, 0, null, null, null, null);
    }
}
