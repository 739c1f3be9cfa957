package dev.signpost.installer;

import dev.signpost.core.deploy.ClientKeys;
import dev.signpost.core.deploy.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code signpost deploy} from the packaged launcher (the app image, and the .deb's files as dpkg installs them)
 * against the real OpenSSH {@code sshd} allowing only curve25519, an ed25519 host key and ed25519 user keys: fails
 * if the jlink'd runtime or the repackaged jar lost what JSch needs for them (the jar's multi-release classes, the
 * EdDSA/XDH provider).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedSshTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private Path base;
    private ClientKeys keys;
    private OpenSshServer server;
    private Path knownHosts;
    private int counter;

    @BeforeAll
    void start() throws Exception {
        base = Files.createTempDirectory("signpost-packaged-ssh-");
        keys = ClientKeys.create(base.resolve("client"));
        server = new OpenSshServer(base.resolve("server"), keys, List.of("ed25519"),
                List.of("KexAlgorithms curve25519-sha256", "HostKeyAlgorithms ssh-ed25519",
                        "PubkeyAcceptedAlgorithms ssh-ed25519"));
        knownHosts = base.resolve("known_hosts");
        server.recordKnownHosts(knownHosts, keys.ed25519, null, true);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (base != null) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Run deploy(Path launcher, Path www, Path identity) throws IOException {
        Path config = Files.writeString(base.resolve("ssh_config"), "");
        return Run.of(TIMEOUT, env -> {
            env.remove("DISPLAY");
            env.remove("WAYLAND_DISPLAY");
            env.remove("SSH_AUTH_SOCK");
            // The support log goes to a directory of this test, never to the user's state directory.
            env.put("XDG_STATE_HOME", base.resolve("state").toString());
        }, launcher.toString(), "deploy", "--host", "127.0.0.1", "--port", Integer.toString(server.port()),
                "--user", server.user(), "--identity", identity.toString(), "--known-hosts", knownHosts.toString(),
                "--ssh-config", config.toString(), "--web-root", server.remotePath(www),
                "--server-name", "signpost.test", "--delegate", "matrix.signpost.test", "--web-server", "static",
                "--yes", "--skip-live-check",
                "--timeout", "30");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app-image", "deb"})
    void uploadsWithEd25519KeysOverCurve25519(String from) throws Exception {
        Path www = Files.createDirectories(server.newDirectory("ok-" + from + (++counter)).resolve("www"));
        Run run = deploy(Packaged.launcher(from, base), www, keys.ed25519);
        assertThat(run.exitStatus()).as("stdout: %s stderr: %s", run.out(), run.err()).isZero();
        // The two well-knowns and the static site's .htaccess.
        assertThat(run.out()).contains("3 files uploaded.");
        assertThat(www.resolve(".well-known/matrix/server")).content().contains("matrix.signpost.test:8448");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("not in known_hosts");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"app-image", "deb"})
    void aRefusedKeyIsOneSentenceNamingTheOption(String from) throws Exception {
        Path www = Files.createDirectories(server.newDirectory("no-" + from + (++counter)).resolve("www"));
        Run run = deploy(Packaged.launcher(from, base), www, keys.stranger);
        assertThat(run.exitStatus()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("refused the login as " + server.user(), "--identity FILE")
                .doesNotContain("Exception").doesNotContainIgnoringCase("jsch");
        assertThat(www.resolve(".well-known")).doesNotExist();
    }
}
