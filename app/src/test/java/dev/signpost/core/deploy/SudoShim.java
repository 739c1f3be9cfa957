package dev.signpost.core.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for sudo on the loopback server (given to deploy as {@code --sudo-program}), so the tests need neither
 * root nor a sudoers file. It behaves as sudo does for a user whose sudo needs a password, in the two forms
 * Signpost uses: {@code -n CMD} refuses ("a password is required"), {@code -S -p '' CMD} reads one line from
 * standard input and runs CMD only when it is the password; each command it ran is appended to a log.
 *
 * <p>Its limits, which is what the real sudo adds: it runs CMD as the SSH user (no change of user, so it proves
 * the order of work and what was run, not privileges); no sudoers, no timestamp cache (every {@code -S} call wants
 * the password again, as with {@code timestamp_timeout=0}), no three-tries loop, no lecture, and it never writes to
 * the terminal (Signpost always gives sudo its password on standard input, never through a tty).
 */
final class SudoShim {

    final Path program;
    final Path ran;

    private SudoShim(Path program, Path ran) {
        this.program = program;
        this.ran = ran;
    }

    /** Writes the stand-in into {@code dir}; it accepts {@code password} only. */
    static SudoShim write(Path dir, String password) throws IOException {
        Files.createDirectories(dir);
        Path ran = dir.resolve("sudo-ran.log");
        Path program = Files.writeString(dir.resolve("fake-sudo"), """
                #!/bin/sh
                if [ "$1" = "-n" ]; then echo "sudo: a password is required" >&2; exit 1; fi
                if [ "$1" = "-S" ]; then
                  shift 3
                  IFS= read -r pw
                  if [ "$pw" != '%s' ]; then echo "Sorry, try again." >&2; exit 1; fi
                  echo "$*" >> '%s'
                  echo "as root: $*"
                  exec "$@"
                fi
                exit 2
                """.formatted(password, ran));
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new SudoShim(program, ran);
    }

    /** The commands it ran after a right password, in order. */
    List<String> ran() throws IOException {
        return Files.exists(ran) ? Files.readAllLines(ran) : List.of();
    }
}
