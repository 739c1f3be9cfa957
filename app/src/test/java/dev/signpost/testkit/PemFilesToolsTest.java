package dev.signpost.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM files are checked by the real tools that will load them: openssl and haproxy. */
class PemFilesToolsTest {

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + List.of(command));
        }
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static void assumeInstalled(String program) {
        boolean found = Files.isExecutable(Path.of("/usr/bin", program))
                || Files.isExecutable(Path.of("/usr/sbin", program))
                || Files.isExecutable(Path.of("/usr/local/bin", program));
        Assumptions.assumeTrue(found, program + " is not installed: skipping the check with the real tool");
    }

    @Test
    void opensslVerifiesTheGoodChainAndRejectsTheBadOnes(@TempDir Path dir) throws Exception {
        assumeInstalled("openssl");
        try (TestCa ca = new TestCa()) {
            String root = ca.rootPemFile().toString();
            ServerIdentity.PemFiles good = ca.leaf("example.com", "203.0.113.5").writePem(dir.resolve("good"));
            Result ok = run(dir, "openssl", "verify", "-CAfile", root, "-untrusted", good.chain().toString(),
                    "-verify_hostname", "example.com", good.cert().toString());
            assertThat(ok.exit()).as(ok.output()).isZero();
            Result ip = run(dir, "openssl", "verify", "-CAfile", root, "-untrusted", good.chain().toString(),
                    "-verify_ip", "203.0.113.5", good.cert().toString());
            assertThat(ip.exit()).as(ip.output()).isZero();
            assertThat(run(dir, "openssl", "pkey", "-in", good.key().toString(), "-noout").exit()).isZero();

            ServerIdentity.PemFiles missing = ca.leafWithoutIntermediate("example.com").writePem(dir.resolve("m"));
            assertThat(Files.readString(missing.chain())).isEmpty();
            assertThat(run(dir, "openssl", "verify", "-CAfile", root, missing.cert().toString()).exit()).isNotZero();
            ServerIdentity.PemFiles expired = ca.expiredLeaf("example.com").writePem(dir.resolve("e"));
            Result late = run(dir, "openssl", "verify", "-CAfile", root, "-untrusted", expired.chain().toString(),
                    expired.cert().toString());
            assertThat(late.exit()).isNotZero();
            assertThat(late.output()).contains("expired");
        }
    }

    @Test
    void haproxyAcceptsTheCombinedPem(@TempDir Path dir) throws Exception {
        assumeInstalled("haproxy");
        try (TestCa ca = new TestCa()) {
            ServerIdentity.PemFiles files = ca.leaf("example.com").writePem(dir);
            Path config = dir.resolve("haproxy.cfg");
            Files.writeString(config, String.join("\n",
                    "defaults",
                    "    mode http",
                    "    timeout connect 5s",
                    "    timeout client 5s",
                    "    timeout server 5s",
                    "frontend tls",
                    "    bind 127.0.0.1:18443 ssl crt " + files.combined(),
                    "    default_backend none",
                    "backend none",
                    ""));
            Result check = run(dir, "haproxy", "-c", "-f", config.toString());
            assertThat(check.exit()).as(check.output()).isZero();
        }
    }
}
