package dev.signpost.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.net.CancelToken;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;
import dev.signpost.core.net.HttpsClient;
import dev.signpost.testkit.ShippedJar;
import dev.signpost.testkit.TestCa;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar against a loopback "VPS": the real OpenSSH sshd (ed25519 host key, recorded in known_hosts) and a
 * real web server serving example.org from an empty web root with a site config that has no Matrix lines.
 * {@code signpost deploy --web-server KIND} must install the snippet and the line that takes it in, test the
 * config before reloading, and leave a site on which every check of {@code signpost check} passes; a second run
 * changes nothing; a failed config test reloads nothing and puts the old config back. One subclass per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
abstract class LoopbackDeploySuite {

    static final String SERVER = "{\n  \"m.server\": \"matrix.example.org:8448\"\n}\n";

    Path base;
    ClientKeys keys;
    OpenSshServer sshd;
    Path knownHosts;
    TestWorld world;
    LoopbackWebServer web;

    /** The server with a site that serves example.org and nothing of Matrix. */
    abstract LoopbackWebServer start(Path prefix, TestCa ca) throws Exception;

    /** The same, able to proxy to a homeserver (the modules a reverse proxy needs are loaded). */
    LoopbackWebServer startProxying(Path prefix, TestCa ca) throws Exception {
        return start(prefix, ca);
    }

    /** The same, set up so that the configuration test fails once the snippet is taken in. */
    abstract LoopbackWebServer startBroken(Path prefix, TestCa ca) throws Exception;

    /** A piece of the server's own error line for {@link #startBroken}. */
    abstract String brokenMessage();

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

