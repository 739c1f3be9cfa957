package dev.signpost.core.deploy;

import dev.signpost.testkit.HangingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Servers that never answer, or are not there, end in a sentence within the limits. */
class SshTimeoutTest {

    @Test
    void aSilentServerTimesOutWithinTheConnectLimit(@TempDir Path dir) {
        try (HangingServer silent = HangingServer.plain()) {
            SshTarget target = new SshTarget("127.0.0.1", silent.port(), "nobody", null, Duration.ofSeconds(2),
                    Duration.ofSeconds(2));
            Deployer deployer = new Deployer(new SshEnvironment(null, dir.resolve("known_hosts"), null, List.of()),
                    Locale.ENGLISH);
            long start = System.nanoTime();
            DeployResult r = deployer.deploy(DeployRequest.of(target, "/www", List.of()), new ScriptedPrompts(),
                    DeployListener.NONE, new Cancellation());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
            assertThat(r.message()).contains("127.0.0.1").contains("within 2 seconds");
            assertThat(took).isLessThan(Duration.ofSeconds(10));
            assertThat(silent.accepted()).isPositive();
        }
    }

    @Test
    void cancelStopsAConnectionThatHangs(@TempDir Path dir) throws Exception {
        try (HangingServer silent = HangingServer.plain()) {
            SshTarget target = new SshTarget("127.0.0.1", silent.port(), "nobody", null, Duration.ofSeconds(60),
                    Duration.ofSeconds(60));
            Deployer deployer = new Deployer(new SshEnvironment(null, dir.resolve("known_hosts"), null, List.of()),
                    Locale.ENGLISH);
            Cancellation cancellation = new Cancellation();
            DeployListener cancelWhenConnecting = new DeployListener() {
                @Override
                public void stage(DeployStage stage, String detail) {
                    if (stage == DeployStage.AUTHENTICATING) {
                        java.util.concurrent.CompletableFuture.runAsync(cancellation::cancel,
                                java.util.concurrent.CompletableFuture.delayedExecutor(300,
                                        java.util.concurrent.TimeUnit.MILLISECONDS));
                    }
                }
            };
            long start = System.nanoTime();
            DeployResult r = deployer.deploy(DeployRequest.of(target, "/www", List.of()), new ScriptedPrompts(),
                    cancelWhenConnecting, cancellation);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(r.outcome()).isEqualTo(DeployOutcome.CANCELLED);
            assertThat(r.message()).isEqualTo("Cancelled. Nothing on the server was changed.");
        }
    }

    @Test
    void aClosedPortIsRefusedWithASentence(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SshTarget target = new SshTarget("127.0.0.1", port, "nobody", null, Duration.ofSeconds(2), Duration.ofSeconds(2));
        Deployer deployer = new Deployer(new SshEnvironment(null, dir.resolve("known_hosts"), null, List.of()),
                Locale.ENGLISH);
        DeployResult r = deployer.deploy(DeployRequest.of(target, "/www", List.of()), new ScriptedPrompts(),
                DeployListener.NONE, new Cancellation());
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.sshFailure()).isEqualTo(SshFailure.of(SshFailure.Reason.CONNECTION_REFUSED, "127.0.0.1", port));
        assertThat(r.message()).isEqualTo("127.0.0.1 refused the connection on port " + port
                + ". Check that the SSH server is running there and that the port is right.");
    }

    @Test
    void aServerThatHangsUpBeforeTheLoginIsALostConnection(@TempDir Path dir) throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread hangUp = new Thread(() -> {
                try (java.net.Socket client = s.accept()) {
                    client.getOutputStream().write("not ssh\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // The test's assertion says what the client saw.
                }
            });
            hangUp.setDaemon(true);
            hangUp.start();
            SshTarget target = new SshTarget("127.0.0.1", s.getLocalPort(), "nobody", null, Duration.ofSeconds(5),
                    Duration.ofSeconds(5));
            Deployer deployer = new Deployer(new SshEnvironment(null, dir.resolve("known_hosts"), null, List.of()),
                    Locale.GERMAN);
            DeployResult r = deployer.deploy(DeployRequest.of(target, "/www", List.of()), new ScriptedPrompts(),
                    DeployListener.NONE, new Cancellation());
            assertThat(r.sshFailure().reason()).isEqualTo(SshFailure.Reason.CONNECTION_LOST);
            assertThat(r.message()).startsWith("Die Verbindung zu nobody@127.0.0.1:" + s.getLocalPort()
                    + " brach ab, bevor die Anmeldung fertig war.").doesNotContain("foreign host");
        }
    }
}
