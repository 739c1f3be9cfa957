package dev.signpost.cli;

import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.generate.GeneratedFile;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {

    private Locale saved;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "generate";
        System.arraycopy(args, 0, all, 1, args.length);
        return SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void writesEveryFileWithTheGeneratorsContentAndSaysWhereItGoes(@TempDir Path dir) throws Exception {
        int status = run("--server-name", "example.com", "--delegate", "matrix.example.com:443",
                "--web-server", "caddy", "--homeserver", "dendrite", "--federation-proxy", "--out", dir.toString());
        assertThat(status).as(err.toString()).isZero();
        List<GeneratedFile> expected = new ConfigGenerator(Locale.ENGLISH).generate(
                DelegationPlan.defaultsFor("example.com").toBuilder().federation("matrix.example.com", 443)
                        .webServer(WebServerKind.CADDY)
                        .homeserver(dev.signpost.core.plan.HomeserverKind.DENDRITE).federationProxy(true).build());
        for (GeneratedFile file : expected) {
            assertThat(dir.resolve(file.path())).hasContent(file.content());
            assertThat(out.toString()).contains(file.path()).contains(file.purpose());
        }
        assertThat(filesUnder(dir)).hasSize(expected.size());
        assertThat(dir.resolve(".well-known/matrix/server")).hasContent("{\n  \"m.server\": \"matrix.example.com:443\"\n}");
        assertThat(dir.resolve(".well-known/matrix/client")).content().contains("\"https://matrix.example.com\"");
        assertThat(err.toString()).contains("warning:").contains("443");
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path server = dir.resolve(".well-known/matrix/server");
        Files.createDirectories(server.getParent());
        Files.writeString(server, "mine");
        int status = run("--server-name", "example.com", "--out", dir.toString());
        assertThat(status).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("already exists").contains("--force");
        assertThat(server).hasContent("mine");
        assertThat(filesUnder(dir)).hasSize(1);

        assertThat(run("--server-name", "example.com", "--out", dir.toString(), "--force")).isZero();
        assertThat(server).content().contains("matrix.example.com:8448");
        assertThat(filesUnder(dir)).noneMatch(p -> p.getFileName().toString().endsWith(".signpost-tmp"));
    }

    @Test
    void badInputExitsTwoWithTheSentenceAndWritesNothing(@TempDir Path dir) throws Exception {
        int status = run("--server-name", "example.com", "--delegate", "https://matrix.example.com",
                "--client-base-url", "http://matrix.example.com", "--out", dir.toString());
        assertThat(status).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("error:").contains("https://").doesNotContain("Exception");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void hostileNameIsRefused(@TempDir Path dir) throws Exception {
        int status = run("--server-name", "example.com;\n}", "--out", dir.toString());
        assertThat(status).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(filesUnder(dir)).isEmpty();
        assertThat(run("--server-name", "example.com", "--client-key", "org.example.x=\"a'}\"", "--out",
                dir.toString())).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void supportContactsGoIntoTheSupportFile(@TempDir Path dir) throws Exception {
        int status = run("--server-name", "example.com", "--admin-contact", "@admin:example.com",
                "--security-contact", "security@example.com", "--support-page", "https://example.com/help",
                "--out", dir.toString());
        assertThat(status).as(err.toString()).isZero();
        assertThat(dir.resolve(".well-known/matrix/support")).content()
                .contains("\"matrix_id\": \"@admin:example.com\"").contains("\"role\": \"m.role.admin\"")
                .contains("\"email_address\": \"security@example.com\"").contains("\"role\": \"m.role.security\"")
                .contains("\"support_page\": \"https://example.com/help\"");
    }

    @Test
    void unknownKindsAreUsageErrors() {
        assertThat(run("--server-name", "example.com", "--web-server", "iis")).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("\"iis\"").contains("nginx, caddy");
    }

    @Test
    void withoutOutPrintsEveryFile() {
        int status = run("--server-name", "example.com", "--web-server", "haproxy", "--homeserver", "conduwuit");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("==> .well-known/matrix/server <==")
                .contains("==> haproxy/haproxy.cfg <==").contains("==> conduit/signpost-conduit.toml <==")
                .contains("http-request return status 200");
    }

    @Test
    void germanSentences(@TempDir Path dir) {
        Locale.setDefault(Locale.GERMAN);
        assertThat(run("--server-name", "example.com", "--client-base-url", "http://x.example")).isEqualTo(2);
        assertThat(err.toString()).contains("Fehler:").contains("Verwenden Sie https://");
    }

    @Test
    void anUpstreamThatIsNoUrlIsASentenceEvenWithoutTheProxy(@TempDir Path dir) throws Exception {
        int status = run("--server-name", "example.com", "--upstream", "http://@1", "--out", dir.toString());
        assertThat(status).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("error:").doesNotContain("Exception").doesNotContain("unexpected");
        assertThat(filesUnder(dir)).isEmpty();
    }

    @Test
    void clientKeyNumbersAreKeptExactOrRefused(@TempDir Path dir) throws Exception {
        assertThat(run("--server-name", "example.com", "--client-key", "org.example.n=1e999", "--out",
                dir.toString())).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("1E+999").doesNotContain("Exception");
        assertThat(filesUnder(dir)).isEmpty();
        assertThat(run("--server-name", "example.com", "--client-key", "org.example.big=9223372036854775809",
                "--client-key", "org.example.fine=0.30000000000000000000000000001", "--out", dir.toString()))
                .isEqualTo(0);
        String client = Files.readString(filesUnder(dir).stream()
                .filter(p -> p.toString().endsWith("matrix/client")).findFirst().orElseThrow());
        assertThat(client).contains("9223372036854775809").contains("0.30000000000000000000000000001")
                .doesNotContain("Infinity");
    }
}
