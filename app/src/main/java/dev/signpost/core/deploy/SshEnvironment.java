package dev.signpost.core.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the user's SSH setup lives. {@link #forCurrentUser()} reads OpenSSH's usual places; tests and the
 * command line's {@code --ssh-config}/{@code --known-hosts} substitute their own.
 *
 * @param sshConfig         the {@code ssh_config}-format file to read, or null for none
 * @param knownHosts        the {@code known_hosts} file that host keys are checked against (may not exist yet)
 * @param agentSocket       the ssh-agent socket to ask for keys, or null for no agent
 * @param defaultIdentities keys tried when neither the target nor the config names one (missing ones are skipped)
 */
public record SshEnvironment(Path sshConfig, Path knownHosts, Path agentSocket, List<Path> defaultIdentities) {

    public SshEnvironment {
        defaultIdentities = defaultIdentities == null ? List.of() : List.copyOf(defaultIdentities);
        if (knownHosts == null) {
            throw new IllegalArgumentException("knownHosts is required: host keys are always verified");
        }
    }

    /** {@code ~/.ssh/config}, {@code ~/.ssh/known_hosts}, {@code $SSH_AUTH_SOCK} and OpenSSH's default keys. */
    public static SshEnvironment forCurrentUser() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        Path config = ssh.resolve("config");
        String sock = System.getenv("SSH_AUTH_SOCK");
        Path agent = sock == null || sock.isBlank() ? null : Path.of(sock);
        return new SshEnvironment(Files.isRegularFile(config) ? config : null, ssh.resolve("known_hosts"), agent,
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")));
    }

    /** The same environment with another config file (null for none). */
    public SshEnvironment withSshConfig(Path file) {
        return new SshEnvironment(file, knownHosts, agentSocket, defaultIdentities);
    }

    /** The same environment with another known_hosts file. */
    public SshEnvironment withKnownHosts(Path file) {
        return new SshEnvironment(sshConfig, file, agentSocket, defaultIdentities);
    }
}
