package dev.signpost.core.deploy;

import dev.signpost.testkit.Await;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment behaviour every SSH server must show, run against each real server by a subclass:
 * authentication, host-key trust, atomic upload with backups and diffs, failures that leave the server as it
 * was, rollback and cancel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class SshDeploySuite {

    static final String SERVER_JSON = "{\n  \"m.server\": \"matrix.example.org:443\"\n}\n";
    static final String CLIENT_JSON = "{\n  \"m.homeserver\": {\n    \"base_url\": \"https://matrix.example.org\"\n  }\n}\n";

    Path base;
    ClientKeys keys;
    TestSshServer server;

    Path www;
    String remoteWww;
    Path knownHosts;
    final List<String> events = new ArrayList<>();
    private int counter;
    private final List<Path> locked = new ArrayList<>();

    abstract TestSshServer startServer(Path dir, ClientKeys keys) throws Exception;

    @BeforeAll
    void startAll() throws Exception {
        base = Files.createTempDirectory("signpost-deploy-");
        keys = ClientKeys.create(base.resolve("client"));
        server = startServer(base.resolve("server"), keys);
    }

    @AfterAll
    void stopAll() throws Exception {
        if (server != null) {
            server.close();
        }
        if (base != null) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshWebRoot() throws Exception {
        counter++;
        Path dir = server.newDirectory("t" + counter);
        www = Files.createDirectories(dir.resolve("www"));
        remoteWww = server.remotePath(www);
        knownHosts = base.resolve("known_hosts_" + counter);
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        events.clear();
    }

    @AfterEach
    void unlock() throws Exception {
        for (Path p : locked) {
            run("chattr", "-i", p.toString());
            p.toFile().setWritable(true);
        }
        locked.clear();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    SshTarget target(Path key) {
        return new SshTarget("127.0.0.1", server.port(), server.user(), key, Duration.ofSeconds(15),
                Duration.ofSeconds(15));
    }

    Deployer deployer() {
        return deployer(Clock.systemUTC());
    }

    Deployer deployer(Clock clock) {
        return new Deployer(new SshEnvironment(null, knownHosts, null, List.of()), Locale.ENGLISH, clock);
    }

    static List<DeployFile> files(String server, String client) {
        return List.of(new DeployFile(".well-known/matrix/server", server.getBytes(StandardCharsets.UTF_8)),
                new DeployFile(".well-known/matrix/client", client.getBytes(StandardCharsets.UTF_8)));
    }

    DeployRequest request(Path key, List<DeployFile> files) {
        return DeployRequest.of(target(key), remoteWww, files);
    }

    DeployListener recorder() {
        return new DeployListener() {
            @Override
            public void stage(DeployStage stage, String detail) {
                events.add(stage + ": " + detail);
            }

            @Override
            public void commandOutput(String text) {
                events.add("output: " + text);
            }
        };
    }

    DeployResult deploy(DeployRequest request, DeployPrompts prompts) {
        return deployer().deploy(request, prompts, recorder(), new Cancellation());
    }

    Path matrixDir() {
        return www.resolve(".well-known/matrix");
    }

    String local(String name) throws IOException {
        return Files.readString(matrixDir().resolve(name));
    }

    void seed(String server, String client) throws IOException {
        Files.createDirectories(matrixDir());
        Files.writeString(matrixDir().resolve("server"), server);
        Files.writeString(matrixDir().resolve("client"), client);
    }

    List<String> listing() throws IOException {
        if (!Files.isDirectory(matrixDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(matrixDir())) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    List<String> temps() throws IOException {
        return listing().stream().filter(n -> n.contains(Deployer.TEMP_MARK)).toList();
    }

    List<String> backups(String name) throws IOException {
        return listing().stream().filter(n -> n.startsWith(name + Deployer.BACKUP_MARK)).toList();
    }

    static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** Makes a directory unwritable even for root (immutable attribute), or skips visibly when that fails. */
    void lock(Path dir) throws Exception {
        locked.add(dir);
        if ("root".equals(System.getProperty("user.name"))) {
            run("chattr", "+i", dir.toString());
        } else {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        }
        try {
            Files.delete(Files.createFile(dir.resolve("probe")));
            Assumptions.abort("cannot make " + dir + " unwritable here (no chattr/chmod effect): test skipped");
        } catch (IOException expected) {
            // The directory is now unwritable, as the test needs.
        }
    }

    // ---- authentication --------------------------------------------------------------------------------------

    @Test
    void logsInWithAnEcdsaKey() {
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
    }

    @Test
    void logsInWithAnRsaKey() {
        DeployResult r = deploy(request(keys.rsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
    }

    @Test
    void logsInWithAnEd25519Key() {
        Assumptions.assumeTrue(server.supportsKeyType("ed25519"),
                server.name() + " cannot verify ed25519 signatures here; covered by the OpenSSH suite");
        DeployResult r = deploy(request(keys.ed25519, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
    }

    @Test
    void asksForThePassphraseAgainWhenItWasWrong() {
        ScriptedPrompts prompts = new ScriptedPrompts();
        prompts.passphrases.add("wrong");
        prompts.passphrases.add(ClientKeys.PASSPHRASE);
        DeployResult r = deploy(request(keys.encrypted, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.passphraseRequests).containsExactly(keys.encrypted.toString(),
                keys.encrypted + " (retry)");
        assertThat(prompts.secretsHandedOut).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
    }

    @Test
    void aPassphraseIsAskedOnlyForAKeyTheServerWouldAccept() throws Exception {
        Path config = base.resolve("ssh_config_keys_" + counter);
        Files.writeString(config, "Host vps\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  User "
                + server.user() + "\n  IdentityFile " + keys.encryptedStranger + "\n  IdentityFile " + keys.ecdsa + "\n");
        Deployer deployer = new Deployer(new SshEnvironment(config, knownHosts, null, List.of()), Locale.ENGLISH);
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deployer.deploy(DeployRequest.of(SshTarget.of("vps"), remoteWww,
                files(SERVER_JSON, CLIENT_JSON)), prompts, recorder(), new Cancellation());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.passphraseRequests).isEmpty();
    }

    @Test
    void runsOnAnExecutorAndCanBeCancelledThroughTheRun() throws Exception {
        seed("old server\n", "old client\n");
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "deploy-test-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            DeployRun ok = deployer().start(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts(),
                    DeployListener.NONE, executor);
            assertThat(ok.result().get(60, TimeUnit.SECONDS).outcome()).isEqualTo(DeployOutcome.DEPLOYED);

            java.util.concurrent.CompletableFuture<DeployRun> self = new java.util.concurrent.CompletableFuture<>();
            DeployListener cancelOnFirstChunk = new DeployListener() {
                @Override
                public void transferred(String remotePath, long sent, long total) {
                    self.join().cancel();
                }
            };
            String big = "z".repeat(99).concat("\n").repeat(40_000);
            DeployRun run = deployer().start(request(keys.ecdsa, files(big, CLIENT_JSON)), new ScriptedPrompts(),
                    cancelOnFirstChunk, executor);
            self.complete(run);
            DeployResult r = run.result().get(60, TimeUnit.SECONDS);
            assertThat(r.outcome()).isEqualTo(DeployOutcome.CANCELLED);
            assertThat(local("server")).isEqualTo(SERVER_JSON);
            assertThat(temps()).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void skippedPassphraseFallsBackToPasswordThenFails() throws IOException {
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(request(keys.encrypted, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.AUTH_REFUSED);
        assertThat(r.message()).contains(server.user() + "@127.0.0.1").contains("refused the login as " + server.user())
                .contains(keys.encrypted.toString());
        assertThat(prompts.passwordRequests).hasSize(1);
        assertThat(listing()).isEmpty();
    }

    @Test
    void logsInWithAPassword() {
        Assumptions.assumeTrue(server.password() != null, server.name() + " has no test password account");
        ScriptedPrompts prompts = new ScriptedPrompts();
        prompts.passwords.add(server.password());
        DeployResult r = deploy(request(null, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.passwordRequests).containsExactly(server.user() + "@127.0.0.1");
        assertThat(prompts.secretsHandedOut).allSatisfy(chars -> assertThat(chars).containsOnly('\0'));
    }

    @Test
    void aWrongPasswordIsAskedAgainThenFailsWithASentence() throws IOException {
        Assumptions.assumeTrue(server.password() != null, server.name() + " has no test password account");
        ScriptedPrompts prompts = new ScriptedPrompts();
        prompts.passwords.addAll(List.of("nope-1", "nope-2", "nope-3"));
        DeployResult r = deploy(request(keys.stranger, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.AUTH_REFUSED);
        assertThat(r.message()).contains("refused the login as " + server.user()).contains(keys.stranger.toString());
        assertThat(prompts.passwordRequests).hasSize(3).last().asString().endsWith("(retry)");
        assertThat(listing()).isEmpty();
    }

    @Test
    void usesKeysFromARealSshAgent() throws Exception {
        Path agentBin = Path.of("/usr/bin/ssh-agent");
        Assumptions.assumeTrue(Files.isExecutable(agentBin), "ssh-agent is not installed: agent test skipped");
        Path dir = Files.createTempDirectory("sp-agent");
        Path socket = dir.resolve("a.sock");
        Process agent = new ProcessBuilder(agentBin.toString(), "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            Await.until(Duration.ofSeconds(5), "ssh-agent socket", () -> Files.exists(socket));
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", keys.ecdsa.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            Deployer deployer = new Deployer(new SshEnvironment(null, knownHosts, socket, List.of()), Locale.ENGLISH);
            ScriptedPrompts prompts = new ScriptedPrompts();
            DeployResult r = deployer.deploy(request(null, files(SERVER_JSON, CLIENT_JSON)), prompts, recorder(),
                    new Cancellation());
            assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
            assertThat(prompts.passwordRequests).isEmpty();
        } finally {
            agent.destroy();
            agent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void readsHostPortUserAndKeyFromTheSshConfigAlias() throws Exception {
        Path config = base.resolve("ssh_config_" + counter);
        Files.writeString(config, String.join("\n",
                "Host myvps",
                "  HostName 127.0.0.1",
                "  Port " + server.port(),
                "  User " + server.user(),
                "  IdentityFile " + keys.ecdsa,
                ""));
        Deployer deployer = new Deployer(new SshEnvironment(config, knownHosts, null, List.of()), Locale.ENGLISH);
        DeployResult r = deployer.deploy(DeployRequest.of(SshTarget.of("myvps"), remoteWww,
                files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts(), recorder(), new Cancellation());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(events).anyMatch(e -> e.contains(server.user() + "@127.0.0.1:" + server.port()));
    }

    @Test
    void tunnelsThroughAProxyJumpHost() throws Exception {
        Path config = base.resolve("ssh_config_jump_" + counter);
        String host = String.join("\n",
                "  HostName 127.0.0.1",
                "  Port " + server.port(),
                "  User " + server.user(),
                "  IdentityFile " + keys.ecdsa);
        Files.writeString(config, "Host bastion\n" + host + "\n\nHost inner\n" + host + "\n  ProxyJump bastion\n");
        Deployer deployer = new Deployer(new SshEnvironment(config, knownHosts, null, List.of()), Locale.ENGLISH);
        DeployResult r = deployer.deploy(DeployRequest.of(SshTarget.of("inner"), remoteWww,
                files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts(), recorder(), new Cancellation());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(events.stream().filter(e -> e.startsWith("CONNECTING:"))).hasSize(2);
        assertThat(local("server")).isEqualTo(SERVER_JSON);
    }

    // ---- host keys -------------------------------------------------------------------------------------------

    @Test
    void anUnknownHostKeyIsShownAndRefused() throws IOException {
        Files.delete(knownHosts);
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(prompts.hostKeysShown).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo(server.fingerprint());
            assertThat(k.host()).isEqualTo("[127.0.0.1]:" + server.port());
            assertThat(server.knownHostsLine()).contains(" " + k.keyType() + " ");
        });
        assertThat(r.message()).contains(server.fingerprint()).contains("not accepted");
        assertThat(knownHosts).doesNotExist();
        assertThat(listing()).isEmpty();
    }

    @Test
    void anUnknownHostKeyAcceptedOnceIsNotSaved() throws IOException {
        Files.delete(knownHosts);
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_ONCE);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void anAcceptedAndSavedHostKeyIsTrustedNextTime() throws IOException {
        Files.delete(knownHosts);
        ScriptedPrompts first = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_AND_SAVE);
        assertThat(deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), first).outcome())
                .isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(Files.readString(knownHosts).strip()).isEqualTo(server.knownHostsLine());
        ScriptedPrompts second = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON + " ", CLIENT_JSON)), second);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(second.hostKeysShown).isEmpty();
    }

    @Test
    void hashedKnownHostsEntriesAreRecognised() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen missing");
        assertThat(run("/usr/bin/ssh-keygen", "-H", "-f", knownHosts.toString())).isZero();
        assertThat(Files.readString(knownHosts)).startsWith("|1|");
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.hostKeysShown).isEmpty();
    }

    @Test
    void aChangedHostKeyIsRefusedWithoutAsking() throws Exception {
        Files.writeString(knownHosts, server.otherKnownHostsLine() + "\n");
        seed("old server\n", "old client\n");
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_AND_SAVE);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(prompts.hostKeysShown).isEmpty();
        assertThat(r.message()).contains("CHANGED").contains(server.fingerprint()).contains(knownHosts.toString());
        assertThat(local("server")).isEqualTo("old server\n");
        assertThat(Files.readString(knownHosts)).doesNotContain(server.knownHostsLine().split(" ")[2]);
    }

    @Test
    void aRevokedHostKeyIsRefusedWithASentenceEvenWhenAlsoListedAsKnown() throws IOException {
        String[] known = server.knownHostsLine().split(" ");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n@revoked * " + known[1] + " " + known[2] + "\n");
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_AND_SAVE);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.HOST_KEY_REVOKED);
        assertThat(r.message()).contains("@revoked on line 2 of " + knownHosts).contains(server.fingerprint())
                .doesNotContain("CHANGED");
        assertThat(prompts.hostKeysShown).isEmpty();
        assertThat(listing()).isEmpty();
    }

    @Test
    void aCertAuthorityLineIsNeverTakenForAChangedKey() throws Exception {
        String[] other = server.otherKnownHostsLine().split(" ");
        Files.writeString(knownHosts, "@cert-authority [127.0.0.1]:" + server.port() + " " + other[1] + " " + other[2]
                + "\n");
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.HOST_KEY_CERTIFIED_ONLY);
        assertThat(prompts.hostKeysShown).singleElement().satisfies(k -> {
            assertThat(k.onlyCertificateAuthority()).isTrue();
            assertThat(k.fingerprint()).isEqualTo(server.fingerprint());
        });
        assertThat(r.message()).contains("certificate authority").doesNotContain("CHANGED");

        Files.writeString(knownHosts, server.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.APPEND);
        DeployResult known = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(known.outcome()).as(known.message()).isEqualTo(DeployOutcome.DEPLOYED);
    }

    @Test
    void theSameHostOnAnotherPortIsAnotherHostAsForOpenSsh() throws Exception {
        // OpenSSH keeps [host]:port apart from host (port 22); JSch's own parser falls back and cries "changed".
        Files.writeString(knownHosts, server.otherKnownHostsLine().replace("[127.0.0.1]:" + server.port(), "127.0.0.1")
                + "\n");
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.HOST_KEY_NOT_TRUSTED);
        assertThat(prompts.hostKeysShown).hasSize(1);
    }

    @Test
    void aPublicKeyGivenAsTheIdentityIsNamedAsSuch() {
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(request(Path.of(keys.ecdsa + ".pub"), files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.KEY_UNSUPPORTED);
        assertThat(r.message()).contains(keys.ecdsa + ".pub").contains("a public key: choose the private key");
        assertThat(prompts.passwordRequests).isEmpty();
    }

    @Test
    void cancellingWhileTheHostKeyIsShownClosesTheConnection() throws IOException {
        Files.delete(knownHosts);
        Cancellation cancellation = new Cancellation();
        ScriptedPrompts prompts = new ScriptedPrompts() {
            @Override
            public HostKeyDecision unknownHostKey(HostKeyInfo key) {
                cancellation.cancel();
                return HostKeyDecision.ACCEPT_ONCE;
            }
        };
        DeployResult r = deployer().deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts,
                recorder(), cancellation);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.CANCELLED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(listing()).isEmpty();
    }

    // ---- upload ----------------------------------------------------------------------------------------------

    @Test
    void firstUploadCreatesTheDirectoriesAndFiles() throws IOException {
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(local("server")).isEqualTo(SERVER_JSON);
        assertThat(local("client")).isEqualTo(CLIENT_JSON);
        assertThat(listing()).containsExactly("client", "server");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(matrixDir().resolve("server"))))
                .isEqualTo("rw-r--r--");
        assertThat(r.backups()).isEmpty();
        assertThat(r.written()).containsExactly(remoteWww + "/.well-known/matrix/server",
                remoteWww + "/.well-known/matrix/client");
        assertThat(prompts.changesShown).singleElement().satisfies(c -> assertThat(c).hasSize(2));
        assertThat(r.changes().get(0).unifiedDiff())
                .startsWith("--- /dev/null\n+++ " + remoteWww + "/.well-known/matrix/server\n@@ -0,0 +1,3 @@\n")
                .contains("+  \"m.server\": \"matrix.example.org:443\"\n");
    }

    @Test
    void uploadOverExistingFilesKeepsABackupAndShowsTheDiff() throws IOException {
        String old = "{\n  \"m.server\": \"old.example.org:8448\"\n}\n";
        seed(old, CLIENT_JSON);
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneOffset.UTC);
        DeployResult r = deployer(clock).deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)),
                new ScriptedPrompts(), recorder(), new Cancellation());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(local("server")).isEqualTo(SERVER_JSON);
        assertThat(r.written()).containsExactly(remoteWww + "/.well-known/matrix/server");
        assertThat(backups("server")).containsExactly("server.signpost-backup-20261122T013000Z");
        assertThat(local("server.signpost-backup-20261122T013000Z")).isEqualTo(old);
        assertThat(backups("client")).isEmpty();
        FileChange server = r.changes().get(0);
        assertThat(server.unifiedDiff()).isEqualTo(
                "--- " + remoteWww + "/.well-known/matrix/server\n"
                        + "+++ " + remoteWww + "/.well-known/matrix/server\n"
                        + "@@ -1,3 +1,3 @@\n"
                        + " {\n"
                        + "-  \"m.server\": \"old.example.org:8448\"\n"
                        + "+  \"m.server\": \"matrix.example.org:443\"\n"
                        + " }\n");
        assertThat(r.changes().get(1).changed()).isFalse();
        assertThat(temps()).isEmpty();
    }

    @Test
    void nothingIsWrittenWhenTheFilesAreEqual() throws IOException {
        seed(SERVER_JSON, CLIENT_JSON);
        long before = Files.getLastModifiedTime(matrixDir().resolve("server")).toMillis();
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(prompts.changesShown).isEmpty();
        assertThat(listing()).containsExactly("client", "server");
        assertThat(Files.getLastModifiedTime(matrixDir().resolve("server")).toMillis()).isEqualTo(before);
    }

    @Test
    void aDryRunComparesButNeverWrites() throws IOException {
        seed("old\n", CLIENT_JSON);
        DeployRequest req = new DeployRequest(target(keys.ecdsa), remoteWww, files(SERVER_JSON, CLIENT_JSON), null,
                5, true);
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(req, prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.DRY_RUN);
        assertThat(r.changes().get(0).unifiedDiff()).contains("-old\n");
        assertThat(prompts.changesShown).isEmpty();
        assertThat(listing()).containsExactly("client", "server");
        assertThat(local("server")).isEqualTo("old\n");
    }

    @Test
    void declinedChangesAreNotWritten() throws IOException {
        ScriptedPrompts prompts = new ScriptedPrompts();
        prompts.confirmChanges = false;
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.CANCELLED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(listing()).isEmpty();
    }

    @Test
    void onlyTheNewestBackupsAreKept() throws IOException {
        seed("v0\n", CLIENT_JSON);
        for (int i = 1; i <= 4; i++) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:3" + i + ":00Z"), ZoneOffset.UTC);
            DeployRequest req = new DeployRequest(target(keys.ecdsa), remoteWww, files("v" + i + "\n", CLIENT_JSON),
                    null, 2, false);
            DeployResult r = deployer(clock).deploy(req, new ScriptedPrompts(), recorder(), new Cancellation());
            assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        }
        assertThat(backups("server")).containsExactly("server.signpost-backup-20261122T013300Z",
                "server.signpost-backup-20261122T013400Z");
        assertThat(local("server.signpost-backup-20261122T013400Z")).isEqualTo("v3\n");
        assertThat(local("server")).isEqualTo("v4\n");
    }

    @Test
    void twoUploadsInTheSameSecondGetDistinctBackups() throws IOException {
        seed("v0\n", CLIENT_JSON);
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneOffset.UTC);
        for (int i = 1; i <= 2; i++) {
            DeployResult r = deployer(clock).deploy(request(keys.ecdsa, files("v" + i + "\n", CLIENT_JSON)),
                    new ScriptedPrompts(), recorder(), new Cancellation());
            assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        }
        assertThat(backups("server")).containsExactly("server.signpost-backup-20261122T013000Z",
                "server.signpost-backup-20261122T013000Z-2");
        assertThat(local("server.signpost-backup-20261122T013000Z-2")).isEqualTo("v1\n");
    }

    @Test
    void aMissingWebRootIsNamedAndNothingIsCreated() throws IOException {
        DeployRequest req = DeployRequest.of(target(keys.ecdsa), remoteWww + "/nope", files(SERVER_JSON, CLIENT_JSON));
        DeployResult r = deploy(req, new ScriptedPrompts());
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.message()).contains(remoteWww + "/nope").contains("does not exist");
        assertThat(www.resolve("nope")).doesNotExist();
    }

    @Test
    void permissionDeniedNamesThePathAndLeavesTheServerAsItWas() throws Exception {
        seed("old server\n", "old client\n");
        lock(matrixDir());
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains(remoteWww + "/.well-known/matrix/server")
                .contains(server.reportsPermissionDenied() ? "Permission denied" : "may write to that directory");
        assertThat(local("server")).isEqualTo("old server\n");
        assertThat(listing()).containsExactly("client", "server");
    }

    @Test
    void aConnectionCutMidUploadLeavesTheOldFileWhole() throws IOException {
        seed("old server\n", "old client\n");
        String big = "x".repeat(99).concat("\n").repeat(80_000);
        AtomicBoolean cut = new AtomicBoolean();
        DeployListener cutter = new DeployListener() {
            @Override
            public void transferred(String remotePath, long sent, long total) {
                if (sent > 256 * 1024 && cut.compareAndSet(false, true)) {
                    server.cutConnections();
                }
            }
        };
        DeployResult r = deployer().deploy(request(keys.ecdsa, files(big, CLIENT_JSON)), new ScriptedPrompts(), cutter,
                new Cancellation());
        assertThat(cut).isTrue();
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.message()).contains(remoteWww + "/.well-known/matrix/").contains("connection to the server was lost")
                .doesNotContain("refused to write");
        assertThat(local("server")).isEqualTo("old server\n");
        assertThat(local("client")).isEqualTo("old client\n");
        assertThat(listing()).filteredOn(n -> !n.contains(Deployer.TEMP_MARK)).containsExactly("client", "server");

        DeployResult again = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(again.outcome()).as(again.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(temps()).isEmpty();
        assertThat(local("server")).isEqualTo(SERVER_JSON);
    }

    @Test
    void aSymlinkedServerFileIsRefusedNeverFollowedNorCopied() throws IOException {
        Path secret = Files.writeString(www.getParent().resolve("secret"), "root-only secret\n");
        Files.createDirectories(matrixDir());
        Files.createSymbolicLink(matrixDir().resolve("server"), secret);
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), prompts);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains(remoteWww + "/.well-known/matrix/server").contains("symbolic link");
        assertThat(prompts.changesShown).isEmpty();
        assertThat(r.changes()).noneMatch(c -> c.unifiedDiff().contains("secret"));
        assertThat(Files.isSymbolicLink(matrixDir().resolve("server"))).isTrue();
        assertThat(Files.readString(secret)).isEqualTo("root-only secret\n");
        assertThat(listing()).containsExactly("server");
    }

    @Test
    void aSymlinkedWellKnownDirectoryIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(www.getParent().resolve("elsewhere"));
        Files.createSymbolicLink(www.resolve(".well-known"), elsewhere);
        DeployResult r = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.message()).contains(remoteWww + "/.well-known").contains("symbolic link");
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void backupsKeepTheOldFilesModeAndNewFilesAre0644() throws IOException {
        seed("old\n", CLIENT_JSON);
        Files.setPosixFilePermissions(matrixDir().resolve("server"), PosixFilePermissions.fromString("rw-------"));
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T01:30:00Z"), ZoneOffset.UTC);
        DeployResult r = deployer(clock).deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)),
                new ScriptedPrompts(), recorder(), new Cancellation());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                matrixDir().resolve("server.signpost-backup-20261122T013000Z")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(matrixDir().resolve("server"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aBlankWebRootIsASentenceNotAnException() {
        DeployResult r = deploy(DeployRequest.of(target(keys.ecdsa), "", files(SERVER_JSON, CLIENT_JSON)),
                new ScriptedPrompts());
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).startsWith("\"\" is not a web root").doesNotContain("Exception");
    }

    @Test
    void aConnectionCutBetweenRenamesSaysTheStateIsUnknownAndTheNextRunFinishes() throws IOException {
        seed("old server\n", "old client\n");
        AtomicBoolean cut = new AtomicBoolean();
        DeployListener cutter = new DeployListener() {
            @Override
            public void stage(DeployStage stage, String detail) {
                if (stage == DeployStage.REPLACING && detail.startsWith("Putting") && detail.contains("client")
                        && cut.compareAndSet(false, true)) {
                    server.cutConnections();
                }
            }
        };
        DeployResult r = deployer().deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)),
                new ScriptedPrompts(), cutter, new Cancellation());
        assertThat(cut).isTrue();
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isFalse();
        assertThat(r.message()).contains("unknown which files").contains("--rollback")
                .doesNotContain("left as they were").doesNotContain("refused to write");
        assertThat(local("server")).isIn("old server\n", SERVER_JSON);

        DeployResult again = deploy(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)), new ScriptedPrompts());
        assertThat(again.ok()).as(again.message()).isTrue();
        assertThat(local("server")).isEqualTo(SERVER_JSON);
        assertThat(local("client")).isEqualTo(CLIENT_JSON);
        assertThat(temps()).isEmpty();
    }

    @Test
    void aServerThatStopsAnsweringEndsWithinTheOperationLimit() throws Exception {
        seed("old server\n", "old client\n");
        SshTarget target = new SshTarget("127.0.0.1", server.port(), server.user(), keys.ecdsa, Duration.ofSeconds(10),
                Duration.ofSeconds(2));
        AtomicBoolean frozen = new AtomicBoolean();
        DeployListener freezer = new DeployListener() {
            @Override
            public void stage(DeployStage stage, String detail) {
                if (stage == DeployStage.READING && frozen.compareAndSet(false, true)) {
                    try {
                        server.freezeConnections();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        long start = System.nanoTime();
        DeployResult r;
        try {
            r = deployer().deploy(DeployRequest.of(target, remoteWww, files(SERVER_JSON, CLIENT_JSON)),
                    new ScriptedPrompts(), freezer, new Cancellation());
        } finally {
            server.thawConnections();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(frozen).isTrue();
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains(remoteWww + "/.well-known/matrix/server");
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(local("server")).isEqualTo("old server\n");
        assertThat(listing()).containsExactly("client", "server");
    }

    @Test
    void cancelEndsARunStuckOnAServerThatStoppedAnswering() throws Exception {
        seed("old server\n", "old client\n");
        SshTarget target = new SshTarget("127.0.0.1", server.port(), server.user(), keys.ecdsa, Duration.ofSeconds(60),
                Duration.ofSeconds(60));
        Cancellation cancellation = new Cancellation();
        DeployListener freezeThenCancel = new DeployListener() {
            @Override
            public void stage(DeployStage stage, String detail) {
                if (stage == DeployStage.READING) {
                    try {
                        server.freezeConnections();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    java.util.concurrent.CompletableFuture.runAsync(cancellation::cancel,
                            java.util.concurrent.CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS));
                }
            }
        };
        long start = System.nanoTime();
        DeployResult r;
        try {
            r = deployer().deploy(DeployRequest.of(target, remoteWww, files(SERVER_JSON, CLIENT_JSON)),
                    new ScriptedPrompts(), freezeThenCancel, cancellation);
        } finally {
            server.thawConnections();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(r.outcome()).isEqualTo(DeployOutcome.CANCELLED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(local("server")).isEqualTo("old server\n");
    }

    @Test
    void cancelMidTransferCleansUpAndChangesNothing() throws IOException {
        seed("old server\n", "old client\n");
        String big = "y".repeat(99).concat("\n").repeat(40_000);
        Cancellation cancellation = new Cancellation();
        DeployListener canceller = new DeployListener() {
            @Override
            public void transferred(String remotePath, long sent, long total) {
                cancellation.cancel();
            }
        };
        DeployResult r = deployer().deploy(request(keys.ecdsa, files(big, CLIENT_JSON)), new ScriptedPrompts(),
                canceller, cancellation);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.CANCELLED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains("Cancelled");
        assertThat(local("server")).isEqualTo("old server\n");
        assertThat(listing()).containsExactly("client", "server");
    }

    @Test
    void theAfterCommandRunsOnlyWhenConfirmedAndItsOutputIsCaptured() throws IOException {
        DeployRequest req = new DeployRequest(target(keys.ecdsa), remoteWww, files(SERVER_JSON, CLIENT_JSON),
                "echo reloaded-web-server; echo warn >&2", 5, false);
        ScriptedPrompts no = new ScriptedPrompts();
        no.confirmCommand = false;
        DeployResult skipped = deploy(req, no);
        assertThat(skipped.outcome()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(skipped.command()).isNull();
        assertThat(no.commandsShown).containsExactly("echo reloaded-web-server; echo warn >&2");

        DeployRequest changed = new DeployRequest(target(keys.ecdsa), remoteWww, files(SERVER_JSON + "\n", CLIENT_JSON),
                "echo reloaded-web-server; echo warn >&2; exit 3", 5, false);
        DeployResult r = deploy(changed, new ScriptedPrompts());
        assertThat(r.command()).isNotNull();
        assertThat(r.command().output()).contains("reloaded-web-server").contains("warn");
        assertThat(r.command().exitStatus()).isEqualTo(3);
        assertThat(r.ok()).isFalse();
        assertThat(r.message()).contains("status 3");
        assertThat(events).anyMatch(e -> e.startsWith("RUNNING_COMMAND: Running on the server: echo"));
    }

    // ---- rollback --------------------------------------------------------------------------------------------

    @Test
    void rollbackRestoresTheNewestBackupAndIsHarmlessTwice() throws IOException {
        seed("v0\n", CLIENT_JSON);
        Clock first = Clock.fixed(Instant.parse("2026-11-22T01:31:00Z"), ZoneOffset.UTC);
        Clock second = Clock.fixed(Instant.parse("2026-11-22T01:32:00Z"), ZoneOffset.UTC);
        deployer(first).deploy(request(keys.ecdsa, files("v1\n", CLIENT_JSON)), new ScriptedPrompts(), recorder(),
                new Cancellation());
        deployer(second).deploy(request(keys.ecdsa, files("v2\n", CLIENT_JSON)), new ScriptedPrompts(), recorder(),
                new Cancellation());
        assertThat(local("server")).isEqualTo("v2\n");

        DeployResult r = deployer().rollback(request(keys.ecdsa, files("ignored", "ignored")), new ScriptedPrompts(),
                recorder(), new Cancellation());
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(local("server")).isEqualTo("v1\n");
        assertThat(r.written()).containsExactly(remoteWww + "/.well-known/matrix/server");
        assertThat(r.message()).contains("No backup exists for " + remoteWww + "/.well-known/matrix/client");
        assertThat(r.changes().get(0).unifiedDiff()).contains("-v2\n").contains("+v1\n");
        assertThat(temps()).isEmpty();

        DeployResult again = deployer().rollback(request(keys.ecdsa, files("ignored", "ignored")),
                new ScriptedPrompts(), recorder(), new Cancellation());
        assertThat(again.outcome()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(local("server")).isEqualTo("v1\n");
    }

    @Test
    void rollbackWithoutAnyBackupSaysSo() throws IOException {
        seed(SERVER_JSON, CLIENT_JSON);
        DeployResult r = deployer().rollback(request(keys.ecdsa, files(SERVER_JSON, CLIENT_JSON)),
                new ScriptedPrompts(), recorder(), new Cancellation());
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.message()).contains("no backup");
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(local("server")).isEqualTo(SERVER_JSON);
    }

    // ---- secrets ---------------------------------------------------------------------------------------------

    @Test
    void passwordsAndPassphrasesNeverReachFilesOrLogs() throws Exception {
        StringBuilder jschLog = new StringBuilder();
        JSch.setLogger(new Logger() {
            @Override
            public boolean isEnabled(int level) {
                return true;
            }

            @Override
            public void log(int level, String message) {
                synchronized (jschLog) {
                    jschLog.append(message).append('\n');
                }
            }
        });
        List<String> secrets = new ArrayList<>(List.of(ClientKeys.PASSPHRASE, "wrong-" + ClientKeys.PASSPHRASE));
        List<DeployResult> results = new ArrayList<>();
        try {
            Files.delete(knownHosts);
            ScriptedPrompts withKey = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_AND_SAVE);
            withKey.passphrases.addAll(secrets);
            withKey.passphrases.addFirst("wrong-" + ClientKeys.PASSPHRASE);
            results.add(deploy(request(keys.encrypted, files(SERVER_JSON, CLIENT_JSON)), withKey));
            assertThat(results.get(0).outcome()).as(results.get(0).message()).isEqualTo(DeployOutcome.DEPLOYED);
            if (server.password() != null) {
                secrets.add(server.password());
                secrets.add("bad-" + server.password());
                ScriptedPrompts withPassword = new ScriptedPrompts();
                withPassword.passwords.addAll(List.of("bad-" + server.password(), server.password()));
                results.add(deploy(request(null, files(SERVER_JSON + "\n", CLIENT_JSON)), withPassword));
                assertThat(results.get(1).outcome()).as(results.get(1).message()).isEqualTo(DeployOutcome.DEPLOYED);
            }
        } finally {
            JSch.setLogger(null);
        }
        StringBuilder captured = new StringBuilder(jschLog).append(server.log()).append(String.join("\n", events));
        results.forEach(r -> captured.append(r).append(r.message()));
        assertThat(jschLog).as("JSch logging was captured").isNotEmpty();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).contains(knownHosts);
        for (String secret : secrets) {
            assertThat(captured.toString()).doesNotContain(secret);
            byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
            for (Path f : files) {
                assertThat(indexOf(Files.readAllBytes(f), needle)).as("%s in %s", "secret", f).isEqualTo(-1);
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
