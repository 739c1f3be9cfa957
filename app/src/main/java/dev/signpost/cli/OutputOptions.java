package dev.signpost.cli;

import dev.signpost.core.io.AtomicFiles;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code --format} and {@code --output}: how a command's result is written, the same for {@code check} and
 * {@code diff}. A file is replaced only once it is complete, never left half-written.
 */
final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT")
    String format;

    @Option(names = "--output", paramLabel = "FILE")
    Path output;

    /** The chosen format among {@code known} (the first is the default), or a sentence naming the choices. */
    String format(List<String> known, Locale locale) throws UsageException {
        if (format == null) {
            return known.get(0);
        }
        String chosen = format.strip().toLowerCase(Locale.ROOT);
        if (!known.contains(chosen)) {
            throw new UsageException(texts(locale).get("badFormat", format, String.join(", ", known)));
        }
        return chosen;
    }

    /** True when the result goes to the terminal (colour and progress make sense). */
    boolean toStdout() {
        return output == null;
    }

    /** Prints {@code rendered} or writes it to {@code --output}; false (with the sentence on err) when it failed. */
    boolean emit(String rendered, PrintWriter out, PrintWriter err, String command, Locale locale) {
        if (output == null) {
            out.print(rendered);
            out.flush();
            return true;
        }
        try {
            AtomicFiles.writeString(output, rendered);
            return true;
        } catch (IOException e) {
            err.println(command + ": " + texts(locale).get("cannotWrite", output, e.getMessage()));
            err.flush();
            return false;
        }
    }

    private static Texts texts(Locale locale) {
        return new Texts("dev.signpost.cli.options", locale);
    }
}
