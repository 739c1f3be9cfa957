package dev.signpost.cli;

import dev.signpost.Version;
import dev.signpost.core.discovery.CheckRun;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.io.AtomicFiles;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.model.Status;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.net.ResolveOverrides;
import dev.signpost.core.report.HtmlReport;
import dev.signpost.core.report.MarkdownReport;
import dev.signpost.core.report.ReportJson;
import dev.signpost.core.report.TextReport;
import dev.signpost.core.text.SafeText;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * {@code signpost check <server_name>}: finds and tests a homeserver as Matrix servers and clients do, and prints
 * the chain and the checks (text) or the JSON report. Exit 0 when no check failed, 1 when one did, 2 for bad
 * usage or an invalid server name.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check Matrix delegation of a server name: well-known files, SRV, every address, TLS, "
                + "federation version and keys, client discovery.")
public final class CheckCommand implements Callable<Integer> {

    /** Exit status when a check failed. */
    public static final int EXIT_FAILED = 1;

    /** Output formats; adding one is one line here. */
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
            return Arrays.stream(values()).filter(f -> f.id.equalsIgnoreCase(id)).findFirst().orElse(null);
        }

        static String names() {
            return String.join(", ", Arrays.stream(values()).map(f -> f.id).toList());
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SERVER_NAME",
            description = "The server name: the part after the colon in @alice:example.com.")
    private String serverName;

    @Option(names = "--json", description = "Print the JSON report (same as --format json).")
    private boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), json, markdown or html.")
    private String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    private Path output;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "Send every DNS query to this server.")
    private String dns;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Trust the CA certificates in this PEM file too (repeatable).")
    private List<Path> caFiles = new ArrayList<>();

    @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDR",
            description = "Connect to ADDR (optionally ADDR:PORT) when HOST:PORT is wanted, as curl does (repeatable).")
    private List<String> resolve = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Limit for each network operation (default 10); the whole check ends within about twice that.")
    private double timeoutSeconds = NetOptions.DEFAULT_TIMEOUT.toSeconds();

    @Override
    public Integer call() {
        // The run's limit counts from here: reading the CA files and loading the engine are part of the check.
        long calledNanos = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = new Texts("dev.signpost.cli.check", Locale.getDefault());
        Format chosen = json ? Format.JSON : format == null ? Format.TEXT : Format.of(format);
        if (chosen == null) {
            return usage(err, texts.get("badFormat", format, Format.names()));
        }
        try {
            ServerName.parse(serverName, Locale.getDefault());
        } catch (InvalidServerNameException e) {
            return usage(err, e.getMessage());
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 600) {
            return usage(err, texts.get("badTimeout", timeoutSeconds));
        }
        InetSocketAddress dnsServer = null;
        if (dns != null) {
            try {
                dnsServer = ResolveOverrides.parseTarget(dns, 53);
            } catch (IllegalArgumentException e) {
                return usage(err, texts.get("badDns", dns));
            }
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String entry : resolve) {
            String[] parsed = parseResolve(entry);
            if (parsed == null) {
                return usage(err, texts.get("badResolve", entry));
            }
            overrides.put(parsed[0], parsed[1]);
        }
        for (Path file : caFiles) {
            if (!Files.isReadable(file)) {
                return usage(err, texts.get("badCaFile", file));
            }
        }
        NetOptions options = new NetOptions(dnsServer, caFiles, overrides,
                Duration.ofMillis(Math.round(timeoutSeconds * 1000)), Version.userAgent());
        DiscoveryEngine engine;
        try {
            engine = DiscoveryEngine.create(options, Locale.getDefault());
        } catch (IOException e) {
            return usage(err, texts.get("badCaFileContent", e.getMessage()));
        }
        boolean terminal = System.console() != null;
        ReportListener progress = terminal && output == null ? new Progress(err) : ReportListener.NONE;
        CheckRun run = engine.start(serverName, progress, calledNanos);
        boolean colour = terminal && output == null && System.getenv("NO_COLOR") == null;
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
        if (output != null) {
            try {
                AtomicFiles.writeString(output, rendered);
            } catch (IOException e) {
                err.println(texts.get("cannotWrite", output, e.getMessage()));
                return SignpostCommand.EXIT_USAGE;
            }
        } else {
            out.print(rendered);
            out.flush();
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

    /**
     * Parses {@code HOST:PORT:ADDR} (HOST and ADDR may be bracketed IPv6; ADDR may carry {@code :PORT}) into the
     * override key and value, or null when malformed.
     */
    static String[] parseResolve(String entry) {
        return ResolveOverrides.parseEntry(entry);
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