    /** One run of the built jar, with a HOME of its own (never the real ~/.ssh) and English messages. */
    Result signpost(List<String> args) throws Exception {
        long start = System.nanoTime();
        ShippedJar.Run run = ShippedJar.run(base.resolve("home"), Duration.ofSeconds(180), env -> {
            env.put("HOME", base.resolve("home").toString());
            env.put("LANG", "en_US.UTF-8");
            env.remove("LC_ALL");
            env.remove("SSH_AUTH_SOCK");
        }, args.toArray(String[]::new));
        return new Result(run.exitCode(), run.stdout(), run.stderr(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /** What one run did and its wall time. */
    record Result(int exit, String out, String err, long millis) {
        String both() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
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

    @Test
    void deployInstallsEverythingEveryCheckPassesAndASecondRunChangesNothing() throws Exception {
        use(start(prefix(), world.ca()));
        assertThat(fetch(web.port, "/.well-known/matrix/server").statusCode()).isEqualTo(404);
        long reloadsBefore = web.reloads();

        List<String> args = deployArgs(sshd.port());
        args.addAll(world.args());
        Result first = signpost(args);
        assertThat(first.exit()).as(first.both()).isZero();
        assertThat(first.out()).contains(web.snippet().toString())
                .contains("these commands will run on the server").contains("files installed")
                .contains("Live check: example.org now serves what was planned.");
        assertThat(first.err()).contains("Testing the configuration").contains("Reloading");
        assertThat(web.reloads()).as(web.logs()).isEqualTo(reloadsBefore + 1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(web.snippet())))
                .isEqualTo("rw-r--r--");
        HttpResponse served = fetch(web.port, "/.well-known/matrix/server");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.bodyText()).isEqualTo(SERVER);
        System.out.println("[measure] deploy --web-server " + web.kind() + " on loopback (two live checks): "
                + first.millis() + " ms");

        // Skipped by design, not by failure: SRV is not consulted when the well-known delegates, the loopback
        // homeserver has no IPv6 address, and the plan has no call service.
        assertThat(notPassed()).containsExactlyInAnyOrder("federation.srv=skip", "federation.ipv6=skip",
                "client.rtc=skip");

        String siteAfterFirst = Files.readString(web.site);
        Result second = signpost(args);
        assertThat(second.exit()).as(second.both()).isZero();
        assertThat(second.out()).contains("The server already has exactly these files. Nothing was written.");
        assertThat(second.err()).doesNotContain("Reloading");
        assertThat(web.reloads()).isEqualTo(reloadsBefore + 1);
        assertThat(Files.readString(web.site)).isEqualTo(siteAfterFirst);
        System.out.println("[measure] second deploy --web-server " + web.kind() + " (nothing to change): "
                + second.millis() + " ms");
    }

    @Test
    void callAndSignInRoutesAreInstalledWithTheRestAndEveryNewCheckPassesThroughThem() throws Exception {
        try (CallsAndSignInWorld apps = new CallsAndSignInWorld(world)) {
            use(startProxying(prefix(), world.ca()));
            long reloadsBefore = web.reloads();
            List<String> args = deployArgs(sshd.port(), "--client-base-url", "https://example.org",
                    "--federation-proxy", "--upstream", apps.upstream(), "--call-service", apps.callService(),
                    "--auth-issuer", apps.issuer());
            args.addAll(world.args());

            Result first = signpost(args);

            assertThat(first.exit()).as(first.both() + "\n" + web.logs()).isZero();
            Path routes = web.snippet().resolveSibling(web.kind().equals("caddy")
                    ? "signpost-routes.caddy" : "signpost-routes.conf");
            assertThat(first.out()).contains(web.snippet().toString()).contains(routes.toString());
            assertThat(routes).exists();
            assertThat(Files.readString(web.site)).contains(routes.toString());
            assertThat(web.reloads()).as(web.logs()).isEqualTo(reloadsBefore + 1);
            Result check = signpost(List.of(world.args("check", "example.org", "--json", "--timeout", "5")));
            JsonNode report = new ObjectMapper().readTree(check.out());
            for (String id : List.of("client.sliding-sync", "client.auth", "client.rtc", "client.media",
                    "federation.media")) {
                List<String> statuses = new ArrayList<>();
                report.path("checks").forEach(c -> {
                    if (c.path("id").asText().equals(id)) {
                        statuses.add(c.path("status").asText() + ": " + c.path("summary").asText());
                    }
                });
                assertThat(statuses).as(id + "\n" + check.out()).singleElement().satisfies(s -> assertThat(s).startsWith("pass"));
            }
            for (String path : List.of("/_matrix/client/versions", "/_matrix/client/v1/auth_metadata",
                    "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports", "/_matrix/client/v1/media/config",
                    "/_matrix/client/v3/no-such-endpoint", "/_matrix/federation/v1/media/download/x")) {
                HttpResponse response = fetch(web.port, path);
                assertThat(response.header("Content-Type").orElse("")).as(path + " " + response.bodyText())
                        .startsWith("application/json");
                assertThat(response.bodyText()).as(path).startsWith("{").doesNotContain("<html");
            }
            assertThat(apps.homeserverSaw()).contains("/_matrix/client/v1/auth_metadata",
                    "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports");

            String siteAfterFirst = Files.readString(web.site);
            Result second = signpost(args);
            assertThat(second.exit()).as(second.both()).isZero();
            assertThat(second.out()).contains("The server already has exactly these files. Nothing was written.");
            assertThat(web.reloads()).isEqualTo(reloadsBefore + 1);
            assertThat(Files.readString(web.site)).isEqualTo(siteAfterFirst);
        }
    }

    @Test
    void aFailedConfigTestReloadsNothingAndPutsTheOldConfigBack() throws Exception {
        use(startBroken(prefix(), world.ca()));
        long reloadsBefore = web.reloads();
        Result r = signpost(deployArgs(sshd.port(), "--skip-live-check"));
        assertThat(r.exit()).as(r.both()).isEqualTo(1);
        assertThat(r.err()).contains("The configuration test").contains("nothing was reloaded")
                .contains(brokenMessage()).doesNotContain("Exception");
        assertThat(Files.readString(web.site)).isEqualTo(web.originalSite);
        assertThat(web.snippet()).doesNotExist();
        assertThat(web.reloads()).isEqualTo(reloadsBefore);
        assertThat(fetch(web.port, "/.well-known/matrix/server").statusCode()).isEqualTo(404);
    }
}
