package dev.signpost.core.deploy;

import java.nio.file.Path;

/** A real SSH server on loopback for the deployment suite. */
public interface TestSshServer extends AutoCloseable {

    String name();

    int port();

    /** The login name that keys (and, where supported, the password) work for. */
    String user();

    /** The password that works, or null when this server cannot offer password login. */
    String password();

    /** The server's host key as a known_hosts line for 127.0.0.1 on its port. */
    String knownHostsLine();

    /** The host key's fingerprint as the server side computes it (independently of Signpost). */
    String fingerprint();

    /** A known_hosts line for the same host with a different key of the same type. */
    String otherKnownHostsLine() throws Exception;

    /** Whether the server can check this key type. */
    boolean supportsKeyType(String type);

    /** A fresh local directory the server sees. */
    Path newDirectory(String name) throws Exception;

    /** How the server names a local path. */
    String remotePath(Path local);

    /**
     * Whether a write into an unwritable directory comes back as SFTP "permission denied". MINA reports the
     * immutable attribute used when tests run as root only as a general failure.
     */
    boolean reportsPermissionDenied();

    /** Drops every open client connection at once, as a network failure would. */
    void cutConnections();

    /** Stops answering on every open connection (the connections stay open), as a hung server would. */
    void freezeConnections() throws Exception;

    /** Undoes {@link #freezeConnections()}. */
    void thawConnections() throws Exception;

    /** Everything the server logged, for the secret-leak test. */
    String log();

    @Override
    void close() throws Exception;
}
