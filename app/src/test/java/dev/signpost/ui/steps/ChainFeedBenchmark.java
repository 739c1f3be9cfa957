package dev.signpost.ui.steps;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.WizardDependencies;
import dev.signpost.ui.chain.ChainDiagram;
import dev.signpost.core.concurrent.NamedDaemonThreadFactory;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How much UI-thread work the live path costs: the real engine checks a delegation with six addresses (three IPv4,
 * three IPv6) in the test kit, and its events go through {@link CheckRunner} and {@link ChainFeed} into a
 * {@link ChainDiagram}, as in the wizard. Prints, per run, the engine events, the list changes the feed received,
 * the layouts a per-change feed would have made (one per item delivered, the old behaviour), the layouts made,
 * and the milliseconds spent laying out and drawing on the FX thread; then the medians. Not a test: run it with
 * {@code ./mvnw -B -o -q -pl app test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.signpost.ui.steps.ChainFeedBenchmark} ({@code -Dbench.repetitions=N}, default 7).
 */
public final class ChainFeedBenchmark {

    private record Run(int events, int changes, int perChangeLayouts, int layouts, double fxMillis) {
    }

    private ChainFeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await(30, TimeUnit.SECONDS);
        int repetitions = Integer.getInteger("bench.repetitions", 7);
        List<Run> runs = new ArrayList<>();
        try (TestWorld world = sixAddresses()) {
            DiscoveryEngine engine = new DiscoveryEngine(world.netOptions(Duration.ofSeconds(10)), Locale.ENGLISH,
                    Executors.newCachedThreadPool(new NamedDaemonThreadFactory("bench-engine", (t, e) -> { })));
            runOnce(engine);
            for (int i = 0; i < repetitions; i++) {
                runs.add(runOnce(engine));
            }
        }
        System.out.println("| run | engine events | list changes | layouts per change (before) | layouts (now) "
                + "| FX ms laying out and drawing |");
        System.out.println("|---|---|---|---|---|---|");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %d | %d | %.1f |%n", i + 1, r.events(), r.changes(),
                    r.perChangeLayouts(), r.layouts(), r.fxMillis());
        }
        System.out.printf(Locale.ROOT, "| median | %d | %d | %d | %d | %.1f |%n",
                median(runs.stream().mapToDouble(Run::events).toArray()).intValue(),
                median(runs.stream().mapToDouble(Run::changes).toArray()).intValue(),
                median(runs.stream().mapToDouble(Run::perChangeLayouts).toArray()).intValue(),
                median(runs.stream().mapToDouble(Run::layouts).toArray()).intValue(),
                median(runs.stream().mapToDouble(Run::fxMillis).toArray()));
        Platform.exit();
        System.exit(0);
    }

    private static Run runOnce(DiscoveryEngine engine) throws Exception {
        AtomicInteger events = new AtomicInteger();
        Discovery counting = (name, listener) -> engine.start(name, new ReportListener() {
            @Override
            public void onHop(Hop hop) {
                events.incrementAndGet();
                listener.onHop(hop);
            }

            @Override
            public void onCheck(Check check) {
                events.incrementAndGet();
                listener.onCheck(check);
            }
        });
        CompletableFuture<Run> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            ChainDiagram diagram = new ChainDiagram(Locale.ENGLISH);
            new Scene(diagram, 780, 420);
            CheckRunner runner = new CheckRunner(() -> counting, Platform::runLater,
                    new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH));
            ChainFeed.follow(diagram, runner, new SimpleBooleanProperty(false));
            int[] changes = {0, 0};
            ListChangeListener<Object> counter = change -> {
                while (change.next()) {
                    changes[0]++;
                    changes[1] += change.getAddedSize();
                }
            };
            runner.hops().addListener(counter);
            runner.checks().addListener(counter);
            int layoutsBefore = diagram.rebuildCount();
            long nanosBefore = diagram.rebuildNanos();
            runner.reportProperty().addListener((obs, old, report) -> {
                if (report != null) {
                    // The feed's own redraw for this batch runs next on the FX thread; read after it.
                    Platform.runLater(() -> {
                        diagram.layoutResult();
                        done.complete(new Run(events.get(), changes[0], changes[1] + 1,
                                diagram.rebuildCount() - layoutsBefore,
                                (diagram.rebuildNanos() - nanosBefore) / 1e6));
                    });
                }
            });
            runner.start("example.org");
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static Double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** example.org delegates to matrix.example.org:8448, which has three IPv4 and three IPv6 addresses. */
    private static TestWorld sixAddresses() {
        TestWorld w = new TestWorld();
        List<String> addresses = List.of("203.0.113.5", "203.0.113.6", "203.0.113.7", "2001:db8::5", "2001:db8::6",
                "2001:db8::7");
        w.serve("example.org", 443).serve("matrix.example.org", 443);
        for (String address : addresses) {
            if (address.contains(":")) {
                w.dns().aaaa("matrix.example.org", address);
            } else {
                w.dns().a("matrix.example.org", address);
            }
            w.serve(address, 8448, "matrix.example.org");
        }
        w.https().route("example.org", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.example.org:8448\"}"));
        w.https().route("example.org", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://matrix.example.org\"}}").withCors());
        var homeserver = w.homeserver("example.org");
        homeserver.installFederation(w.https(), "matrix.example.org");
        homeserver.installClient(w.https(), "matrix.example.org");
        return w;
    }
}
