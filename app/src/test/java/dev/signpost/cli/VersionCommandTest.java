package dev.signpost.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCommandTest {

    @Test
    void printsVersionAndExitsZero() {
        StringWriter out = new StringWriter();
        int status = SignpostCommand.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "--version");
        assertThat(status).isZero();
        assertThat(out.toString()).startsWith("signpost ").doesNotContain("${");
    }

    @Test
    void unknownOptionIsUsageError() {
        StringWriter err = new StringWriter();
        int status = SignpostCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--no-such-option");
        assertThat(status).isEqualTo(SignpostCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--no-such-option");
    }
}
