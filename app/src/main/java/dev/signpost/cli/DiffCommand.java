package dev.signpost.cli;

import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportDiff;
import dev.signpost.core.report.ReportDiffResult;
import dev.signpost.core.report.ReportFormatException;
import dev.signpost.core.report.ReportJson;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code signpost diff A.json B.json}: what changed between two reports written by {@code signpost check --json},
 * hop by hop and check by check. Exit status 0 when they are the same, 1 when they differ, 2 for bad input.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = SignpostCommand.VersionProvider.class)
public final class DiffCommand implements Callable<Integer> {

    /** Exit status when the reports differ. */
    public static final int EXIT_DIFFERENT = 1;

    /** Output formats, the default first. */
    private static final List<String> FORMATS = List.of("text", "markdown");

    /** Largest report accepted; real reports are a few hundred KiB at most. */
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "BEFORE.json", descriptionKey = "before")
    private Path before;

    @Parameters(index = "1", paramLabel = "AFTER.json", descriptionKey = "after")
    private Path after;

    @Mixin
    private OutputOptions outputOptions;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Locale locale = Locale.getDefault();
        Texts texts = new Texts("dev.signpost.cli.diff", locale);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen;
        Report first;
        Report second;
        try {
            chosen = outputOptions.format(FORMATS, locale);
            first = read(before, texts, locale);
            second = read(after, texts, locale);
        } catch (UsageException e) {
            err.println("signpost diff: " + e.getMessage());
            return SignpostCommand.EXIT_USAGE;
        }
        ReportDiffResult diff = ReportDiff.compare(first, second);
        if (!outputOptions.emit(chosen.equals("markdown") ? diff.markdown(locale) : diff.text(locale), out, err,
                "signpost diff", locale)) {
            return SignpostCommand.EXIT_USAGE;
        }
        return diff.same() ? 0 : EXIT_DIFFERENT;
    }

    private static Report read(Path file, Texts texts, Locale locale) throws UsageException {
        String json;
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException(texts.get("isDirectory", file));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException(texts.get("tooLarge", file));
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(texts.get("noSuchFile", file));
        } catch (IOException e) {
            throw new UsageException(texts.get("cannotRead", file, String.valueOf(e.getMessage())));
        }
        try {
            return ReportJson.read(json, locale);
        } catch (ReportFormatException e) {
            throw new UsageException(texts.get("notAReport", file, e.getMessage()));
        }
    }
}
