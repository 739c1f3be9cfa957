package dev.signpost.core.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Fingerprints must read exactly as {@code ssh-keygen -l} prints them, so users can compare them by eye. */
class FingerprintsTest {

    @Test
    void matchesSshKeygenForEveryKeyType(@TempDir Path dir) throws Exception {
        ClientKeys keys = ClientKeys.create(dir);
        for (Path key : new Path[] {keys.ed25519, keys.ecdsa, keys.rsa}) {
            String[] pub = Files.readString(Path.of(key + ".pub")).strip().split(" ");
            byte[] blob = Base64.getDecoder().decode(pub[1]);
            Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub")
                    .redirectErrorStream(true).start();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(Fingerprints.sha256(blob)).isEqualTo(printed.split(" ")[1]).doesNotEndWith("=");
            assertThat(Fingerprints.keyType(blob)).isEqualTo(pub[0]);
        }
    }

    @Test
    void aTruncatedBlobHasAnUnknownType() {
        assertThat(Fingerprints.keyType(new byte[] {0, 0, 0, 9, 's'})).isEqualTo("unknown");
        assertThat(Fingerprints.keyType(new byte[0])).isEqualTo("unknown");
    }
}
