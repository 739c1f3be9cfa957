package dev.signpost.bench;

import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.CoreServices;
import dev.signpost.ui.LeanRendering;
import dev.signpost.ui.MemoryTuning;
import dev.signpost.ui.Wizard;
import dev.signpost.ui.WizardDependencies;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Memory of the wizard after full flows: walks the set-up path (server name, hosting, live check, files, deploy by
 * hand, verify, done) against the test kit's local servers, then checks a domain from the start page, ROUNDS times,
 * with the app's own wiring and memory settings ({@link MemoryTuning}), and prints the process's resident set (VmRSS)
 * and heap after each round, once the wizard has sat idle for {@link #IDLE} as a user reading a report would let it. Run it with the built jar first on the class path, like the app runs, on a display (Xvfb):
 *
 * <pre>
 *   DISPLAY=:99 java -cp app/target/signpost.jar:app/target/test-classes:$(cat /tmp/test-classpath) \
 *       dev.signpost.bench.FlowMemory [rounds, default 5]
 * </pre>
 *
 * Growth from round to round is memory kept per check; the first round's figure is the cost of a full flow. Give it
 * the desktop app's JVM options (the root pom's {@code desktop.jvmOptions}, which {@code java -jar signpost.jar} and
 * the installed app run the wizard with) and {@code MALLOC_ARENA_MAX=2}, as the wizard's own JVM has them. The test
 * world's servers run in a JVM of their own ({@link WorldProcess}), so the figures are the wizard's alone.
 */
public final class FlowMemory {

    private static final String GOOD_CLIENT = "{\"m.homeserver\":{\"base_url\":\"https://matrix.good.example\"}}";
    private static final Duration STEP_LIMIT = Duration.ofSeconds(60);
    private static final Duration IDLE = Duration.ofSeconds(15);

    private FlowMemory() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path settings = Files.createTempDirectory("signpost-flow-memory");
        try (WorldProcess world = WorldProcess.start()) {
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "flow-memory");
                thread.setDaemon(true);
                return thread;
            });
            SettingsStore store = new SettingsStore(settings);
            store.load();
            DiscoveryEngine engine = new DiscoveryEngine(world.netOptions(Duration.ofSeconds(20)), Locale.ENGLISH,
                    executor);
            System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
            Texts texts = new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH);
            CompletableFuture<Wizard> shown = new CompletableFuture<>();
            LeanRendering.apply();
            Platform.startup(() -> {
                WizardDependencies deps = new WizardDependencies(texts, new BackgroundTasks(executor, Platform::runLater),
                        store, () -> engine, CoreServices.generator(Locale.ENGLISH),
                        CoreServices.reportFormats(Locale.ENGLISH), null, false, network -> engine);
                Wizard wizard = new Wizard(deps);
                wizard.show(new Stage());
                shown.complete(wizard);
            });
            Wizard wizard = shown.get(30, TimeUnit.SECONDS);
            MemoryTuning.apply();
            print("started", 0);
            for (int round = 1; round <= rounds; round++) {
                setUpFlow(wizard);
                checkFromStart(wizard);
                print("after round", round);
            }
            histogram();
            Platform.exit();
        }
    }

    private static void setUpFlow(Wizard wizard) throws Exception {
        onUi(() -> fire(wizard, "#start-set-up"));
        onUi(() -> type(wizard, "#identity-server-name", "good.example"));
        next(wizard);
        onUi(() -> type(wizard, "#hosting-host", "matrix.good.example"));
        next(wizard);
        idle(wizard);
        next(wizard);
        next(wizard);
        onUi(() -> ((CheckBox) find(wizard, "#deploy-placed")).setSelected(true));
        next(wizard);
        idle(wizard);
        next(wizard);
        onUi(() -> wizard.navigator().jumpTo(0));
    }

    private static void checkFromStart(Wizard wizard) throws Exception {
        onUi(() -> type(wizard, "#start-domain", "good.example"));
        onUi(() -> fire(wizard, "#start-check"));
        idle(wizard);
        onUi(() -> wizard.navigator().jumpTo(0));
    }

    private static void next(Wizard wizard) throws Exception {
        idle(wizard);
        waitFor(() -> onUiGet(() -> wizard.navigator().canGoNextProperty().get()), "Next to be enabled on "
                + onUiGet(() -> wizard.navigator().current().id()));
        onUi(() -> fire(wizard, "#next"));
    }

    private static void idle(Wizard wizard) throws Exception {
        waitFor(() -> !onUiGet(() -> wizard.navigator().busyProperty().get()), "the step to finish its work");
    }

    private static Node find(Wizard wizard, String selector) {
        Node node = wizard.navigator().current().view().getScene().lookup(selector);
        if (node == null) {
            throw new IllegalStateException(selector + " not on " + wizard.navigator().current().id());
        }
        return node;
    }

    private static void fire(Wizard wizard, String selector) {
        ((ButtonBase) find(wizard, selector)).fire();
    }

    private static void type(Wizard wizard, String selector, String text) {
        ((TextInputControl) find(wizard, selector)).setText(text);
    }

    private static void print(String what, int round) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(IDLE.toMillis());
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%-12s %d: VmRSS %s, heap in use %d MB, heap committed %d MB%n", what, round, rss(),
                (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20);
    }

    /**
     * The classes holding the most memory at the end, after a full collection (jcmd's class histogram), and their
     * total: the live heap.
     */
    private static void histogram() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        text.lines().limit(25).forEach(System.out::println);
        text.lines().filter(line -> line.startsWith("Total")).findFirst()
                .ifPresent(total -> System.out.println("live heap after a full collection: " + total));
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> l.substring(6).strip()).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void onUi(Runnable action) throws Exception {
        onUiGet(() -> {
            action.run();
            return null;
        });
    }

    private static <T> T onUiGet(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }

    private static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_LIMIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** The test world of the flows, in a JVM of its own (see {@link WorldProcess}). */
    static TestWorld goodWorld() {
        TestWorld world = new TestWorld();
        world.dns().a("matrix.good.example", "203.0.113.5");
        world.serve("good.example", 443).serve("203.0.113.5", 8448, "matrix.good.example")
                .serve("matrix.good.example", 443);
        world.https().route("good.example", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"matrix.good.example:8448\"}"));
        world.https().route("good.example", "/.well-known/matrix/client", Response.json(GOOD_CLIENT).withCors());
        world.homeserver("good.example").installFederation(world.https(), "*");
        world.homeserver("good.example").installClient(world.https(), "matrix.good.example");
        return world;
    }
}
