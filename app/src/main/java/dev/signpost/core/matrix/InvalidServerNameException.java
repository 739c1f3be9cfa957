package dev.signpost.core.matrix;

/** A server name (or {@code m.server} value) that does not follow the spec's grammar; the message says why. */
public final class InvalidServerNameException extends Exception {

    public InvalidServerNameException(String message) {
        super(message);
    }
}
