package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.RecordedRequest;
import dev.signpost.testkit.TestWorld;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared helpers of the engine tests: run a check against a {@link TestWorld}, look at the outcome. */
final class EngineTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(4);

    private EngineTestSupport() {
    }

    static DiscoveryEngine engine(TestWorld world, Duration timeout) {
        try {
            return DiscoveryEngine.create(world.netOptions(timeout), Locale.ENGLISH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Report check(TestWorld world, String name) {
        return engine(world, TIMEOUT).check(name);
    }

    static Check check(Report report, String id) {
        return report.check(id).orElseThrow(() -> new AssertionError("no check " + id + " in " + ids(report)));
    }

    static Hop hop(Report report, String id) {
        return report.hop(id).orElseThrow(() -> new AssertionError("no hop " + id + " in "
                + report.hops().stream().map(Hop::id).toList()));
    }

    static Status status(Report report, String id) {
        return check(report, id).status();
    }

    static List<String> ids(Report report) {
        return report.checks().stream().map(c -> c.id() + "=" + c.status()).toList();
    }

    static void assertRequiredChecksPresent(Report report) {
        for (String id : DiscoveryEngine.REQUIRED_CHECKS) {
            assertThat(report.check(id)).as(id).isPresent();
        }
        assertThat(report.hops()).allMatch(h -> h.status() != Status.RUNNING);
    }

    /** The last request the world's HTTPS server received for {@code path}. */
    static RecordedRequest lastRequest(TestWorld world, String path) {
        List<RecordedRequest> requests = world.https().requests(path);
        assertThat(requests).as("requests for " + path).isNotEmpty();
        return requests.get(requests.size() - 1);
    }

    static String describe(Report report) {
        StringBuilder b = new StringBuilder();
        for (Hop h : report.hops()) {
            b.append(h.id()).append(' ').append(h.status()).append(' ').append(h.label()).append(" | ")
                    .append(h.detail()).append('\n');
        }
        for (Check c : report.checks()) {
            b.append(c.id()).append(' ').append(c.status()).append(' ').append(c.summary()).append('\n');
        }
        return b.toString();
    }
}
