package dev.signpost.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class StdinSecretTest {

    private static char[] read(String stdin) throws Exception {
        return StdinSecret.readLine(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void takesTheFirstLineWithoutItsLineEnd() throws Exception {
        assertThat(read("pässwörd 1\nsecond line\n")).containsExactly("pässwörd 1".toCharArray());
        assertThat(read("from windows\r\n")).containsExactly("from windows".toCharArray());
        assertThat(read("no line end")).containsExactly("no line end".toCharArray());
    }

    @Test
    void nothingPipedInIsAnEmptySecret() throws Exception {
        assertThat(read("")).isEmpty();
        assertThat(read("\n")).isEmpty();
    }

    @Test
    void wipingLeavesNoCharacter() throws Exception {
        char[] secret = read("hunter2\n");
        StdinSecret.wipe(secret);
        assertThat(secret).containsOnly('\0');
    }
}
