package dev.signpost.cli;

import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.report.HtmlReport;
import dev.signpost.core.report.MarkdownReport;
import dev.signpost.core.report.ReportJson;
import dev.signpost.core.report.TextReport;
import dev.signpost.core.text.SafeText;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * {@code signpost check <server_name>}: finds and tests a homeserver as Matrix servers and clients do, and prints
 * the chain and the checks (text) or the JSON report. Exit 0 when no check failed, 1 when one did, 2 for bad
 * usage or an invalid server name.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = SignpostCommand.VersionProvider.class)
public final class CheckCommand implements Callable<Integer> {

    /** Exit status when a check failed. */
    public static final int EXIT_FAILED = 1;

    /** Output formats; adding one is one line here. The first is the default. */
    enum Format {
        TEXT("text", (report, colour) -> new TextReport(Locale.getDefault(), colour).render(report)),
        JSON("json", (report, colour) -> ReportJson.write(report) + System.lineSeparator()),
        MARKDOWN("markdown", (report, colour) -> MarkdownReport.write(report, Locale.getDefault())),
        HTML("html", (report, colour) -> HtmlReport.write(report, Locale.getDefault()));

        final String id;
        final BiFunction<Report, Boolean, String> renderer;

        Format(String id, BiFunction<Report, Boolean, String> renderer) {
            this.id = id;
            this.renderer = renderer;
        }

        static Format of(String id) {
            return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst().orElseThrow();
        }

        static List<String> ids() {
            return Arrays.stream(values()).map(f -> f.id).toList();
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER_NAME", descriptionKey = "serverName")
    private String serverName;

    @Option(names = "--json")
    private boolean json;

    @Mixin
    private OutputOptions outputOptions;

    @Mixin
    private NetworkOptions networkOptions;

    @Option(names = "--timeout", paramLabel = "SECONDS")
    private double timeoutSeconds = NetOptions.DEFAULT_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        // The run's limit counts from here: reading the CA files and loading the engine are part of the check.
        long calledNanos = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Locale locale = Locale.getDefault();
        Texts texts = new Texts("dev.signpost.cli.check", locale);
        Format chosen;
        DiscoveryEngine engine;
        try {
            chosen = json ? Format.JSON : Format.of(outputOptions.format(Format.ids(), locale));
            ServerName.parse(serverName, locale);
            if (!(timeoutSeconds > 0) || timeoutSeconds > 600) {
                throw new UsageException(texts.get("badTimeout", timeoutSeconds));
            }
            engine = networkOptions.engine(Duration.ofMillis(Math.round(timeoutSeconds * 1000)), locale);
        } catch (InvalidServerNameException e) {
            return usage(err, e.getMessage());
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        }
        boolean terminal = System.console() != null;
        ReportListener progress = terminal && outputOptions.toStdout() ? new Progress(err) : ReportListener.NONE;
        CheckRun run = engine.start(serverName, progress, calledNanos);
        boolean colour = terminal && outputOptions.toStdout() && System.getenv("NO_COLOR") == null;
        warmUp(engine, chosen, colour);
        Report report;
        try {
            report = run.result().join();
        } catch (CompletionException e) {
            err.println(texts.get("failed", String.valueOf(e.getCause())));
            return EXIT_FAILED;
        }
        String rendered;
        try {
            rendered = chosen.renderer.apply(report, colour);
        } catch (RuntimeException e) {
            // The verdict cannot be shown, so it cannot count as a pass.
            err.println(texts.get("renderFailed", chosen.id, e.getClass().getSimpleName()));
            return EXIT_FAILED;
        }
        if (!outputOptions.emit(rendered, out, err, "signpost check", locale)) {
            return SignpostCommand.EXIT_USAGE;
        }
        return report.hasFailure() ? EXIT_FAILED : 0;
    }

    /**
     * Renders a report that needs no network (the one for an empty name) and throws it away, while the real run
     * waits on the network: loading the renderer's classes is CPU work that, on a loaded machine, took seconds
     * after the verdict was known and made the command end late.
     */
    private static void warmUp(DiscoveryEngine engine, Format chosen, boolean colour) {
        try {
            chosen.renderer.apply(engine.start("", ReportListener.NONE).result().join(), colour);
        } catch (RuntimeException ignored) {
            // Only a warm-up: the real report is rendered, and its failures reported, below.
        }
    }

    private static int usage(PrintWriter err, String sentence) {
        err.println("signpost check: " + sentence);
        err.flush();
        return SignpostCommand.EXIT_USAGE;
    }

    /** One line per finished hop on stderr, so a person at a terminal sees the check move. */
    private static final class Progress implements ReportListener {
        private final PrintWriter err;

        Progress(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onHop(Hop hop) {
            if (hop.status() != Status.RUNNING && hop.taken()) {
                synchronized (err) {
                    err.println("  " + hop.status().jsonName() + "  " + SafeText.oneLine(hop.label()));
                    err.flush();
                }
            }
        }

        @Override
        public void onCheck(Check check) {
            // The checks are printed in full at the end.
        }
    }
}
