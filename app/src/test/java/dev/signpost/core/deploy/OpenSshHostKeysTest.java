package dev.signpost.core.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Host keys against the real OpenSSH {@code sshd} with ed25519, ECDSA and RSA host keys, and known_hosts files
 * written by OpenSSH's own {@code ssh}: whichever key ssh recorded, Signpost asks for that one and recognises it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshHostKeysTest {

    private Path base;
    private ClientKeys keys;
    private OpenSshServer server;
    private int counter;

    @BeforeAll
    void start() throws Exception {
        base = Files.createTempDirectory("signpost-hostkeys-");
        keys = ClientKeys.create(base.resolve("client"));
        server = new OpenSshServer(base.resolve("server"), keys, List.of("ed25519", "ecdsa", "rsa"), List.of());
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

    private Path freshKnownHosts() {
        return base.resolve("known_hosts_" + (++counter));
    }

    private DeployResult deploy(OpenSshServer to, Path knownHosts, Path key, ScriptedPrompts prompts)
            throws Exception {
        Path www = Files.createDirectories(to.newDirectory("w" + (++counter)).resolve("www"));
        SshTarget target = new SshTarget("127.0.0.1", to.port(), to.user(), key, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        DeployRequest request = DeployRequest.of(target, to.remotePath(www), SshDeploySuite.files("{}\n", "{}\n"));
        return new Deployer(new SshEnvironment(null, knownHosts, null, List.of()), Locale.ENGLISH)
                .deploy(request, prompts, new DeployListener() { }, new Cancellation());
    }

    @ParameterizedTest(name = "ssh recorded {0} (hashed: {1}), login with {2}")
    @CsvSource({
            "ssh-ed25519, true, ed25519",
            "ssh-ed25519, false, encryptedEd25519",
            "ecdsa-sha2-nistp256, true, ecdsa",
            "rsa-sha2-512, false, rsa",
            "rsa-sha2-256, true, ed25519"})
    void theKeySshRecordedIsTheKeySignpostRecognises(String algorithm, boolean hashed, String userKey)
            throws Exception {
        Path knownHosts = freshKnownHosts();
        server.recordKnownHosts(knownHosts, keys.ed25519, algorithm, hashed);
        assertThat(Files.readString(knownHosts)).startsWith(hashed ? "|1|" : "[127.0.0.1]:" + server.port());
        ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
        prompts.passphrases.add(ClientKeys.PASSPHRASE);
        Path key = (Path) ClientKeys.class.getField(userKey).get(keys);
        DeployResult r = deploy(server, knownHosts, key, prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.hostKeysShown).isEmpty();
        assertThat(prompts.passphraseRequests).hasSize(userKey.startsWith("encrypted") ? 1 : 0);
        assertThat(server.log()).contains("Accepted publickey for " + server.user());
    }

    @Test
    void allThreeRecordedAreAllRecognised() throws Exception {
        // ssh itself calls a second key type for a known host "changed", so each is recorded on its own.
        Path knownHosts = freshKnownHosts();
        StringBuilder all = new StringBuilder();
        for (String algorithm : List.of("rsa-sha2-512", "ecdsa-sha2-nistp256", "ssh-ed25519")) {
            Path one = freshKnownHosts();
            server.recordKnownHosts(one, keys.ed25519, algorithm, true);
            all.append(Files.readString(one));
        }
        Files.writeString(knownHosts, all);
        ScriptedPrompts prompts = new ScriptedPrompts();
        DeployResult r = deploy(server, knownHosts, keys.ecdsa, prompts);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.hostKeysShown).isEmpty();
    }

    @Test
    void aChangedKeyOfTheRecordedTypeIsRefusedNamingTheLine() throws Exception {
        Path dir = base.resolve("changing");
        try (OpenSshServer changing = new OpenSshServer(dir, keys, List.of("ed25519"), List.of())) {
            Path knownHosts = freshKnownHosts();
            Files.writeString(knownHosts, "# first line\n");
            changing.recordKnownHosts(knownHosts, keys.ed25519, null, false);
            changing.changeHostKey("ed25519");
            ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_AND_SAVE);
            DeployResult r = deploy(changing, knownHosts, keys.ed25519, prompts);
            assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
            assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.HOST_KEY_CHANGED);
            assertThat(r.message()).contains("has CHANGED").contains("ssh-ed25519 " + changing.fingerprint())
                    .contains("line 2 of " + knownHosts).contains("ssh-keygen -R \"[127.0.0.1]:" + changing.port());
            assertThat(prompts.hostKeysShown).isEmpty();
        }
    }

    @Test
    void anEd25519OnlyServerIsShownWithItsOwnFingerprintAndSavedAsSshWouldAcceptIt() throws Exception {
        try (OpenSshServer edOnly = new OpenSshServer(base.resolve("edonly"), keys, List.of("ed25519"), List.of())) {
            Path knownHosts = freshKnownHosts();
            ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.ACCEPT_AND_SAVE);
            DeployResult r = deploy(edOnly, knownHosts, keys.rsa, prompts);
            assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
            assertThat(prompts.hostKeysShown).singleElement().satisfies(k -> {
                assertThat(k.keyType()).isEqualTo("ssh-ed25519");
                assertThat(k.fingerprint()).isEqualTo(edOnly.fingerprint());
            });
            // OpenSSH's ssh, told to accept only known keys, accepts the line Signpost saved.
            Process p = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=yes",
                    "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                    "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-i", keys.ed25519.toString(),
                    "-p", Integer.toString(edOnly.port()), edOnly.user() + "@127.0.0.1", "true")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isZero();
        }
    }

    @Test
    void noCommonKeyExchangeIsOneSentenceNamingWhatTheServerOffers() throws Exception {
        try (OpenSshServer old = new OpenSshServer(base.resolve("oldkex"), keys, List.of("ed25519"),
                List.of("KexAlgorithms diffie-hellman-group1-sha1"))) {
            Path knownHosts = freshKnownHosts();
            Files.writeString(knownHosts, old.knownHostsLine() + "\n");
            DeployResult r = deploy(old, knownHosts, keys.ed25519, new ScriptedPrompts());
            assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
            assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.NO_COMMON_ALGORITHM);
            assertThat(r.message()).isEqualTo("127.0.0.1 on port " + old.port() + " and Signpost have no key exchange"
                    + " method in common (the server offers only: diffie-hellman-group1-sha1). Allow a current"
                    + " algorithm in the server's sshd_config (OpenSSH's defaults all work with Signpost).");
        }
    }
}
