package dev.signpost.core.deploy;

import dev.signpost.testkit.CuttingProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection cut anywhere in the SSH handshake and login (real OpenSSH sshd behind a proxy that drops the
 * connection after a number of bytes): the user gets Signpost's own sentence that the connection was lost, never
 * the SSH library's text, never "the server refused your key", never a password question; nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandshakeCutTest {

    /** The library's words and internals that must never reach the user. */
    static final List<String> LIBRARY_TEXT = List.of("Auth fail", "Auth cancel", "Session.connect", "jsch", "JSch",
            "Exception", "End of IO Stream", "Algorithm negotiation", "Connection reset", "Socket", "socket");

    Path base;
    ClientKeys keys;
    OpenSshServer sshd;

    @BeforeAll
    void start() throws Exception {
        base = Files.createTempDirectory("signpost-handshake-cut-");
        keys = ClientKeys.create(base.resolve("client"));
        sshd = new OpenSshServer(base.resolve("sshd"), keys);
    }

    @AfterAll
    void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (base != null) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aCutDuringTheHandshakeOrLoginIsOneSentenceAndNothingIsWritten() throws Exception {
        Path www = Files.createDirectories(base.resolve("www"));
        List<String> seen = new ArrayList<>();
        int lostBeforeLogin = 0;
        // The whole login (version exchange, key exchange, host key, publickey) is about 1.5 to 2 kB from the client.
        for (long cutAt : List.of(1L, 20L, 100L, 300L, 500L, 700L, 900L, 1100L, 1300L, 1400L, 1500L, 1600L, 1700L,
                1800L)) {
            try (CuttingProxy proxy = new CuttingProxy(new InetSocketAddress("127.0.0.1", sshd.port()), cutAt)) {
                Path knownHosts = Files.writeString(base.resolve("known_hosts_" + cutAt),
                        sshd.knownHostsLine().replace("]:" + sshd.port() + " ", "]:" + proxy.port() + " ") + "\n");
                ScriptedPrompts prompts = new ScriptedPrompts();
                SshTarget target = new SshTarget("127.0.0.1", proxy.port(), sshd.user(), keys.ed25519,
                        Duration.ofSeconds(15), Duration.ofSeconds(15));
                DeployRequest request = DeployRequest.of(target, www.toString(), List.of(
                        new DeployFile(".well-known/matrix/server", "{}\n".getBytes(StandardCharsets.UTF_8))));
                DeployResult r = new Deployer(new SshEnvironment(null, knownHosts, null, List.of()), Locale.ENGLISH,
                        Clock.systemUTC()).deploy(request, prompts, DeployListener.NONE, new Cancellation());
                String message = String.valueOf(r.message());
                seen.add(cutAt + ": " + message);
                assertThat(proxy.cut()).as("the proxy cut at %d bytes", cutAt).isTrue();
                assertThat(r.outcome()).as(message).isEqualTo(DeployOutcome.FAILED);
                assertThat(message).as("cut at %d bytes", cutAt).contains("was lost")
                        .doesNotContain("refused the login");
                for (String text : LIBRARY_TEXT) {
                    assertThat(message).as("cut at %d bytes", cutAt).doesNotContain(text);
                }
                assertThat(prompts.passwordRequests).as("cut at %d bytes: %s", cutAt, message).isEmpty();
                if (message.contains("before the login finished")) {
                    lostBeforeLogin++;
                }
                try (Stream<Path> left = Files.walk(www)) {
                    assertThat(left.filter(Files::isRegularFile).toList()).as(message).isEmpty();
                }
            }
        }
        System.out.println("[measure] handshake cuts: " + seen);
        // Most of these points are inside the login; the assertion guards against the cut points drifting past it.
        assertThat(lostBeforeLogin).as(String.join("\n", seen)).isGreaterThanOrEqualTo(10);
    }
}
