package dev.signpost.core.generate;

import dev.signpost.core.plan.WebServerKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One installed web server, driven the way an admin would: the generated site config inside a minimal main config
 * of our own (pid, logs and state in the test's directory, never the system's), a config test, then a foreground
 * run on loopback.
 */
abstract class RealServer {

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    final WebServerKind kind;
    final String binary;

    RealServer(WebServerKind kind, String binary) {
        this.kind = kind;
        this.binary = binary;
    }

    static List<RealServer> all() {
        return List.of(new Nginx(), new Caddy(), new Apache(), new Haproxy());
    }

    /** The server of this class. */
    static RealServer create(Class<? extends RealServer> type) {
        return all().stream().filter(type::isInstance).findFirst().orElseThrow();
    }

    /** The binary's path, or null when it is not installed. */
    String executable() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/sbin")
                .split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, binary))) {
                return Path.of(dir, binary).toString();
            }
        }
        return null;
    }

    /** Writes the main config around {@code generated} (the output directory) and returns its path. */
    abstract Path mainConfig(Path work, Path generated, int httpPort) throws IOException;

    /**
     * Writes a main config with an existing site for example.com that proxies everything to an application
     * (the stand-in upstream) and takes the generated drop-in snippet, the way an admin adds it.
     */
    abstract Path dropInConfig(Path work, Deployment deployment) throws IOException;

    abstract List<String> testCommand(Path config);

    abstract List<String> runCommand(Path config);

    Map<String, String> environment(Path work) {
        return Map.of();
    }

    @Override
    public String toString() {
        return binary;
    }

    static Path write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    static final class Nginx extends RealServer {
        Nginx() {
            super(WebServerKind.NGINX, "nginx");
        }

        @Override
        Path mainConfig(Path work, Path generated, int httpPort) throws IOException {
            Files.createDirectories(work.resolve("nginx-temp"));
            return write(work.resolve("nginx.conf"), (ROOT ? "user nobody nogroup;\n" : "")
                    + "pid " + work.resolve("nginx.pid") + ";\n"
                    + "error_log " + work.resolve("nginx-error.log") + " warn;\n"
                    + "worker_processes 1;\n"
                    + "events { worker_connections 64; }\n"
                    + "http {\n"
                    + "    access_log off;\n"
                    + "    client_body_temp_path " + work.resolve("nginx-temp/body") + ";\n"
                    + "    proxy_temp_path " + work.resolve("nginx-temp/proxy") + ";\n"
                    + "    fastcgi_temp_path " + work.resolve("nginx-temp/fastcgi") + ";\n"
                    + "    uwsgi_temp_path " + work.resolve("nginx-temp/uwsgi") + ";\n"
                    + "    scgi_temp_path " + work.resolve("nginx-temp/scgi") + ";\n"
                    + "    include " + generated.resolve("nginx/signpost-site.conf") + ";\n"
                    + "}\n");
        }

        @Override
        Path dropInConfig(Path work, Deployment d) throws IOException {
            Path site = write(work.resolve("existing-site.conf"), "server {\n"
                    + "    listen 127.0.0.1:" + d.httpsPort + " ssl;\n"
                    + "    server_name example.com;\n"
                    + "    ssl_certificate " + work.resolve("tls/fullchain.pem") + ";\n"
                    + "    ssl_certificate_key " + work.resolve("tls/key.pem") + ";\n"
                    + "    include " + d.out.resolve(NginxGenerator.SNIPPET) + ";\n"
                    + "    location / {\n"
                    + "        proxy_pass http://127.0.0.1:" + d.upstreamPort() + ";\n"
                    + "    }\n"
                    + "}\n");
            Path main = mainConfig(work, d.out, d.httpPort);
            return write(main, Files.readString(main).replace(d.out.resolve("nginx/signpost-site.conf").toString(),
                    site.toString()));
        }

        @Override
        List<String> testCommand(Path config) {
            return List.of(executable(), "-t", "-q", "-c", config.toString(), "-p", config.getParent() + "/",
                    "-e", config.getParent().resolve("nginx-startup.log").toString());
        }

        @Override
        List<String> runCommand(Path config) {
            return List.of(executable(), "-c", config.toString(), "-p", config.getParent() + "/",
                    "-e", config.getParent().resolve("nginx-startup.log").toString(), "-g", "daemon off;");
        }
    }

    static final class Caddy extends RealServer {
        Caddy() {
            super(WebServerKind.CADDY, "caddy");
        }

        @Override
        Path mainConfig(Path work, Path generated, int httpPort) throws IOException {
            return write(work.resolve("Caddyfile"), "{\n"
                    + "\tadmin off\n"
                    + "\tauto_https disable_redirects\n"
                    + "\thttp_port " + httpPort + "\n"
                    + "\tstorage file_system " + work.resolve("caddy-data") + "\n"
                    // HTTP/3 would also need the UDP port of the same number, which a test cannot reserve.
                    + "\tservers {\n\t\tprotocols h1 h2\n\t}\n"
                    + "}\n"
                    + "import " + generated.resolve("caddy/Caddyfile") + "\n");
        }

        @Override
        Path dropInConfig(Path work, Deployment d) throws IOException {
            Path site = write(work.resolve("existing.caddy"), "example.com:" + d.httpsPort + " {\n"
                    + "\tbind 127.0.0.1\n"
                    + "\ttls " + work.resolve("tls/fullchain.pem") + " " + work.resolve("tls/key.pem") + "\n"
                    + "\timport " + d.out.resolve(CaddyGenerator.SNIPPET) + "\n"
                    + "\treverse_proxy 127.0.0.1:" + d.upstreamPort() + "\n"
                    + "}\n");
            Path main = mainConfig(work, d.out, d.httpPort);
            return write(main, Files.readString(main).replace(d.out.resolve("caddy/Caddyfile").toString(),
                    site.toString()));
        }

        @Override
        List<String> testCommand(Path config) {
            return List.of(executable(), "validate", "--config", config.toString(), "--adapter", "caddyfile");
        }

        @Override
        List<String> runCommand(Path config) {
            return List.of(executable(), "run", "--config", config.toString(), "--adapter", "caddyfile");
        }

        @Override
        Map<String, String> environment(Path work) {
            String home = work.resolve("caddy-home").toString();
            return Map.of("HOME", home, "XDG_DATA_HOME", home, "XDG_CONFIG_HOME", home);
        }
    }

    static final class Apache extends RealServer {
        private static final String MODULES = "/usr/lib/apache2/modules";

        Apache() {
            super(WebServerKind.APACHE, "apache2");
        }

        @Override
        Path mainConfig(Path work, Path generated, int httpPort) throws IOException {
            return write(work.resolve("apache.conf"), head(work)
                    + "Include " + generated.resolve("apache/signpost-site.conf") + "\n");
        }

        /** Server-wide settings: runtime files in {@code work}, the modules the generated configs need. */
        static String head(Path work) throws IOException {
            Path run = Files.createDirectories(work.resolve("apache-run"));
            StringBuilder out = new StringBuilder();
            out.append("ServerRoot ").append(work).append('\n');
            out.append("DefaultRuntimeDir ").append(run).append('\n');
            out.append("PidFile ").append(run.resolve("apache.pid")).append('\n');
            out.append("ErrorLog ").append(work.resolve("apache-error.log")).append('\n');
            out.append("LogLevel warn\n");
            out.append("Mutex file:").append(run).append(" default\n");
            out.append("ServerName localhost\n");
            for (String module : List.of("mpm_event", "authz_core", "alias", "headers", "ssl",
                    "socache_shmcb", "proxy", "proxy_http")) {
                out.append("LoadModule ").append(module).append("_module ").append(MODULES).append("/mod_")
                        .append(module).append(".so\n");
            }
            if (ROOT) {
                // Apache refuses to serve as root; its workers drop to nobody (the test tree is world-readable).
                out.append("User nobody\nGroup nogroup\n");
            }
            return out.toString();
        }

        @Override
        Path dropInConfig(Path work, Deployment d) throws IOException {
            return write(work.resolve("apache.conf"), head(work)
                    + "Listen 127.0.0.1:" + d.httpsPort + "\n"
                    + "<VirtualHost *:" + d.httpsPort + ">\n"
                    + "    ServerName example.com\n"
                    + "    SSLEngine on\n"
                    + "    SSLCertificateFile " + work.resolve("tls/fullchain.pem") + "\n"
                    + "    SSLCertificateKeyFile " + work.resolve("tls/key.pem") + "\n"
                    + "    Include " + d.out.resolve(ApacheGenerator.SNIPPET) + "\n"
                    + "    ProxyPass / http://127.0.0.1:" + d.upstreamPort() + "/\n"
                    + "</VirtualHost>\n");
        }

        @Override
        List<String> testCommand(Path config) {
            return List.of(executable(), "-t", "-f", config.toString());
        }

        @Override
        List<String> runCommand(Path config) {
            return List.of(executable(), "-f", config.toString(), "-DFOREGROUND");
        }
    }

    static final class Haproxy extends RealServer {
        Haproxy() {
            super(WebServerKind.HAPROXY, "haproxy");
        }

        @Override
        Path mainConfig(Path work, Path generated, int httpPort) {
            // The generated haproxy.cfg is already complete; it writes nothing outside memory.
            return generated.resolve("haproxy/haproxy.cfg");
        }

        @Override
        Path dropInConfig(Path work, Deployment d) throws IOException {
            return write(work.resolve("haproxy-existing.cfg"), "defaults\n"
                    + "    mode http\n"
                    + "    timeout connect 5s\n"
                    + "    timeout client 30s\n"
                    + "    timeout server 30s\n\n"
                    + "frontend existing_https\n"
                    + "    bind 127.0.0.1:" + d.httpsPort + " ssl crt " + work.resolve("tls/combined.pem") + "\n"
                    + d.file(HaproxyGenerator.SNIPPET)
                    + "    default_backend app\n\n"
                    + "backend app\n"
                    + "    server app 127.0.0.1:" + d.upstreamPort() + "\n");
        }

        @Override
        List<String> testCommand(Path config) {
            return List.of(executable(), "-c", "-q", "-f", config.toString());
        }

        @Override
        List<String> runCommand(Path config) {
            return List.of(executable(), "-db", "-f", config.toString());
        }
    }
}
