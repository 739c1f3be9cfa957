package dev.signpost.core.matrix;

import java.net.URI;
import java.util.List;

/**
 * The keys of {@code /.well-known/matrix/client} the modern apps read, beyond {@code m.homeserver}.
 *
 * @param fociPresent      true when {@code org.matrix.msc4143.rtc_foci} is present at all
 * @param livekitServices  the https LiveKit JWT service URLs it names, without trailing {@code /}
 * @param fociProblems     sentences about a malformed {@code rtc_foci} or an entry clients skip
 * @param authIssuer       {@code org.matrix.msc2965.authentication.issuer} when it is a string, else null
 * @param slidingSyncProxy the obsolete {@code org.matrix.msc3575.proxy} URL when present (any value), else null
 */
public record AppWellKnown(boolean fociPresent, List<URI> livekitServices, List<String> fociProblems,
                           String authIssuer, String slidingSyncProxy) {

    /** The key older Element Call and matrix-rust-sdk's fallback read. */
    public static final String RTC_FOCI = "org.matrix.msc4143.rtc_foci";
    /** The legacy key naming the sign-in service (Synapse adds it when MAS is on). */
    public static final String AUTHENTICATION = "org.matrix.msc2965.authentication";
    /** The retired sliding-sync proxy. */
    public static final String SLIDING_SYNC_PROXY = "org.matrix.msc3575.proxy";

    public AppWellKnown {
        livekitServices = List.copyOf(livekitServices);
        fociProblems = List.copyOf(fociProblems);
    }

    /** Nothing the modern apps read (the file had none of these keys or could not be read). */
    public static AppWellKnown none() {
        return new AppWellKnown(false, List.of(), List.of(), null, null);
    }
}
