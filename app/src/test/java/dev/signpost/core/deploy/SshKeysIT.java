package dev.signpost.core.deploy;

import dev.signpost.testkit.Await;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code signpost deploy} from the built jar, as a process, against the real OpenSSH {@code sshd} on loopback with
 * ed25519, ECDSA and RSA host keys, known_hosts written by OpenSSH's own {@code ssh}, and user keys made by
 * {@code ssh-keygen}. What users run, with the keys users have; and every failure is one sentence with a fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshKeysIT {

    private static final String SERVER_NAME = "signpost.test";

    private Path base;
    private ClientKeys keys;
    private OpenSshServer server;
    private Path home;
    private Path emptyConfig;
    private int counter;

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeAll
    void start() throws Exception {
        MultiReleaseJarIT.jar();
        base = Files.createTempDirectory("signpost-ssh-it-");
        keys = ClientKeys.create(base.resolve("client"));
        server = new OpenSshServer(base.resolve("server"), keys, List.of("ed25519", "ecdsa", "rsa"), List.of());
        // An empty home: no ~/.ssh keys, config or known_hosts of whoever runs the tests.
        home = Files.createDirectories(base.resolve("home"));
        emptyConfig = Files.writeString(base.resolve("ssh_config"), "");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Path webRoot(OpenSshServer on) throws Exception {
        return Files.createDirectories(on.newDirectory("w" + (++counter)).resolve("www"));
    }

    private Path knownHosts() {
        return base.resolve("known_hosts_" + (++counter));
    }

    private Run deploy(OpenSshServer to, Path www, Path knownHosts, Path identity, Map<String, String> env,
                       String... extra) throws Exception {
        return deployAt(to.port(), to, www, knownHosts, identity, env, extra);
    }

    private Run deployAt(int port, OpenSshServer to, Path www, Path knownHosts, Path identity,
                         Map<String, String> env, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-Dsignpost.log.dir=" + base.resolve("logs")));
        for (String e : extra) {
            if (e.startsWith("-D")) {
                cmd.add(e);
            }
        }
        cmd.addAll(List.of("-jar", MultiReleaseJarIT.jar().toString(), "deploy",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--user", to.user(),
                "--known-hosts", knownHosts.toString(), "--ssh-config", emptyConfig.toString(),
                "--web-root", to.remotePath(www), "--server-name", SERVER_NAME, "--delegate", "matrix.signpost.test",
                "--web-server", "static", "--yes", "--skip-live-check", "--timeout", "20"));
        if (identity != null) {
            cmd.addAll(List.of("--identity", identity.toString()));
        }
        for (String e : extra) {
            if (!e.startsWith("-D")) {
                cmd.add(e);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"));
        pb.environment().remove("SSH_AUTH_SOCK");
        pb.environment().putAll(env);
        Path out = base.resolve("out_" + counter);
        Path err = base.resolve("err_" + counter);
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("signpost deploy finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run deploy(Path www, Path knownHosts, Path identity, String... extra) throws Exception {
        return deploy(server, www, knownHosts, identity, Map.of(), extra);
    }

    /** One sentence from Signpost, never the library's words or a stack trace. */
    private static void assertSentence(Run r, String... expected) {
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).as(r.all()).contains(expected)
                .doesNotContain("Exception").doesNotContainIgnoringCase("jsch").doesNotContain("\tat ")
                .doesNotContain("Algorithm negotiation").doesNotContain("Auth fail").doesNotContain("HostKey");
        assertThat(r.err().lines().filter(l -> l.startsWith("signpost deploy: "))).hasSize(1);
    }

    private static void assertUploaded(Run r, Path www) throws IOException {
        assertThat(r.exit()).as(r.all()).isZero();
        // The two well-knowns and the static site's .htaccess.
        assertThat(r.out()).contains("3 files uploaded.");
        assertThat(Files.readString(www.resolve(".well-known/matrix/server")))
                .contains("\"m.server\": \"matrix.signpost.test:8448\"");
        assertThat(Files.readString(www.resolve(".well-known/matrix/client")))
                .contains("\"base_url\": \"https://matrix.signpost.test\"");
    }

    @ParameterizedTest(name = "ssh recorded {0} (hashed: {1}); login with {2}")
    @CsvSource({
            "ssh-ed25519, true, ed25519",
            "ecdsa-sha2-nistp256, false, ecdsa",
            "rsa-sha2-512, true, rsa",
            "rsa-sha2-256, false, ed25519"})
    void uploadsWithEachKeyTypeAgainstTheHostKeySshRecorded(String algorithm, boolean hashed, String userKey)
            throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, algorithm, hashed);
        Path www = webRoot(server);
        Run r = deploy(www, knownHosts, (Path) ClientKeys.class.getField(userKey).get(keys));
        assertUploaded(r, www);
        assertThat(r.err()).doesNotContain("not in known_hosts");
        assertThat(server.log()).contains("Accepted publickey for " + server.user());
    }

    @Test
    void anEncryptedEd25519KeyWorksThroughSshAgent() throws Exception {
        Path socket = base.resolve("agent.sock");
        Process agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(base.resolve("agent.log").toFile()).start();
        try {
            Await.until(Duration.ofSeconds(20), "ssh-agent socket", () -> Files.exists(socket));
            Path askpass = base.resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\necho '" + ClientKeys.PASSPHRASE + "'\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", keys.encryptedEd25519.toString())
                    .redirectInput(new File("/dev/null")).redirectErrorStream(true);
            add.environment().putAll(Map.of("SSH_AUTH_SOCK", socket.toString(), "SSH_ASKPASS", askpass.toString(),
                    "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"));
            Process adding = add.start();
            String added = new String(adding.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(adding.waitFor()).as(added).isZero();

            Path knownHosts = knownHosts();
            server.recordKnownHosts(knownHosts, keys.ed25519, null, true);
            Path www = webRoot(server);
            Run r = deploy(server, www, knownHosts, null, Map.of("SSH_AUTH_SOCK", socket.toString()));
            assertUploaded(r, www);
            assertThat(r.err()).doesNotContain("passphrase");
        } finally {
            agent.destroy();
        }
    }

    @Test
    void aModernOnlyServerWorksAndTheSavedKeyIsOneSshAccepts() throws Exception {
        // curve25519 and ed25519 only: works only when the jar's versioned JSch classes are used.
        try (OpenSshServer modern = new OpenSshServer(base.resolve("modern"), keys, List.of("ed25519"),
                List.of("KexAlgorithms curve25519-sha256", "HostKeyAlgorithms ssh-ed25519",
                        "PubkeyAcceptedAlgorithms ssh-ed25519"))) {
            Path knownHosts = knownHosts();
            Path www = webRoot(modern);
            Run r = deploy(modern, www, knownHosts, keys.ed25519, Map.of(), "--accept-new-host-key");
            assertUploaded(r, www);
            assertThat(r.err()).contains("Its ssh-ed25519 key fingerprint is " + modern.fingerprint());
            Process ssh = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=yes",
                    "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-i", keys.ed25519.toString(),
                    "-p", Integer.toString(modern.port()), modern.user() + "@127.0.0.1", "true")
                    .redirectErrorStream(true).start();
            String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ssh.waitFor()).as(out).isZero();
            assertThat(modern.log()).contains("Accepted publickey for " + modern.user() + " from 127.0.0.1")
                    .contains("ED25519");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedWithTheCommandToRemoveTheOldOne() throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, "ssh-ed25519", false);
        String[] recorded = Files.readString(knownHosts).strip().split(" ");
        // The same host and type with another key: what a reinstalled server (or an impostor) shows.
        Files.writeString(knownHosts, server.otherKnownHostsLine() + "\n");
        assertThat(server.otherKnownHostsLine()).startsWith(recorded[0] + " " + recorded[1] + " ");
        Path www = webRoot(server);
        Run r = deploy(www, knownHosts, keys.ed25519);
        assertSentence(r, "has CHANGED", "line 1 of " + knownHosts,
                "ssh-keygen -R \"[127.0.0.1]:" + server.port() + "\" -f \"" + knownHosts + "\" and run again.");
        assertThat(www.resolve(".well-known")).doesNotExist();
    }

    @Test
    void aRevokedHostKeyIsRefused() throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, "ssh-ed25519", true);
        String[] recorded = Files.readString(knownHosts).strip().split(" ");
        Files.writeString(knownHosts, "@revoked * " + recorded[1] + " " + recorded[2] + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path www = webRoot(server);
        Run r = deploy(www, knownHosts, keys.ed25519);
        assertSentence(r, "is marked @revoked on line 2 of " + knownHosts, server.fingerprint());
        assertThat(r.err()).doesNotContain("CHANGED");
        assertThat(www.resolve(".well-known")).doesNotExist();
    }

    @Test
    void aCertAuthorityLineIsExplainedNotCalledAChange() throws Exception {
        Path knownHosts = knownHosts();
        String[] other = server.otherKnownHostsLine().split(" ");
        Files.writeString(knownHosts, "@cert-authority [127.0.0.1]:" + server.port() + " " + other[1] + " "
                + other[2] + "\n");
        Run r = deploy(webRoot(server), knownHosts, keys.ed25519);
        assertSentence(r, "trusts [127.0.0.1]:" + server.port() + " only through a certificate authority",
                "--accept-new-host-key");
        assertThat(r.err()).doesNotContain("CHANGED").contains("vouched for in known_hosts only by a certificate");
    }

    @Test
    void anUnknownHostKeyIsShownAndRefusedWithoutAcceptNew() throws Exception {
        Path knownHosts = knownHosts();
        Run r = deploy(webRoot(server), knownHosts, keys.ed25519);
        assertSentence(r, "is not in " + knownHosts, "ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub",
                "run again with --accept-new-host-key");
        assertThat(r.err()).contains("Its ssh-ed25519 key fingerprint is " + server.fingerprint());
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void noCommonAlgorithmIsASentenceNotTheLibrarysProposalDump() throws Exception {
        try (OpenSshServer old = new OpenSshServer(base.resolve("oldkex"), keys, List.of("ed25519"),
                List.of("KexAlgorithms diffie-hellman-group1-sha1"))) {
            Path knownHosts = knownHosts();
            Files.writeString(knownHosts, old.knownHostsLine() + "\n");
            Run r = deploy(old, webRoot(old), knownHosts, keys.ed25519, Map.of());
            assertSentence(r, "have no key exchange method in common (the server offers only:"
                    + " diffie-hellman-group1-sha1)", "sshd_config");
            assertThat(r.err()).doesNotContain("jschProposal").doesNotContain("serverProposal");
        }
    }

    @Test
    void aKeyTheServerDoesNotKnowNamesTheOptionToPass() throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, null, true);
        Run r = deploy(webRoot(server), knownHosts, keys.stranger);
        assertSentence(r, "refused the login as " + server.user() + " (offered: " + keys.stranger + ")",
                "with --identity FILE");
    }

    @Test
    void anEncryptedKeyWithoutATerminalSaysToUseTheAgent() throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, null, true);
        Run r = deploy(webRoot(server), knownHosts, keys.encryptedEd25519);
        assertSentence(r, "refused the login as " + server.user());
        assertThat(r.err()).contains("The key " + keys.encryptedEd25519 + " needs its passphrase, but stdin is not"
                + " a terminal");
    }

    @Test
    void aPublicKeyFileGivenAsTheIdentityIsNamed() throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, null, true);
        Run r = deploy(webRoot(server), knownHosts, Path.of(keys.ed25519 + ".pub"));
        assertSentence(r, "holds a key Signpost cannot use (a public key: choose the private key, the file without"
                + " .pub)", "--identity FILE");
    }

    @Test
    void aClosedPortIsRefusedConnection() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path knownHosts = knownHosts();
        Run r = deployAt(closed, server, webRoot(server), knownHosts, keys.ed25519, Map.of());
        assertSentence(r, "127.0.0.1 refused the connection on port " + closed, "--port is right");
    }

    @Test
    void theSentenceIsGermanForAGermanUser() throws Exception {
        Path knownHosts = knownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, null, true);
        Run r = deploy(webRoot(server), knownHosts, keys.stranger, "-Duser.language=de", "-Duser.country=DE");
        assertSentence(r, "hat die Anmeldung als " + server.user() + " abgelehnt", "--identity DATEI");
    }
}
