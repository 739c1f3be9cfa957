package dev.signpost.cli;

import dev.signpost.core.deploy.ClientKeys;
import dev.signpost.core.deploy.MinaSshServer;
import dev.signpost.testkit.Responder;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code signpost deploy} end to end against a real in-process SSH/SFTP server, never on a terminal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DeployCommandTest {

    private static final String SERVER = "{\n  \"m.server\": \"matrix.example.org:443\"\n}\n";
    private static final String CLIENT = "{\n  \"m.homeserver\": {\n    \"base_url\": \"https://matrix.example.org\"\n  }\n}\n";

    private Path base;
    private ClientKeys keys;
    private MinaSshServer server;
    private Path www;
    private Path knownHosts;
    private Path sshConfig;
    private int counter;
    private Locale previous;

    private String out;
    private String err;

    @BeforeAll
    void start() throws Exception {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        base = Files.createTempDirectory("signpost-cli-deploy-");
        keys = ClientKeys.create(base.resolve("client"));
        server = new MinaSshServer(base.resolve("server/root"), keys);
        sshConfig = Files.writeString(base.resolve("empty_ssh_config"), "");
    }

    @AfterAll
    void stop() throws Exception {
        Locale.setDefault(previous);
        if (server != null) {
            server.close();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void fresh() throws Exception {
        counter++;
        www = Files.createDirectories(server.newDirectory("c" + counter).resolve("www"));
        knownHosts = base.resolve("known_hosts_" + counter);
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
    }

    /** Runs {@code signpost deploy} for example.org without the live check (which would need the internet). */
    private int deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server-name", "example.org", "--skip-live-check"));
        args.addAll(List.of(extra));
        return deployRaw(args.toArray(String[]::new));
    }

    private int deployRaw(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--host", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--user", server.user(),
                "--known-hosts", knownHosts.toString(), "--ssh-config", sshConfig.toString(),
                "--web-root", server.remotePath(www)));
        if (!List.of(extra).contains("--web-server")) {
            // These tests are about uploading into a web root; the default web server is nginx's whole setup.
            args.addAll(List.of("--web-server", "static"));
        }
        args.addAll(List.of(extra));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = SignpostCommand.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return status;
    }

    private String[] withKey(String... extra) {
        List<String> args = new ArrayList<>(List.of("--identity", keys.ecdsa.toString(),
                "--delegate", "matrix.example.org:443"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private Path file(String name) {
        return www.resolve(".well-known/matrix").resolve(name);
    }

    @Test
    void uploadsTheWellKnownFilesWithYes() throws IOException {
        assertThat(deploy(withKey("--yes"))).as(err).isZero();
        assertThat(Files.readString(file("server"))).isEqualTo(SERVER);
        assertThat(Files.readString(file("client"))).isEqualTo(CLIENT);
        assertThat(out).contains("+  \"m.server\": \"matrix.example.org:443\"").contains("3 files uploaded.");

        assertThat(deploy(withKey("--yes"))).isZero();
        assertThat(out).contains("The server already has exactly these files. Nothing was written.");
    }

    @Test
    void afterTheUploadTheLiveCheckSeesTheNewFiles() throws IOException {
        try (TestWorld world = new TestWorld()) {
            world.dns().a("matrix.example.com", "203.0.113.5");
            world.serve("example.com", 443).serve("matrix.example.com", 443)
                    .serve("203.0.113.5", 8448, "matrix.example.com");
            // The site serves whatever is in the web root the upload writes to.
            Responder fromWebRoot = request -> {
                Path file = www.resolve(request.path().substring(1));
                if (!Files.isRegularFile(file)) {
                    return Response.status(404);
                }
                try {
                    return Response.json(Files.readString(file)).withCors();
                } catch (IOException e) {
                    return Response.status(500);
                }
            };
            world.https().route("example.com", "/.well-known/matrix/server", fromWebRoot);
            world.https().route("example.com", "/.well-known/matrix/client", fromWebRoot);
            TestHomeserver homeserver = world.homeserver("example.com");
            homeserver.installFederation(world.https(), "matrix.example.com");
            homeserver.installClient(world.https(), "matrix.example.com");

            List<String> args = new ArrayList<>(List.of("--server-name", "example.com", "--identity",
                    keys.ecdsa.toString(), "--delegate", "matrix.example.com:8448", "--client-base-url",
                    "https://matrix.example.com", "--yes", "--timeout", "5"));
            args.addAll(world.args());
            assertThat(deployRaw(args.toArray(String[]::new))).as(err).isZero();
            assertThat(out).contains("Live check: example.com now serves what was planned.");
            // The verdict came from the test kit's network, and deploy says which, once, after it.
            String dns = world.args().get(1);
            assertThat(out).containsOnlyOnce("Checked with DNS server " + dns + ", 1 extra CA, ")
                    .containsOnlyOnce("Remote servers may come to a different verdict: this check asked the DNS "
                            + "server " + dns);
            assertThat(world.https().requests("/.well-known/matrix/server")).isNotEmpty();

            // A wrong web root: the upload works, but the site does not serve those files, and the check says so.
            world.https().route("example.com", "/.well-known/matrix/server", Response.status(404));
            List<String> moved = new ArrayList<>(args);
            moved.set(moved.indexOf("matrix.example.com:8448"), "matrix2.example.com:8448");
            assertThat(deployRaw(moved.toArray(String[]::new))).as(err).isZero();
            assertThat(out).contains("One file uploaded.")
                    .contains("Live check: example.com does not serve what was planned yet:")
                    .contains("https://example.com/.well-known/matrix/server does not deliver an m.server value yet"
                            + "; your plan says matrix2.example.com:8448. Reason: No server well-known is served (404).");
        }
    }

    @Test
    void withoutATerminalOrYesNothingIsWritten() {
        assertThat(deploy(withKey())).isEqualTo(1);
        assertThat(out).contains("+++ " + server.remotePath(www) + "/.well-known/matrix/server");
        assertThat(err).contains("stdin is not a terminal").contains("--yes");
        assertThat(file("server")).doesNotExist();
    }

    @Test
    void aDryRunPrintsTheDiffAndWritesNothing() throws IOException {
        Files.createDirectories(file("server").getParent());
        Files.writeString(file("server"), "{\n  \"m.server\": \"old.example.org:8448\"\n}\n");
        assertThat(deploy(withKey("--dry-run"))).as(err).isZero();
        assertThat(out).contains("-  \"m.server\": \"old.example.org:8448\"")
                .contains("+  \"m.server\": \"matrix.example.org:443\"")
                .contains("Nothing was written (dry run)");
        assertThat(Files.readString(file("server"))).contains("old.example.org");
    }

    @Test
    void anUnknownHostKeyIsRefusedUnlessAcceptNewIsGiven() throws IOException {
        Files.delete(knownHosts);
        assertThat(deploy(withKey("--yes"))).isEqualTo(1);
        assertThat(err).contains(server.fingerprint()).contains("--accept-new-host-key");
        assertThat(knownHosts).doesNotExist();
        assertThat(file("server")).doesNotExist();

        assertThat(deploy(withKey("--yes", "--accept-new-host-key"))).as(err).isZero();
        assertThat(Files.readString(knownHosts)).contains(server.knownHostsLine());
        assertThat(file("server")).exists();
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWithAcceptNew() throws Exception {
        Files.writeString(knownHosts, server.otherKnownHostsLine() + "\n");
        assertThat(deploy(withKey("--yes", "--accept-new-host-key"))).isEqualTo(1);
        assertThat(err).contains("WARNING").contains("CHANGED").contains(server.fingerprint());
        assertThat(file("server")).doesNotExist();
    }

    @Test
    void aNeededPasswordWithoutATerminalIsAClearError() {
        assertThat(deploy("--identity", keys.stranger.toString(), "--delegate", "matrix.example.org", "--yes"))
                .isEqualTo(1);
        assertThat(err).contains("wants a password, but stdin is not a terminal");
        assertThat(file("server")).doesNotExist();
    }

    @Test
    void rollbackRestoresThePreviousFiles() throws IOException {
        Files.createDirectories(file("server").getParent());
        Files.writeString(file("server"), "previous\n");
        assertThat(deploy(withKey("--yes"))).as(err).isZero();
        assertThat(out).contains("Backup kept: " + server.remotePath(www) + "/.well-known/matrix/server.signpost-backup-");
        assertThat(deploy("--identity", keys.ecdsa.toString(), "--rollback", "--yes")).as(err).isZero();
        assertThat(Files.readString(file("server"))).isEqualTo("previous\n");
        assertThat(out).contains("One file restored from its backup.");
    }

    @Test
    void theAfterCommandIsShownAndItsOutputPrinted() {
        assertThat(deploy(withKey("--yes", "--after-command", "echo web-server-reloaded"))).as(err).isZero();
        assertThat(out).contains("this command will run on the server: echo web-server-reloaded")
                .contains("web-server-reloaded\n");
    }

    @Test
    void badInputIsAUsageError() {
        assertThat(deployRaw("--identity", keys.ecdsa.toString())).isEqualTo(2);
        assertThat(err).contains("--server-name");
        assertThat(deploy("--identity", keys.ecdsa.toString(), "--web-server", "nginx", "--sudo", "sometimes"))
                .isEqualTo(2);
        assertThat(err).contains("sometimes").contains("auto, always or never");
        assertThat(deploy(withKey("--server-name", "exa mple.org"))).isEqualTo(2);
        assertThat(deploy("--delegate", "matrix.example.org:99999")).isEqualTo(2);
        assertThat(err).contains("99999");
        assertThat(deploy("--delegate", "m.example.org", "--client-base-url", "http://m.example.org")).isEqualTo(2);
        assertThat(err).contains("https");
        assertThat(deploy("--delegate", "m.example.org", "--identity", base.resolve("no-such-key").toString()))
                .isEqualTo(2);
        assertThat(err).contains("no-such-key").contains("does not exist");
        assertThat(file("server")).doesNotExist();
    }

    @Test
    void withoutWebServerDeployInstallsForTheSameWebServerAsGenerate() {
        StringWriter generated = new StringWriter();
        assertThat(SignpostCommand.run(new PrintWriter(generated, true), new PrintWriter(new StringWriter(), true),
                "generate", "--server-name", "example.org")).isZero();
        assertThat(generated.toString()).contains("signpost-wellknown.conf").contains("nginx");

        List<String> args = new ArrayList<>(List.of("deploy", "--host", "127.0.0.1", "--port",
                Integer.toString(server.port()), "--user", server.user(), "--known-hosts", knownHosts.toString(),
                "--ssh-config", sshConfig.toString(), "--identity", keys.ecdsa.toString(), "--server-name",
                "example.org", "--skip-live-check", "--dry-run"));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int status = SignpostCommand.run(new PrintWriter(o, true), new PrintWriter(e, true),
                args.toArray(String[]::new));
        // The test server has no nginx site, and deploy says so in nginx's terms: it looked for nginx's setup,
        // not for a web root.
        assertThat(status).as(o + "\n" + e).isEqualTo(1);
        assertThat(e.toString()).contains("No nginx configuration in /etc/nginx/sites-enabled")
                .doesNotContain("--web-root");
        assertThat(file("server")).doesNotExist();
    }
}
