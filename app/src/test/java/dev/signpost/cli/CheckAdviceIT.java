package dev.signpost.cli;

import dev.signpost.testkit.AdviceWorlds;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.signpost.testkit.AdviceWorlds.HOMESERVER;
import static dev.signpost.testkit.AdviceWorlds.NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** The advice from the built jar, run as users run it: a separate process against the test kit's real servers. */
class CheckAdviceIT {

    private record Result(int exit, String out) {
    }

    private static Result signpost(List<String> args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("signpost.jar", "target/signpost.jar"));
        assertThat(jar).as("the built jar; run mvn package first").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.language=en", "-jar", jar.toString()));
        command.addAll(args);
        Path out = Files.createTempFile("signpost-advice", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("signpost finished").isTrue();
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void offlineTheJarSaysSoOnceAndExitsOne() throws Exception {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            List<String> args = new ArrayList<>(List.of("check", NAME, "--timeout", "1"));
            args.addAll(AdviceWorlds.argsWithUnreachableDns(w));
            Result r = signpost(args);
            assertThat(r.exit()).as(r.out()).isEqualTo(1);
            assertThat(r.out()).contains("[FAIL] local.network").contains("is this computer online?")
                    .contains("↳ not reached (federation.tls):").doesNotContain("DNS provider")
                    .containsOnlyOnce("fix: ");
        }
    }

    @Test
    void noDelegationYetTheJarSaysDelegateWithVersionAndKeysNotReached() throws Exception {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            Result r = signpost(new ArrayList<>(List.of(w.args("check", NAME))));
            assertThat(r.exit()).as(r.out()).isEqualTo(1);
            assertThat(r.out()).contains("fix: Delegate " + NAME + " to " + HOMESERVER)
                    .contains("↳ not reached (federation.version):").contains("↳ not reached (federation.keys):")
                    .doesNotContain("[FAIL] federation.version");
        }
    }
}
