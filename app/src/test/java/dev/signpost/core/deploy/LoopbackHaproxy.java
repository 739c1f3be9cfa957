package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real HAProxy of this machine with a config of its own: one HTTPS frontend for {@code example.org} on a free
 * loopback port (the test CA's certificate) that answers everything else with 404, as a site without any Matrix
 * lines. It runs in master-worker mode, so {@code kill -USR2} of the master is the reload that
 * {@code systemctl reload haproxy} does; tested with {@code haproxy -c -f}. HAProxy has no snippet file: deploy
 * takes the generated lines into the frontend between markers.
 */
final class LoopbackHaproxy extends LoopbackWebServer {

    static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Path pidFile;

    /**
     * @param errorFileRemoved whether the config names an error page the admin has since removed: the running
     *                         HAProxy keeps what it loaded, but {@code haproxy -c} fails on the config as it is now
     */
    LoopbackHaproxy(Path prefix, TestCa ca, boolean errorFileRemoved) throws Exception {
        super(HAPROXY, "haproxy", prefix, ca);
        pidFile = prefix.resolve("haproxy.pid");
        Path errorPage = Files.writeString(prefix.resolve("503.http"),
                "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\nBack soon.\n");
        start(prefix.resolve("haproxy.cfg"), "global\n"
                + "    pidfile " + pidFile + "\n"
                + "\n"
                + "defaults\n"
                + "    mode http\n"
                + "    timeout connect 5s\n"
                + "    timeout client 30s\n"
                + "    timeout server 30s\n"
                + "    errorfile 503 " + errorPage + "\n"
                + "\n"
                + "frontend example_org_https\n"
                + "    bind 127.0.0.1:" + port + " ssl crt " + pem.combined() + "\n"
                + "    http-request return status 404\n");
        if (errorFileRemoved) {
            Files.delete(errorPage);
        }
    }

    @Override
    String kind() {
        return "haproxy";
    }

    @Override
    String testCommand() {
        return HAPROXY + " -c -f " + site;
    }

    /** The master re-reads the config and starts new workers on SIGUSR2; the old ones finish their requests. */
    @Override
    String reloadCommand() {
        return "kill -USR2 $(cat " + pidFile + ")";
    }

    /** None: the lines go into haproxy.cfg itself. */
    @Override
    Path snippet() {
        return null;
    }

    @Override
    List<String> runCommand() {
        return List.of(HAPROXY.toString(), "-W", "-db", "-f", site.toString());
    }

    /** How many times the master reloaded, from its own notices. */
    @Override
    public long reloads() throws IOException {
        return count(prefix.resolve("server.out"), "Reloading HAProxy");
    }

    @Override
    List<Path> logFiles() {
        return List.of();
    }
}
