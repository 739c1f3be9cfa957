package dev.signpost.shipped;

import dev.signpost.testkit.AdviceWorlds;
import dev.signpost.testkit.ShippedJar;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.signpost.testkit.AdviceWorlds.HOMESERVER;
import static dev.signpost.testkit.AdviceWorlds.NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** The advice from the built jar, run as users run it, against the test kit's real servers. */
class CheckAdviceIT {

    private static ShippedJar.Run check(Path dir, List<String> args) throws Exception {
        return ShippedJar.run(dir, Duration.ofSeconds(60), env -> env.put("LC_ALL", "C.UTF-8"),
                args.toArray(String[]::new));
    }

    @Test
    void offlineTheJarSaysSoOnceAndExitsOne(@TempDir Path dir) throws Exception {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            List<String> args = new ArrayList<>(List.of("check", NAME, "--timeout", "1"));
            args.addAll(AdviceWorlds.argsWithUnreachableDns(w));
            ShippedJar.Run r = check(dir, args);
            assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
            assertThat(r.stdout()).contains("[FAIL] local.network").contains("is this computer online?")
                    .contains("↳ not reached (federation.tls):").doesNotContain("DNS provider")
                    .containsOnlyOnce("fix: ");
        }
    }

    @Test
    void noDelegationYetTheJarSaysDelegateWithVersionAndKeysNotReached(@TempDir Path dir) throws Exception {
        try (TestWorld w = AdviceWorlds.noDelegationYet()) {
            ShippedJar.Run r = check(dir, List.of(w.args("check", NAME)));
            assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(1);
            assertThat(r.stdout()).contains("fix: Delegate " + NAME + " to " + HOMESERVER)
                    .contains("↳ not reached (federation.version):").contains("↳ not reached (federation.keys):")
                    .doesNotContain("[FAIL] federation.version");
        }
    }
}
