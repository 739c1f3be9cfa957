package dev.signpost.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.net.CancelToken;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;
import dev.signpost.core.net.HttpsClient;
import dev.signpost.testkit.ShippedJar;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loopback "VPS" for the built jar: the real OpenSSH sshd (ed25519 host key, recorded in known_hosts by OpenSSH's
 * own ssh; an ed25519 user key), the test kit's DNS and HTTPS for the homeserver at matrix.example.org, and a real
 * web server (nginx, Apache, Caddy, HAProxy) serving example.org from a prefix of its own ({@link #use}). Runs
 * {@code java -jar signpost.jar} as a process with a HOME of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
abstract class LoopbackDeployKit {

    static final String SERVER = "{\n  \"m.server\": \"matrix.example.org:8448\"\n}\n";

    Path base;
    ClientKeys keys;
    OpenSshServer sshd;
    Path knownHosts;
    TestWorld world;
    LoopbackWebServer web;

    @BeforeAll
    void startAll() throws Exception {
        ShippedJar.jar();
        base = Files.createTempDirectory("signpost-" + getClass().getSimpleName() + "-");
        keys = ClientKeys.create(base.resolve("client"));
        sshd = new OpenSshServer(base.resolve("sshd"), keys);
        knownHosts = base.resolve("known_hosts");
        // As a user's first ssh to the server records it: OpenSSH's own client writes known_hosts.
        sshd.recordKnownHosts(knownHosts, keys.ed25519, null, false);
        Files.createDirectories(base.resolve("home"));
        world = new TestWorld();
        // The homeserver: federation on matrix.example.org:8448, client API on matrix.example.org:443.
        world.dns().a("matrix.example.org", "127.0.0.1");
        world.serve("matrix.example.org", 443).serve("127.0.0.1", 8448, "matrix.example.org");
        TestHomeserver homeserver = world.homeserver("example.org");
        homeserver.installFederation(world.https(), "matrix.example.org");
        homeserver.installClient(world.https(), "matrix.example.org");
    }

    @AfterAll
    void stopAll() throws Exception {
        if (world != null) {
            world.close();
        }
        if (sshd != null) {
            sshd.close();
        }
        if (base != null) {
            LoopbackWebServer.deleteTree(base);
        }
    }

    @AfterEach
    void stopWeb() throws Exception {
        if (web != null) {
            web.close();
            web = null;
        }
    }

    LoopbackWebServer use(LoopbackWebServer server) {
        web = server;
        world.resolve("example.org", 443, "127.0.0.1:" + server.port);
        return server;
    }

    Path prefix() {
        return base.resolve("web-" + System.nanoTime());
    }

    List<String> deployArgs(int sshPort, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--host", "127.0.0.1", "--port",
                Integer.toString(sshPort), "--user", sshd.user(), "--identity", keys.ed25519.toString(),
                "--known-hosts", knownHosts.toString(), "--yes", "--timeout", "10",
                "--server-name", "example.org", "--web-server", web.kind(), "--admin-contact", "@admin:example.org",
                "--config-path", web.site.toString(),
                "--test-command", web.testCommand(),
                "--reload-command", web.reloadCommand()));
        args.addAll(web.extraDeployArgs());
        args.addAll(List.of(extra));
        return args;
    }

    /** One run of the built jar, with nothing on standard input. */
    Result signpost(List<String> args) throws Exception {
        return signpost(args, null);
    }

    /** One run of the built jar with {@code stdin} piped in (or nothing when null). */
    Result signpost(List<String> args, byte[] stdin) throws Exception {
        long start = System.nanoTime();
        ShippedJar.Run run = ShippedJar.run(base.resolve("home"), Duration.ofSeconds(180), this::jarEnvironment,
                stdin, args.toArray(String[]::new));
        return new Result(run.exitCode(), run.stdout(), run.stderr(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** A HOME of its own (never the real ~/.ssh), no agent, English messages. */
    void jarEnvironment(Map<String, String> env) {
        env.put("HOME", base.resolve("home").toString());
        env.put("LANG", "en_US.UTF-8");
        env.remove("LC_ALL");
        env.remove("SSH_AUTH_SOCK");
    }

    /** What one run did and its wall time. */
    record Result(int exit, String out, String err, long millis) {
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The file the first deploy writes that this server's config takes in: its snippet, or the config itself. */
    Path installedFile() {
        return web.snippet() != null ? web.snippet() : web.site;
    }

    static HttpResponse fetch(int port, String path) {
        return new HttpsClient(Duration.ofSeconds(5), "Signpost-test").get(
                new HttpTarget(true, new InetSocketAddress("127.0.0.1", port), "example.org", "example.org", path),
                1 << 20, new CancelToken(), Instant.now().plusSeconds(15));
    }

    /** The checks of {@code signpost check --json} that did not pass, as {@code id=status}. */
    List<String> notPassed() throws Exception {
        Result check = signpost(List.of(world.args("check", "example.org", "--json", "--timeout", "5")));
        assertThat(check.exit()).as(check.both()).isZero();
        JsonNode report = new ObjectMapper().readTree(check.out());
        List<String> notPassed = new ArrayList<>();
        report.path("checks").forEach(c -> {
            if (!c.path("status").asText().equals("pass")) {
                notPassed.add(c.path("id").asText() + "=" + c.path("status").asText());
            }
        });
        return notPassed;
    }
}
