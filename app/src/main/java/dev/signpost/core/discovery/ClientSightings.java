package dev.signpost.core.discovery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the client lane saw, handed to the apps lane as soon as it is known, so the apps lane starts its requests
 * right after the client well-known arrives (in parallel with {@code /versions}) and reuses the {@code /versions}
 * answer instead of asking again. Each value is completed once; the client lane completes both with null when it
 * ends without them.
 */
final class ClientSightings {

    /**
     * The client well-known as clients read it.
     *
     * @param baseUrl the homeserver URL clients would use (no trailing {@code /}), or null when discovery stopped
     * @param body    the well-known body, or null when none was usable
     */
    record WellKnown(URI baseUrl, byte[] body) {
    }

    private final CompletableFuture<WellKnown> wellKnown = new CompletableFuture<>();
    private final CompletableFuture<Fetcher.Result> versions = new CompletableFuture<>();

    void wellKnown(URI baseUrl, byte[] body) {
        wellKnown.complete(new WellKnown(baseUrl, body));
    }

    void versions(Fetcher.Result result) {
        versions.complete(result);
    }

    /** Called when the client lane ends, whatever happened: nobody waits forever. */
    void end() {
        wellKnown.complete(null);
        versions.complete(null);
    }

    WellKnown awaitWellKnown(Instant deadline) {
        return await(wellKnown, deadline);
    }

    Fetcher.Result awaitVersions(Instant deadline) {
        return await(versions, deadline);
    }

    private static <T> T await(CompletableFuture<T> future, Instant deadline) {
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
