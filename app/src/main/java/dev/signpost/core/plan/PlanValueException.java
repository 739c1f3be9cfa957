package dev.signpost.core.plan;

/** One value of a plan that cannot be used; the message is a sentence for the user. */
public final class PlanValueException extends Exception {

    public PlanValueException(String message) {
        super(message);
    }
}
