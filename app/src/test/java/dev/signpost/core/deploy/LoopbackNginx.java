package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The real nginx of this machine, laid out as Debian does ({@code nginx.conf} including {@code sites-enabled/*},
 * snippets in {@code snippets/}).
 */
public final class LoopbackNginx extends LoopbackWebServer {

    static final Path NGINX = Path.of("/usr/sbin/nginx");

    final Path config;

    /** @param extraSiteLines lines for the {@code server { }} block, e.g. a location the admin once wrote */
    public LoopbackNginx(Path prefix, TestCa ca, String extraSiteLines) throws Exception {
        super(NGINX, "nginx", prefix, ca);
        Files.createDirectories(prefix.resolve("temp"));
        Files.createDirectories(prefix.resolve("snippets"));
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
        start(prefix.resolve("sites-enabled/example.org.conf"), "server {\n"
                + "    listen 127.0.0.1:" + port + " ssl;\n"
                + "    server_name example.org;\n"
                + "    ssl_certificate " + pem.fullchain() + ";\n"
                + "    ssl_certificate_key " + pem.key() + ";\n"
                + "    root " + www + ";\n"
                + extraSiteLines
                + "    location / {\n"
                + "        try_files $uri =404;\n"
                + "    }\n"
                + "}\n");
    }

    /** The admin once answered the well-known by hand: with the snippet included, {@code nginx -t} refuses it. */
    static LoopbackNginx conflicting(Path prefix, TestCa ca) throws Exception {
        return new LoopbackNginx(prefix, ca,
                "    location = /.well-known/matrix/server {\n        return 404;\n    }\n");
    }

    /** The nginx command line for this prefix with {@code extra} arguments. */
    List<String> command(String... extra) {
        List<String> cmd = new ArrayList<>(List.of(NGINX.toString(), "-c", config.toString(), "-p",
                prefix + "/", "-e", prefix.resolve("startup.log").toString()));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    /** The same command as one shell line (for --test-command and --reload-command). */
    public String shell(String... extra) {
        return String.join(" ", command(extra));
    }

    @Override
    String kind() {
        return "nginx";
    }

    @Override
    String testCommand() {
        return String.join(" ", command("-t", "-q"));
    }

    @Override
    String reloadCommand() {
        return String.join(" ", command("-s", "reload"));
    }

    @Override
    Path snippet() {
        return prefix.resolve("snippets/signpost-wellknown.conf");
    }

    @Override
    List<String> runCommand() {
        return command("-g", "daemon off;");
    }

    /** No worker of an earlier configuration is left: nginx names those "worker process is shutting down". */
    @Override
    public boolean settled() {
        return process().descendants().noneMatch(worker -> title(worker).contains("shutting down"));
    }

    private static String title(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "cmdline")).replace('\0', ' ');
        } catch (IOException | java.io.UncheckedIOException e) {
            return "";
        }
    }

    /** How many times nginx was told to reload (from its notice-level log). */
    @Override
    public long reloads() throws IOException {
        return count(prefix.resolve("error.log"), "(SIGHUP) received");
    }

    @Override
    List<Path> logFiles() {
        return List.of(prefix.resolve("startup.log"), prefix.resolve("error.log"));
    }
}
