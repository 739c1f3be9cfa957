package dev.signpost.core.deploy;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/** Apache MINA SSHD in this JVM: key and password login, SFTP confined to one directory. */
public final class MinaSshServer implements TestSshServer {

    public static final String USER = "deployer";
    public static final String PASSWORD = "c0rrect-h0rse-battery";

    private final SshServer sshd;
    private final Path root;
    private final KeyPair hostKey;

    public MinaSshServer(Path root, ClientKeys keys) throws Exception {
        this(root, keys, true);
    }

    /** @param posixRename whether to offer OpenSSH's posix-rename extension (without it, rename never overwrites) */
    public MinaSshServer(Path root, ClientKeys keys, boolean posixRename) throws Exception {
        this(root, keys, posixRename, List.of(KeyUtils.EC_ALGORITHM));
    }

    /**
     * @param hostKeyAlgorithms JCA names of the host keys to make ({@code EC}, {@code EdDSA}, {@code RSA}); the first
     *                          is the one {@link #knownHostsLine()} and {@link #fingerprint()} describe
     */
    public MinaSshServer(Path root, ClientKeys keys, boolean posixRename, List<String> hostKeyAlgorithms)
            throws Exception {
        this.root = root;
        Files.createDirectories(root);
        List<KeyPair> hostKeys = new java.util.ArrayList<>();
        for (String algorithm : hostKeyAlgorithms) {
            hostKeys.add(generate(algorithm));
        }
        hostKey = hostKeys.get(0);
        Path authorized = root.getParent().resolve("mina_authorized_keys");
        Files.writeString(authorized, keys.authorizedKeys(SecurityUtils.isEDDSACurveSupported()));
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKeys.toArray(new KeyPair[0])));
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorized));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        if (!posixRename) {
            SftpModuleProperties.OPENSSH_EXTENSIONS.set(sshd, "statvfs@openssh.com=2,fsync@openssh.com=1");
        }
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        // Like OpenSSH, hand the command line to a shell (MINA's own factory would split it on spaces).
        sshd.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, "/bin/sh", "-c", command).createShell(channel));
        // Allows direct-tcpip channels, so ProxyJump can be tested through this server.
        sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        sshd.start();
    }

    private static KeyPair generate(String algorithm) throws Exception {
        KeyPairGenerator gen = SecurityUtils.getKeyPairGenerator(algorithm);
        if (algorithm.equals(KeyUtils.EC_ALGORITHM)) {
            gen.initialize(256);
        } else if (algorithm.equals(KeyUtils.RSA_ALGORITHM)) {
            gen.initialize(2048);
        }
        return gen.generateKeyPair();
    }

    @Override
    public String name() {
        return "Apache MINA SSHD";
    }

    @Override
    public int port() {
        return sshd.getPort();
    }

    @Override
    public String user() {
        return USER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public String fingerprint() {
        return KeyUtils.getFingerPrint(hostKey.getPublic());
    }

    @Override
    public String otherKnownHostsLine() throws Exception {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(generate(hostKey.getPublic().getAlgorithm())
                .getPublic());
    }

    @Override
    public boolean supportsKeyType(String type) {
        // MINA 2.13 verifies ed25519 only with the net.i2p EdDSA library (a test dependency).
        return !type.equals("ed25519") || SecurityUtils.isEDDSACurveSupported();
    }

    @Override
    public Path newDirectory(String name) throws Exception {
        return Files.createDirectories(root.resolve(name));
    }

    @Override
    public String remotePath(Path local) {
        return "/" + root.relativize(local).toString().replace('\\', '/');
    }

    @Override
    public boolean reportsPermissionDenied() {
        return !"root".equals(System.getProperty("user.name"));
    }

    @Override
    public void cutConnections() {
        sshd.getActiveSessions().forEach(s -> s.close(true));
    }

    @Override
    public void freezeConnections() {
        sshd.getActiveSessions().forEach(s -> s.getIoSession().suspendRead());
    }

    @Override
    public void thawConnections() {
        sshd.getActiveSessions().forEach(s -> s.getIoSession().resumeRead());
    }

    @Override
    public String log() {
        return "";
    }

    @Override
    public void close() throws Exception {
        sshd.stop(true);
    }
}
