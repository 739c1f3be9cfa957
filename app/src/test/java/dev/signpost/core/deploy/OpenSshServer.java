package dev.signpost.core.deploy;

import dev.signpost.testkit.Await;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSSH {@code sshd}, started as the current user on a loopback port with its own config, host key and
 * authorized_keys in a temporary directory. Skips the tests visibly when it is not installed.
 */
public final class OpenSshServer implements TestSshServer {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final Process process;
    private final int port;
    private final Path logFile;

    private final List<String> hostKeyTypes;

    OpenSshServer(Path dir, ClientKeys keys) throws Exception {
        this(dir, keys, List.of("ed25519"), List.of());
    }

    /**
     * @param hostKeyTypes {@code ssh-keygen -t} types of the host keys, the first one being the one
     *                     {@link #knownHostsLine()} and {@link #fingerprint()} describe
     * @param extraConfig  further sshd_config lines, e.g. to restrict the algorithms offered
     */
    public OpenSshServer(Path dir, ClientKeys keys, List<String> hostKeyTypes, List<String> extraConfig)
            throws Exception {
        this.hostKeyTypes = List.copyOf(hostKeyTypes);
        Assumptions.assumeTrue(Files.isExecutable(SSHD),
                "OpenSSH sshd is not installed at /usr/sbin/sshd (package openssh-server): real-sshd suite skipped");
        this.dir = Files.createDirectories(dir);
        if ("root".equals(System.getProperty("user.name"))) {
            // Run as root, sshd insists on its privilege-separation directory, which the package normally
            // creates at service start; an unused empty directory is harmless.
            Path privsep = Path.of("/run/sshd");
            if (!Files.isDirectory(privsep)) {
                try {
                    Files.createDirectories(privsep);
                } catch (IOException e) {
                    Assumptions.abort("sshd as root needs /run/sshd and it cannot be created: " + e);
                }
            }
        }
        List<String> hostKeyLines = new ArrayList<>();
        for (String type : hostKeyTypes) {
            Path hostKey = hostKeyFile(type);
            ClientKeys.keygen(hostKey, type, "", type.equals("rsa") ? "2048" : null);
            hostKeyLines.add("HostKey " + hostKey);
        }
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, keys.authorizedKeys(true));
        port = freePort();
        logFile = dir.resolve("sshd.log");
        Path config = dir.resolve("sshd_config");
        List<String> lines = new ArrayList<>(List.of(
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin yes",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE"));
        lines.addAll(hostKeyLines);
        lines.addAll(extraConfig);
        Files.writeString(config, String.join("\n", lines) + "\n");
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        boolean listening = Await.holdsWithin(Duration.ofSeconds(20), () -> listening() || !process.isAlive())
                && process.isAlive();
        if (!process.isAlive()) {
            Assumptions.abort("sshd did not start: " + Files.readString(logFile));
        }
        if (!listening) {
            process.destroyForcibly();
            Assumptions.abort("sshd did not listen within 20 s: " + Files.readString(logFile));
        }
    }

    /** The private host key of this {@code ssh-keygen -t} type; its public half is beside it with {@code .pub}. */
    public Path hostKeyFile(String type) {
        return dir.resolve("ssh_host_" + type + "_key");
    }

    /** Replaces the host key of this type with a new one; the server uses it from the next connection on. */
    public void changeHostKey(String type) throws IOException, InterruptedException {
        Files.delete(hostKeyFile(type));
        Files.delete(Path.of(hostKeyFile(type) + ".pub"));
        ClientKeys.keygen(hostKeyFile(type), type, "", type.equals("rsa") ? "2048" : null);
    }

    /**
     * Logs in with OpenSSH's own {@code ssh} client, which records the host key it is given in {@code knownHosts}
     * (accept-new), as a user's first {@code ssh} to the server does.
     *
     * @param hostKeyAlgorithm the host key algorithm to ask for (e.g. {@code ssh-ed25519}), or null for ssh's default
     * @param hash             whether ssh writes the host name hashed ({@code |1|}), as Debian's default config does
     */
    public void recordKnownHosts(Path knownHosts, Path identity, String hostKeyAlgorithm, boolean hash)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/ssh", "-F", "/dev/null",
                "-o", "StrictHostKeyChecking=accept-new", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "HashKnownHosts=" + (hash ? "yes" : "no"),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "ConnectTimeout=20",
                "-i", identity.toString(), "-p", Integer.toString(port)));
        if (hostKeyAlgorithm != null) {
            cmd.addAll(List.of("-o", "HostKeyAlgorithms=" + hostKeyAlgorithm));
        }
        cmd.addAll(List.of(user() + "@127.0.0.1", "true"));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh")),
                "OpenSSH ssh is not installed (package openssh-client): known_hosts cannot be written by ssh");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("ssh could not log in to record the host key: " + out + "\n" + log());
        }
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public String name() {
        return "OpenSSH sshd";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String user() {
        return System.getProperty("user.name");
    }

    @Override
    public String password() {
        // OpenSSH checks passwords against the system's accounts; tests do not create or change accounts.
        return null;
    }

    @Override
    public String knownHostsLine() throws RuntimeException {
        try {
            String pub = Files.readString(Path.of(hostKeyFile(hostKeyTypes.get(0)) + ".pub")).strip();
            String[] parts = pub.split(" ");
            return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String fingerprint() {
        try {
            Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f",
                    hostKeyFile(hostKeyTypes.get(0)) + ".pub").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out.split(" ")[1];
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String otherKnownHostsLine() throws Exception {
        Path other = dir.resolve("other_" + System.nanoTime());
        ClientKeys.keygen(other, hostKeyTypes.get(0), "", hostKeyTypes.get(0).equals("rsa") ? "2048" : null);
        String[] parts = Files.readString(Path.of(other + ".pub")).strip().split(" ");
        return "[127.0.0.1]:" + port + " " + parts[0] + " " + parts[1];
    }

    @Override
    public boolean supportsKeyType(String type) {
        return true;
    }

    @Override
    public Path newDirectory(String name) throws Exception {
        return Files.createDirectories(dir.resolve("files").resolve(name));
    }

    @Override
    public String remotePath(Path local) {
        return local.toAbsolutePath().toString();
    }

    @Override
    public boolean reportsPermissionDenied() {
        return true;
    }

    /**
     * Waits until no connection is being served any more. After a client is cut off, the server side of its
     * session can still be working through requests it had already received (an SFTP rename, a reload command);
     * a test that resets the remote state must not race with that.
     */
    public void awaitIdle(java.time.Duration limit) throws InterruptedException {
        if (!Await.holdsWithin(limit, () -> process.descendants().findAny().isEmpty())) {
            throw new IllegalStateException("sshd still serves a connection after " + limit.toSeconds()
                    + " s: " + process.descendants().map(p -> p.info().commandLine().orElse("?")).toList());
        }
    }

    @Override
    public void cutConnections() {
        // Each connection is served by a child of the listening sshd; killing them drops the connections.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void freezeConnections() throws Exception {
        signalChildren("-STOP");
    }

    @Override
    public void thawConnections() throws Exception {
        signalChildren("-CONT");
    }

    private void signalChildren(String signal) throws Exception {
        for (ProcessHandle child : process.descendants().toList()) {
            new ProcessBuilder("kill", signal, Long.toString(child.pid())).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public String log() {
        try {
            return Files.readString(logFile);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
