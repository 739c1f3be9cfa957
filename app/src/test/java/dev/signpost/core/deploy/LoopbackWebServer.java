package dev.signpost.core.deploy;

import dev.signpost.testkit.Await;
import dev.signpost.testkit.ServerIdentity;
import dev.signpost.testkit.TestCa;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real web server of this machine run from a prefix of its own, the way a distribution lays it out, serving
 * {@code example.org} over HTTPS on a free loopback port with a test-CA certificate, from an empty web root and a
 * site config without any Matrix lines. What the deploy tests need of each server (nginx, Apache, Caddy, HAProxy) is
 * here once; the subclasses only say how their server is configured, tested and reloaded.
 */
public abstract class LoopbackWebServer implements AutoCloseable {

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    public final Path prefix;
    final Path www;
    public final int port;
    final ServerIdentity.PemFiles pem;
    /** The file that serves example.org, as it was before any deploy. */
    public Path site;
    public String originalSite;
    private Process process;

    LoopbackWebServer(Path program, String packageName, Path prefix, TestCa ca) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(program), program + " is not installed (package " + packageName
                + "): " + getClass().getSimpleName() + " deploy tests skipped (CI installs it)");
        this.prefix = Files.createDirectories(prefix);
        this.port = freePort();
        this.www = Files.createDirectories(prefix.resolve("www"));
        this.pem = ca.leaf("example.org").writePem(prefix.resolve("tls"));
    }

    /** What {@code --web-server} names this server. */
    abstract String kind();

    /** The server's own configuration test for this prefix, as one shell line. */
    abstract String testCommand();

    /** The server's reload for this prefix, as one shell line. */
    abstract String reloadCommand();

    /** The deploy options this layout needs beyond the config path and the commands (e.g. the web root). */
    List<String> extraDeployArgs() {
        return List.of();
    }

    /** Where the generated snippet goes for this layout, or null when its lines go into the config itself. */
    abstract Path snippet();

    /** How many times the server applied a reload, from its own log. */
    public abstract long reloads() throws IOException;

    /** The server's log files, for failure messages. */
    abstract List<Path> logFiles();

    /** The command line that runs the server in the foreground. */
    abstract List<String> runCommand();

    /**
     * True when the server answers only from its current configuration: after a reload, workers of the earlier one
     * may still be finishing their connections and answer a request the old way. Servers that swap at once: true.
     */
    public boolean settled() {
        return true;
    }

    /** The server process, started by {@link #start}. */
    final Process process() {
        return process;
    }

    /** Extra environment for the server process. */
    void environment(java.util.Map<String, String> env) {
    }

    /** Writes the site config and starts the server; waits until it accepts connections. */
    final void start(Path site, String siteText) throws Exception {
        this.site = site;
        this.originalSite = siteText;
        Files.createDirectories(site.getParent());
        Files.writeString(site, siteText);
        readableByWorkers(prefix);
        ProcessBuilder builder = new ProcessBuilder(runCommand()).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("server.out").toFile());
        environment(builder.environment());
        process = builder.start();
        if (!Await.holdsWithin(Duration.ofSeconds(30), () -> listening() || !process.isAlive())
                || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException(kind() + " did not start: " + logs());
        }
    }

    /**
     * Puts the site back as it was before any deploy, without Signpost: the original site file, no snippet, no
     * hidden backups or temporary files; the restored configuration is tested (a reload of a config the server
     * refuses would silently keep the old one) and reloaded.
     */
    void reset() throws Exception {
        Files.writeString(site, originalSite);
        try (Stream<Path> files = Files.list(site.getParent())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(".")).toList()) {
                Files.delete(p);
            }
        }
        if (snippet() != null) {
            Files.deleteIfExists(snippet());
            try (Stream<Path> files = Files.list(snippet().getParent())) {
                for (Path p : files.filter(p -> p.getFileName().toString().contains("signpost-")).toList()) {
                    Files.delete(p);
                }
            }
        }
        shell(testCommand());
        shell(reloadCommand());
    }

    /** Runs one of this server's command lines here, as the deploy runs it over SSH; fails with its output. */
    void shell(String line) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(line + " failed: " + out + "\n" + logs());
        }
    }

    long count(Path log, String marker) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).count();
    }

    public String logs() {
        StringBuilder out = new StringBuilder();
        List<Path> all = new ArrayList<>(List.of(prefix.resolve("server.out")));
        all.addAll(logFiles());
        for (Path log : all) {
            try {
                out.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
            } catch (IOException e) {
                out.append("--- ").append(log.getFileName()).append(" (none)\n");
            }
        }
        return out.toString();
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Workers run as nobody when the tests run as root: the prefix and its parents must be readable. */
    private static void readableByWorkers(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path dir = root.getParent(); dir != null && dir.startsWith(tmp) && !dir.equals(tmp);
                dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
