package dev.signpost.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.signpost.testkit.RecordedRequest;
import dev.signpost.testkit.TestDnsServer;
import dev.signpost.testkit.TestDohServer;
import dev.signpost.testkit.TestHttpsServer;

/**
 * When each DNS query, TLS handshake and HTTP request reached the local servers during one check, found by
 * watching the servers' logs every millisecond. With a large latency L, an event that arrives after k·L + L/2 sits
 * at depth k of the check's chain of sequential round trips — which shows which hops waited for which. The public
 * resolver of the outside view, when there is one, is watched the same way: its TLS handshakes and the questions
 * that reached it over DNS-over-HTTPS.
 */
final class Timeline implements AutoCloseable {

    /** One event: milliseconds since the check started, and what arrived. */
    record Event(double millis, String what) {
    }

    private final TestDnsServer dns;
    private final TestHttpsServer https;
    private final TestDohServer doh;
    private final long start = System.nanoTime();
    private final List<Event> events = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-timeline");
        thread.setDaemon(true);
        return thread;
    });
    private int seenQueries;
    private int seenRequests;
    private int seenHandshakes;
    private int seenDohQueries;
    private int seenDohHandshakes;

    /** {@code doh} may be null. */
    Timeline(TestDnsServer dns, TestHttpsServer https, TestDohServer doh) {
        this.dns = dns;
        this.https = https;
        this.doh = doh;
        dns.clearQueries();
        https.clearRecords();
        if (doh != null) {
            doh.clearRecords();
        }
        poller.scheduleAtFixedRate(this::poll, 0, 1, TimeUnit.MILLISECONDS);
    }

    private synchronized void poll() {
        double now = (System.nanoTime() - start) / 1e6;
        List<String> queries = dns.queries();
        for (int i = seenQueries; i < queries.size(); i++) {
            events.add(new Event(now, "DNS   " + queries.get(i)));
        }
        seenQueries = queries.size();
        List<TestHttpsServer.Handshake> handshakes = https.handshakes();
        for (int i = seenHandshakes; i < handshakes.size(); i++) {
            events.add(new Event(now, "TLS   done, SNI " + handshakes.get(i).sni()));
        }
        seenHandshakes = handshakes.size();
        List<RecordedRequest> requests = https.requests();
        for (int i = seenRequests; i < requests.size(); i++) {
            RecordedRequest r = requests.get(i);
            events.add(new Event(now, "HTTP  " + r.method() + " " + r.host() + r.target()));
        }
        seenRequests = requests.size();
        if (doh != null) {
            List<TestHttpsServer.Handshake> dohHandshakes = doh.handshakes();
            for (int i = seenDohHandshakes; i < dohHandshakes.size(); i++) {
                events.add(new Event(now, "DoH   TLS done"));
            }
            seenDohHandshakes = dohHandshakes.size();
            List<String> asked = doh.queries();
            for (int i = seenDohQueries; i < asked.size(); i++) {
                events.add(new Event(now, "DoH   GET /dns-query " + asked.get(i)));
            }
            seenDohQueries = asked.size();
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poll();
    }

    /**
     * The depth of an event: how many whole round trips L had passed before it was sent. A query or request
     * arrives half a round trip after it was sent; the CPU time spent on the way (less than L) does not change the
     * count, which is why the depth is immune to a busy machine where wall times are not.
     */
    static long depth(double millis, long latencyMs) {
        return (long) Math.floor((millis - latencyMs / 2.0) / latencyMs);
    }

    /**
     * The number of sequential round trips the check made: the deepest arrival plus its own answer. Zero when
     * nothing arrived.
     */
    synchronized long roundTrips(long latencyMs) {
        return events.stream().mapToLong(e -> depth(e.millis(), latencyMs) + 1).max().orElse(0);
    }

    /** The events with their depths, one a line. */
    synchronized String render(long latencyMs, double totalMs) {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append(String.format(Locale.ROOT, "    %6.0f ms  depth %2d  %s%n", e.millis(),
                    depth(e.millis(), latencyMs), e.what()));
        }
        sb.append(String.format(Locale.ROOT, "    %6.0f ms  check finished: %d sequential round trips (%.2f L of wall"
                + " time)%n", totalMs, roundTrips(latencyMs), totalMs / latencyMs));
        return sb.toString();
    }
}
