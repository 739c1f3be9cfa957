package dev.signpost.cli;

/** Input on the command line that the user must fix; the message is the one sentence shown (exit status 2). */
final class UsageException extends Exception {

    UsageException(String sentence) {
        super(sentence);
    }
}
