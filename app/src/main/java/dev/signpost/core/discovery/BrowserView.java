package dev.signpost.core.discovery;

import dev.signpost.core.net.HttpResponse;

import java.net.URI;
import java.util.Optional;

/**
 * The client lane's answers as a browser lets Element Web see them: a cross-origin fetch fails unless every
 * response on the way, each redirect hop, a 404 and {@code /_matrix/client/versions} included, carries
 * {@code Access-Control-Allow-Origin}; a redirect from https to http is blocked as mixed content. Node-based
 * checks see none of this, which is why it is judged from the same responses the lane already received.
 */
final class BrowserView {

    /** The first response a browser would not hand to the page. */
    record Blocked(URI url, int status) {
    }

    private BrowserView() {
    }

    /** The first response of {@code fetch} without {@code Access-Control-Allow-Origin}, if any. */
    static Optional<Blocked> firstWithoutCors(Fetcher.Result fetch) {
        if (fetch == null) {
            return Optional.empty();
        }
        for (Fetcher.Step step : fetch.steps()) {
            HttpResponse r = step.response();
            if (r.responded() && !allowsAnyOrigin(r)) {
                return Optional.of(new Blocked(step.url(), r.statusCode()));
            }
        }
        return Optional.empty();
    }

    /** Element Web is served from its own origin; only {@code *} lets every deployment of it read the answer. */
    static boolean allowsAnyOrigin(HttpResponse r) {
        return r.header("Access-Control-Allow-Origin").map(String::strip).filter("*"::equals).isPresent();
    }
}
