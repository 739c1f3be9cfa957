package dev.signpost.core.deploy;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MINA SSHD offering ECDSA and ed25519 host keys: whichever of them known_hosts holds is asked for first and
 * recognised without a question (Signpost's own preference, ed25519, would otherwise make the ECDSA-known host
 * look unknown); ed25519 user keys log in.
 */
class MinaEd25519Test {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "known_hosts holds the {0} key")
    @ValueSource(strings = {"EC", "EdDSA"})
    void theHostKeyTypeKnownHostsHoldsIsAskedForAndRecognised(String known) throws Exception {
        assertThat(SecurityUtils.isEDDSACurveSupported()).as("net.i2p EdDSA on the test class path").isTrue();
        ClientKeys keys = ClientKeys.create(dir.resolve("client"));
        try (MinaSshServer server = new MinaSshServer(dir.resolve("root"), keys, true,
                known.equals("EC") ? List.of(KeyUtils.EC_ALGORITHM, SecurityUtils.EDDSA)
                        : List.of(SecurityUtils.EDDSA, KeyUtils.EC_ALGORITHM))) {
            String line = server.knownHostsLine();
            assertThat(line).contains(known.equals("EC") ? " ecdsa-sha2-nistp256 " : " ssh-ed25519 ");
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line + "\n");
            Path www = server.newDirectory("www");
            ScriptedPrompts prompts = new ScriptedPrompts().accept(HostKeyDecision.REJECT);
            SshTarget target = new SshTarget("127.0.0.1", server.port(), server.user(), keys.ed25519,
                    Duration.ofSeconds(15), Duration.ofSeconds(15));
            DeployResult r = new Deployer(new SshEnvironment(null, knownHosts, null, List.of()), Locale.ENGLISH)
                    .deploy(DeployRequest.of(target, server.remotePath(www), SshDeploySuite.files("{}\n", "{}\n")),
                            prompts, new DeployListener() { }, new Cancellation());
            assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
            assertThat(prompts.hostKeysShown).isEmpty();
            assertThat(www.resolve(".well-known/matrix/server")).hasContent("{}");
        }
    }
}
