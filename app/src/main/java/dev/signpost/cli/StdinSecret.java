package dev.signpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret piped in on standard input ({@code --sudo-password-stdin}), read as its first line without ever making
 * a {@link String}, so it can be wiped after use.
 */
final class StdinSecret {

    /** Longer lines are not a password (a file piped in by mistake): read no further. */
    private static final int MAX_BYTES = 4096;

    private StdinSecret() {
    }

    /** The first line of {@code in} (without its line end), or an empty array when there is none. */
    static char[] readLine(InputStream in) throws IOException {
        byte[] buffer = new byte[MAX_BYTES];
        int length = 0;
        int b;
        while (length < MAX_BYTES && (b = in.read()) != -1 && b != '\n') {
            buffer[length++] = (byte) b;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(buffer, 0, length));
        char[] secret = new char[chars.remaining()];
        chars.get(secret);
        Arrays.fill(buffer, (byte) 0);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return secret;
    }

    static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
