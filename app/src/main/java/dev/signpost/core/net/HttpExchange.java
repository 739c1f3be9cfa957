package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;

import java.io.ByteArrayOutputStream;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Mutable state of one exchange, turned into an immutable {@link HttpResponse} at the end. */
final class HttpExchange {
    final HttpTarget target;
    final long start;
    HttpResponse.Phase phase = HttpResponse.Phase.CONNECT;
    final List<X509Certificate> chain = new ArrayList<>();
    String tlsVersion;
    String cipherSuite;
    Integer statusCode;
    String statusLine;
    List<Evidence.Header> headers = List.of();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    boolean truncated;

    HttpExchange(HttpTarget target, long start) {
        this.target = target;
        this.start = start;
    }

    String header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Evidence.Header::value)
                .findFirst().orElse("");
    }

    void append(byte[] buffer, int n, int cap) {
        int room = cap - body.size();
        if (n > room) {
            body.write(buffer, 0, Math.max(0, room));
            truncated = true;
        } else {
            body.write(buffer, 0, n);
        }
    }

    HttpResponse result(HttpResponse.Failure failure, String detail) {
        return new HttpResponse(target, failure, failure == null ? null : phase, detail, statusCode, statusLine,
                headers, body.toByteArray(), truncated, chain, tlsVersion, cipherSuite,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
