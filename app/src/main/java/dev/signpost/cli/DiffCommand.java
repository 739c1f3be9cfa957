package dev.signpost.cli;

import dev.signpost.core.model.Report;
import dev.signpost.core.report.ExportTexts;
import dev.signpost.core.report.ReportDiff;
import dev.signpost.core.report.ReportDiffResult;
import dev.signpost.core.report.ReportFormatException;
import dev.signpost.core.report.ReportJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code signpost diff A.json B.json}: what changed between two reports written by {@code signpost check --json},
 * hop by hop and check by check. Exit status 0 when they are the same, 1 when they differ, 2 for bad input.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two JSON reports (from signpost check --json) hop by hop. "
                + "Exit status: 0 same, 1 different, 2 bad input.")
public final class DiffCommand implements Callable<Integer> {

    /** Exit status when the reports differ. */
    public static final int EXIT_DIFFERENT = 1;

    /** Largest report accepted; real reports are a few hundred KiB at most. */
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "BEFORE.json", description = "The earlier report.")
    private Path before;

    @Parameters(index = "1", paramLabel = "AFTER.json", description = "The later report.")
    private Path after;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|markdown",
            description = "Output format: text (default) or markdown.")
    private String format;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Locale locale = Locale.getDefault();
        ExportTexts texts = new ExportTexts(locale);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = format.toLowerCase(Locale.ROOT);
        if (!chosen.equals("text") && !chosen.equals("markdown")) {
            err.println("signpost diff: " + texts.get("diff.badFormatOption", format));
            return SignpostCommand.EXIT_USAGE;
        }
        Report first;
        Report second;
        try {
            first = read(before, texts, locale);
            second = read(after, texts, locale);
        } catch (BadInput e) {
            err.println("signpost diff: " + e.getMessage());
            return SignpostCommand.EXIT_USAGE;
        }
        ReportDiffResult diff = ReportDiff.compare(first, second);
        out.print(chosen.equals("markdown") ? diff.markdown(locale) : diff.text(locale));
        out.flush();
        return diff.same() ? 0 : EXIT_DIFFERENT;
    }

    private static Report read(Path file, ExportTexts texts, Locale locale) throws BadInput {
        String json;
        try {
            if (Files.isDirectory(file)) {
                throw new BadInput(texts.get("diff.isDirectory", file));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInput(texts.get("diff.tooLarge", file));
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput(texts.get("diff.noSuchFile", file));
        } catch (IOException e) {
            throw new BadInput(texts.get("diff.cannotRead", file, String.valueOf(e.getMessage())));
        }
        try {
            return ReportJson.read(json, locale);
        } catch (ReportFormatException e) {
            throw new BadInput(texts.get("diff.notAReport", file, e.getMessage()));
        }
    }

    /** Input a user must fix; its message is the sentence shown. */
    private static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }
}
