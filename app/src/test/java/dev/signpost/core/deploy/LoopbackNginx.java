package dev.signpost.core.deploy;

import dev.signpost.testkit.Await;
import java.time.Duration;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real nginx of this machine, run from a prefix of its own the way a distribution lays it out
 * ({@code nginx.conf} including {@code sites-enabled/*}), serving {@code example.org} over HTTPS with a test-CA
 * certificate from an empty web root, with a site config that has no Matrix lines. Skips visibly when nginx is
 * not installed.
 */
final class LoopbackNginx implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    final Path prefix;
    final Path config;
    final Path site;
    final Path www;
    final int port;
    final String originalSite;
    private Process process;

    LoopbackNginx(Path prefix, TestCa ca, String extraSiteLines) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX),
                "nginx is not installed at /usr/sbin/nginx (package nginx): nginx deploy tests skipped (CI installs it)");
        this.prefix = Files.createDirectories(prefix);
        this.port = freePort();
        this.www = Files.createDirectories(prefix.resolve("www"));
        ServerIdentity.PemFiles pem = ca.leaf("example.org").writePem(prefix.resolve("tls"));
        Files.createDirectories(prefix.resolve("temp"));
        Files.createDirectories(prefix.resolve("sites-enabled"));
        config = Files.writeString(prefix.resolve("nginx.conf"), (ROOT ? "user nobody nogroup;\n" : "")
                + "pid " + prefix.resolve("nginx.pid") + ";\n"
                + "error_log " + prefix.resolve("error.log") + " notice;\n"
                + "worker_processes 1;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "    access_log off;\n"
                + "    default_type application/octet-stream;\n"
                + "    client_body_temp_path " + prefix.resolve("temp/body") + ";\n"
                + "    proxy_temp_path " + prefix.resolve("temp/proxy") + ";\n"
                + "    fastcgi_temp_path " + prefix.resolve("temp/fastcgi") + ";\n"
                + "    uwsgi_temp_path " + prefix.resolve("temp/uwsgi") + ";\n"
                + "    scgi_temp_path " + prefix.resolve("temp/scgi") + ";\n"
                + "    include " + prefix.resolve("sites-enabled") + "/*;\n"
                + "}\n");
        originalSite = "server {\n"
                + "    listen 127.0.0.1:" + port + " ssl;\n"
                + "    server_name example.org;\n"
                + "    ssl_certificate " + pem.fullchain() + ";\n"
                + "    ssl_certificate_key " + pem.key() + ";\n"
                + "    root " + www + ";\n"
                + extraSiteLines
                + "    location / {\n"
                + "        try_files $uri =404;\n"
                + "    }\n"
                + "}\n";
        site = Files.writeString(prefix.resolve("sites-enabled/example.org.conf"), originalSite);
        readableByWorkers(prefix);
        process = new ProcessBuilder(command("-g", "daemon off;")).redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        if (!Await.holdsWithin(Duration.ofSeconds(20), () -> listening() || !process.isAlive())
                || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("nginx did not start: " + logs());
        }
    }

    /** The nginx command line for this prefix with {@code extra} arguments. */
    List<String> command(String... extra) {
        List<String> cmd = new java.util.ArrayList<>(List.of(NGINX.toString(), "-c", config.toString(), "-p",
                prefix + "/", "-e", prefix.resolve("startup.log").toString()));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** The same command as one shell line (for --test-command and --reload-command). */
    String shell(String... extra) {
        return String.join(" ", command(extra));
    }

    /** Puts the site back as it was before any deploy and reloads, without Signpost. */
    void reset() throws Exception {
        Files.writeString(site, originalSite);
        try (Stream<Path> files = Files.list(prefix.resolve("sites-enabled"))) {
            for (Path p : files.filter(p -> !p.equals(site)).toList()) {
                Files.delete(p);
            }
        }
        Path snippets = prefix.resolve("snippets");
        if (Files.isDirectory(snippets)) {
            try (Stream<Path> walk = Files.walk(snippets)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Process reload = new ProcessBuilder(command("-s", "reload")).redirectErrorStream(true).start();
        if (!reload.waitFor(30, TimeUnit.SECONDS) || reload.exitValue() != 0) {
            throw new IllegalStateException("nginx reload failed: " + logs());
        }
    }

    /** How many times nginx was told to reload (from its notice-level log). */
    long reloads() throws IOException {
        Path log = prefix.resolve("error.log");
        if (!Files.exists(log)) {
            return 0;
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains("(SIGHUP) received"))
                .count();
    }

    String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("nginx.out", "startup.log", "error.log")) {
            try {
                out.append("--- ").append(name).append('\n').append(Files.readString(prefix.resolve(name)));
            } catch (IOException e) {
                out.append("--- ").append(name).append(" (none)\n");
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

    /** nginx workers run as nobody when the tests run as root: the prefix and its parents must be readable. */
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
