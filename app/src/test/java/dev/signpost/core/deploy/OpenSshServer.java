package dev.signpost.core.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    OpenSshServer(Path dir, ClientKeys keys) throws Exception {
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
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        ClientKeys.keygen(hostKey, "ed25519", "", null);
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, keys.authorizedKeys(true));
        port = freePort();
        logFile = dir.resolve("sshd.log");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorized,
                "StrictModes no",
                "UsePAM no",
                "PermitRootLogin yes",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE",
                ""));
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!listening()) {
            if (!process.isAlive()) {
                Assumptions.abort("sshd did not start: " + Files.readString(logFile));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                Assumptions.abort("sshd did not listen within 20 s: " + Files.readString(logFile));
            }
            Thread.sleep(50);
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
            String pub = Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).strip();
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
                    dir.resolve("ssh_host_ed25519_key.pub").toString()).redirectErrorStream(true).start();
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
        ClientKeys.keygen(other, "ed25519", "", null);
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
