package dev.signpost.core.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A server without posix-rename (plain SFTP v3 rename never overwrites) still gets files replaced whole. */
class PlainRenameFallbackTest {

    @Test
    void replacesAndRollsBackByMovingTheOldFileAside(@TempDir Path dir) throws Exception {
        ClientKeys keys = ClientKeys.create(dir.resolve("client"));
        try (MinaSshServer server = new MinaSshServer(dir.resolve("server/root"), keys, false)) {
            Path www = Files.createDirectories(server.newDirectory("site").resolve("www"));
            Path matrix = Files.createDirectories(www.resolve(".well-known/matrix"));
            Files.writeString(matrix.resolve("server"), "old\n");
            Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
            Deployer deployer = new Deployer(new SshEnvironment(null, knownHosts, null, List.of()), Locale.ENGLISH);
            SshTarget target = new SshTarget("127.0.0.1", server.port(), server.user(), keys.ecdsa,
                    Duration.ofSeconds(15), Duration.ofSeconds(15));
            List<String> events = new ArrayList<>();
            DeployListener listener = new DeployListener() {
                @Override
                public void stage(DeployStage stage, String detail) {
                    events.add(detail);
                }
            };
            DeployRequest request = DeployRequest.of(target, server.remotePath(www),
                    List.of(new DeployFile(".well-known/matrix/server", "new\n".getBytes(StandardCharsets.UTF_8))));

            DeployResult r = deployer.deploy(request, new ScriptedPrompts(), listener, new Cancellation());
            assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
            assertThat(events).anyMatch(e -> e.startsWith("The server offers no atomic rename"));
            assertThat(Files.readString(matrix.resolve("server"))).isEqualTo("new\n");
            assertThat(names(matrix)).hasSize(2).contains("server")
                    .anyMatch(n -> n.startsWith("server" + Deployer.BACKUP_MARK));

            DeployResult back = deployer.rollback(request, new ScriptedPrompts(), listener, new Cancellation());
            assertThat(back.outcome()).as(back.message()).isEqualTo(DeployOutcome.DEPLOYED);
            assertThat(Files.readString(matrix.resolve("server"))).isEqualTo("old\n");
            assertThat(names(matrix)).hasSize(2).noneMatch(n -> n.contains(Deployer.TEMP_MARK));
        }
    }

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
