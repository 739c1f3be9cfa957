package dev.signpost.core.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SshConfigExpansionTest {

    @Test
    void expandsHomeAndTokensLikeOpenSsh() {
        String home = System.getProperty("user.home");
        String me = System.getProperty("user.name");
        assertThat(SshConnector.expand("~/.ssh/id_ed25519", "h", 22, "r")).isEqualTo(Path.of(home, ".ssh/id_ed25519"));
        assertThat(SshConnector.expand("\"%d/keys/%r@%h:%p\"", "vps.example.org", 2222, "deploy"))
                .isEqualTo(Path.of(home + "/keys/deploy@vps.example.org:2222"));
        assertThat(SshConnector.expand("/k/%u-100%%", "h", 22, "r")).isEqualTo(Path.of("/k/" + me + "-100%"));
    }
}
