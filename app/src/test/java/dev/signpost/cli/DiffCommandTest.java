package dev.signpost.cli;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.report.ChainFixtures;
import dev.signpost.core.report.ReportJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DiffCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Locale saved;

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
        return SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void sameReportsExitZero() throws Exception {
        Path a = write("a.json", ReportJson.write(ChainFixtures.healthy()));
        Path b = write("b.json", ReportJson.write(ChainFixtures.healthy()));
        assertThat(run("diff", a.toString(), b.toString())).isZero();
        assertThat(out.toString()).startsWith("No differences");
    }

    @Test
    void aFixedCertificateShowsHopByHopAndExitsOne() throws Exception {
        Path a = write("before.json", ReportJson.write(ChainFixtures.brokenDelegation()));
        Path b = write("after.json", ReportJson.write(ChainFixtures.build(new ChainFixtures.Shape(
                FederationMethod.WELL_KNOWN_EXPLICIT_PORT, List.of("203.0.113.5", "2001:db8::5"), -1, false, false,
                false))));
        assertThat(run("diff", a.toString(), b.toString())).isEqualTo(DiffCommand.EXIT_DIFFERENT);
        assertThat(out.toString()).contains("~ changed hop fed.tls.203.0.113.5:443: status Fail → Pass",
                "~ check federation.tls: Fail → Pass");
        out.getBuffer().setLength(0);
        assertThat(run("diff", "--format", "markdown", a.toString(), b.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("| changed | `federation.tls` |");
    }

    @Test
    void badInputExitsTwoWithASentence() throws Exception {
        Path good = write("good.json", ReportJson.write(ChainFixtures.healthy()));
        Path html = write("page.html", "<html>not json</html>");
        assertThat(run("diff", dir.resolve("missing.json").toString(), good.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.json does not exist").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("diff", good.toString(), html.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("page.html", "signpost check --json").doesNotContain("at dev.");
        err.getBuffer().setLength(0);
        assertThat(run("diff", good.toString(), dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a folder");
        err.getBuffer().setLength(0);
        assertThat(run("diff", "--format", "html", good.toString(), good.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown format \"html\"");
        assertThat(run("diff", good.toString())).isEqualTo(2);
    }

    @Test
    void anAbsurdNumberIsRefusedAtOnceWithASentence() throws Exception {
        String healthy = ReportJson.write(ChainFixtures.healthy());
        String hostile = healthy.replaceFirst("\"elapsed_ms\" : [0-9.]+", "\"elapsed_ms\" : 1e200000");
        assertThat(hostile).contains("1e200000");
        Path a = write("a.json", healthy);
        Path b = write("b.json", hostile);
        long started = System.nanoTime();
        assertThat(run("diff", a.toString(), b.toString())).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
        assertThat(err.toString()).contains("1E+200000").doesNotContain("Exception");
        Path c = write("c.json", healthy.replaceFirst("\"elapsed_ms\" : [0-9.]+", "\"elapsed_ms\" : 1e-200000"));
        assertThat(run("diff", a.toString(), c.toString())).isEqualTo(SignpostCommand.EXIT_USAGE);
    }
}
