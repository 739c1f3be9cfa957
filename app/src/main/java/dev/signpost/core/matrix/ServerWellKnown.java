package dev.signpost.core.matrix;

/**
 * What {@code /.well-known/matrix/server} says, after checking it as a homeserver would.
 *
 * @param rawMServer the {@code m.server} value as served when it was a string (even when invalid), else null
 * @param mServer    the parsed delegation target, or null when the well-known cannot be used
 * @param error      a sentence saying what is wrong and how to fix it, or null when {@code mServer} is usable
 */
public record ServerWellKnown(String rawMServer, ServerName mServer, String error) {

    /** True when federation follows this well-known (spec steps 3.1–3.5); otherwise it falls back (step 4). */
    public boolean usable() {
        return mServer != null;
    }
}
