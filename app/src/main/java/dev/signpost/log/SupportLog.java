package dev.signpost.log;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The rotating support log: what was checked, what failed, and every unexpected exception with its stack, in
 * plain text a user can attach to a bug report. It goes to a file only, never to the terminal, so the command
 * line's output stays exactly what the README documents. Code logs through {@link System.Logger}; dnsjava's
 * SLF4J logging reaches the same file through the slf4j-jdk14 binding.
 *
 * <p>Logging is best effort: when the directory cannot be written, Signpost runs as before without a log.
 * Secrets never reach it because nothing that holds one is ever logged (a test scans the file).
 */
public final class SupportLog {

    /** Files rotate at this size; {@link #FILES} of them are kept. */
    static final int LIMIT_BYTES = 1024 * 1024;
    static final int FILES = 5;
    static final String PATTERN = "signpost-%g.log";

    private static Path installedIn;

    private SupportLog() {
    }

    /**
     * Sends all logging of this process to the rotating files in {@code directory}: Signpost's own at INFO,
     * libraries' at WARNING. Returns the directory, or empty when it could not be used.
     */
    public static synchronized Optional<Path> install(Path directory) {
        if (directory.equals(installedIn)) {
            return Optional.of(directory);
        }
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
        root.setLevel(Level.WARNING);
        Logger.getLogger("dev.signpost").setLevel(Level.INFO);
        try {
            Files.createDirectories(directory);
            FileHandler file = new FileHandler(directory.resolve(PATTERN).toString(), LIMIT_BYTES, FILES, true);
            file.setEncoding("UTF-8");
            file.setFormatter(new LineFormatter());
            file.setLevel(Level.ALL);
            root.addHandler(file);
            installedIn = directory;
            return Optional.of(directory);
        } catch (IOException | RuntimeException e) {
            installedIn = null;
            return Optional.empty();
        }
    }

    /** {@link #install(Path)} in {@link LogDirectory#current()}. */
    public static Optional<Path> install() {
        return install(LogDirectory.current());
    }

    /** The directory logging goes to, when it was installed. */
    public static synchronized Optional<Path> directory() {
        return Optional.ofNullable(installedIn);
    }

    /** The newest log file's name in {@code directory}. */
    public static Path newestFile(Path directory) {
        return directory.resolve(PATTERN.replace("%g", "0"));
    }

    /** One line per record (time, level, logger, message) and the whole stack of a thrown exception. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ')
                    .append(record.getLevel().getName()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter stack = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(stack));
                line.append(stack);
            }
            return line.toString();
        }
    }
}
