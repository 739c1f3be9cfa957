package dev.signpost.core.matrix;

/** A JSON value that has no Matrix canonical form (a float, an integer out of range, …); the message says why. */
public final class CanonicalJsonException extends Exception {

    public CanonicalJsonException(String message) {
        super(message);
    }
}
