package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real Caddy of this machine with a Caddyfile, storage and admin endpoint of its own (a loopback port), no
 * automatic HTTPS: the site serves {@code example.org} with the test CA's certificate. Tested with
 * {@code caddy validate} and reloaded with {@code caddy reload} against that admin endpoint, as
 * {@code systemctl reload caddy} does.
 */
final class LoopbackCaddy extends LoopbackWebServer {

    static final Path CADDY = Path.of("/usr/bin/caddy");

    final Path caddyfile;
    final int adminPort;

    /**
     * @param importsMissingFile whether the site imports a file the admin has since removed: Caddy keeps serving
     *                           what it loaded, but {@code caddy validate} fails on the file as it is now
     */
    LoopbackCaddy(Path prefix, TestCa ca, boolean importsMissingFile) throws Exception {
        super(CADDY, "caddy", prefix, ca);
        adminPort = freePort();
        Files.createDirectories(prefix.resolve("data"));
        Files.createDirectories(prefix.resolve("config"));
        caddyfile = prefix.resolve("Caddyfile");
        Path extras = prefix.resolve("local-extras.caddy");
        if (importsMissingFile) {
            Files.writeString(extras, "header X-Local yes\n");
        }
        start(caddyfile, "{\n"
                + "\tadmin 127.0.0.1:" + adminPort + "\n"
                + "\tauto_https off\n"
                + "\tstorage file_system " + prefix.resolve("data") + "\n"
                + "\tservers {\n"
                + "\t\tprotocols h1 h2\n"
                + "\t}\n"
                + "}\n"
                + "\n"
                + "https://example.org:" + port + " {\n"
                + "\tbind 127.0.0.1\n"
                + "\ttls " + pem.fullchain() + " " + pem.key() + "\n"
                + (importsMissingFile ? "\timport " + extras + "\n" : "")
                + "\troot * " + www + "\n"
                + "\tfile_server\n"
                + "}\n");
        if (importsMissingFile) {
            Files.delete(extras);
        }
    }

    /** Caddy's own state goes to the prefix, never to the user's home (also for the commands sshd runs). */
    private String env() {
        return "env HOME=" + prefix + " XDG_DATA_HOME=" + prefix.resolve("data") + " XDG_CONFIG_HOME="
                + prefix.resolve("config") + " ";
    }

    @Override
    void environment(Map<String, String> env) {
        env.put("HOME", prefix.toString());
        env.put("XDG_DATA_HOME", prefix.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", prefix.resolve("config").toString());
    }

    @Override
    String kind() {
        return "caddy";
    }

    @Override
    String testCommand() {
        return env() + CADDY + " validate --config " + caddyfile + " --adapter caddyfile";
    }

    @Override
    String reloadCommand() {
        return env() + CADDY + " reload --config " + caddyfile + " --adapter caddyfile --address 127.0.0.1:"
                + adminPort;
    }

    @Override
    Path snippet() {
        return prefix.resolve("signpost-wellknown.caddy");
    }

    @Override
    List<String> runCommand() {
        return List.of(CADDY.toString(), "run", "--config", caddyfile.toString(), "--adapter", "caddyfile");
    }

    @Override
    public long reloads() throws IOException {
        // Each reload that changed something replaces the running server.
        return count(prefix.resolve("server.out"), "\"stopped previous server\"");
    }

    @Override
    List<Path> logFiles() {
        return List.of();
    }
}
