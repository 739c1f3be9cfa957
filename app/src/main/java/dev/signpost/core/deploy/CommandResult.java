package dev.signpost.core.deploy;

/**
 * What the after-upload command did.
 *
 * @param command    the command as run
 * @param exitStatus its exit status, or -1 when it did not finish (timeout, cancel, lost connection)
 * @param output     its standard output and error, interleaved as received (truncated at 64 KiB)
 */
public record CommandResult(String command, int exitStatus, String output) {

    /** Whether the command finished with status 0. */
    public boolean succeeded() {
        return exitStatus == 0;
    }
}
