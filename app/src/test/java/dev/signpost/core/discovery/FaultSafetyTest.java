package dev.signpost.core.discovery;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.signpost.core.discovery.EngineTestSupport.assertRequiredChecksPresent;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A step of Signpost that breaks never turns into "skipped" and a passing report. Every lane and every probe
 * starts on the engine's executor, so an executor that cannot start one of them (as a pool out of threads cannot)
 * breaks exactly that step, from inside the code that wanted it: the lane's own code then fails in turn.
 */
class FaultSafetyTest {

    private static final String WK = "{\"m.server\":\"matrix.example.com\"}";
    private static final String CLIENT = "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"},"
            + "\"m.identity_server\":{\"base_url\":\"https://matrix.example.com\"}}";
    private static final String SUPPORT =
            "{\"contacts\":[{\"matrix_id\":\"@admin:example.com\",\"role\":\"m.role.admin\"}]}";

    /** Every kind of step a check has: both well-knowns, SRV, A and AAAA, two addresses, keys, client, support. */
    private static TestWorld world() {
        TestWorld w = new TestWorld();
        w.dns().srv("_matrix-fed._tcp.matrix.example.com", 10, 0, 8448, "matrix.example.com")
                .a("matrix.example.com", "203.0.113.5").aaaa("matrix.example.com", "2001:db8::5");
        w.serve("example.com", 443).serve("matrix.example.com", 443)
                .serve("203.0.113.5", 8448, "matrix.example.com").serve("2001:db8::5", 8448, "matrix.example.com");
        w.https().route("example.com", "/.well-known/matrix/server", Response.json(WK));
        w.https().route("example.com", "/.well-known/matrix/client", Response.json(CLIENT).withCors());
        w.https().route("example.com", "/.well-known/matrix/support", Response.json(SUPPORT).withCors());
        w.homeserver("example.com").installFederation(w.https(), "matrix.example.com")
                .installClient(w.https(), "matrix.example.com");
        return w;
    }

    @Test
    void everyLaneAndProbeThatCannotRunFailsTheCheckWithASentence() throws Exception {
        try (TestWorld w = world()) {
            StepExecutor counting = new StepExecutor(null);
            Report healthy = run(w, counting);
            assertThat(healthy.hasFailure()).as(describe(healthy)).isFalse();
            assertThat(healthy.check(DiscoveryEngine.FAULT_CHECK)).isEmpty();
            Set<String> sites = counting.sites();
            assertThat(sites).as("lanes and probes seen").hasSizeGreaterThanOrEqualTo(7)
                    .anyMatch(s -> s.contains("FederationLane")).anyMatch(s -> s.contains("ClientLane"))
                    .anyMatch(s -> s.contains("AddressResolver")).anyMatch(s -> s.contains("DiscoveryEngine"));
            List<String> misses = new ArrayList<>();
            for (String site : sites) {
                StepExecutor refusing = new StepExecutor(site);
                long started = System.nanoTime();
                Report broken = run(w, refusing);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(refusing.refused()).as(site).isTrue();
                if (!broken.hasFailure()) {
                    misses.add(site + ": " + describe(broken));
                    continue;
                }
                Check fault = broken.check(DiscoveryEngine.FAULT_CHECK).orElseThrow(() ->
                        new AssertionError(site + " gave no fault check:\n" + describe(broken)));
                assertThat(fault.status()).isEqualTo(Status.FAIL);
                assertThat(fault.summary()).as(site).startsWith("Signpost could not complete this step: ")
                        .contains("RejectedExecutionException");
                assertThat(broken.checks().get(0).id()).isEqualTo(DiscoveryEngine.FAULT_CHECK);
                assertThat(broken.checks()).as(site).noneMatch(c -> c.summary().equals("Not reached."));
                assertRequiredChecksPresent(broken);
                assertThat(took).as("a broken step must not wait for the deadline: " + site)
                        .isLessThan(EngineTestSupport.TIMEOUT);
            }
            assertThat(misses).isEmpty();
        }
    }

    private static Report run(TestWorld w, StepExecutor executor) throws IOException {
        try {
            return new DiscoveryEngine(w.netOptions(EngineTestSupport.TIMEOUT), Locale.ENGLISH, executor)
                    .check("example.com");
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A cached pool that notes which code asked for each task and, when given a site, refuses the first task that
     * site asks for.
     */
    private static final class StepExecutor extends ThreadPoolExecutor {
        private final String refuse;
        private final Set<String> sites = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        private final AtomicBoolean refused = new AtomicBoolean();

        StepExecutor(String refuse) {
            super(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "fault-test");
                t.setDaemon(true);
                return t;
            });
            this.refuse = refuse;
        }

        @Override
        public void execute(Runnable task) {
            String site = caller();
            sites.add(site);
            if (site.equals(refuse) && refused.compareAndSet(false, true)) {
                throw new RejectedExecutionException("no thread for " + site);
            }
            super.execute(task);
        }

        /** The first frame of the engine's own code that is not the executor plumbing. */
        private static String caller() {
            return StackWalker.getInstance().walk(frames -> frames
                    .filter(f -> f.getClassName().startsWith("dev.signpost.core.discovery."))
                    .filter(f -> !f.getClassName().endsWith(".RunContext"))
                    .filter(f -> !f.getClassName().endsWith(".BoundedFanOut"))
                    .filter(f -> !f.getClassName().contains("FaultSafetyTest"))
                    .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "."
                            + f.getMethodName() + ":" + f.getLineNumber())
                    .findFirst().orElse("unknown"));
        }

        Set<String> sites() {
            synchronized (sites) {
                return new LinkedHashSet<>(sites);
            }
        }

        boolean refused() {
            return refused.get();
        }
    }
}
