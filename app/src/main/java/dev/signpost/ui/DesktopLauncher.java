package dev.signpost.ui;

import dev.signpost.core.text.Texts;
import dev.signpost.launch.DesktopJvm;
import dev.signpost.launch.GraphicalSession;
import dev.signpost.log.SupportLog;
import javafx.application.Application;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Starts the wizard the way a desktop application starts: without a graphical session it says so in one sentence and
 * exits with 2 (the usual answer over SSH), never with a toolkit stack trace.
 */
public final class DesktopLauncher {

    /** Exit status when there is no display to open the window on. */
    public static final int NO_DISPLAY = 2;

    /**
     * JavaFX warns when its classes come from the class path rather than named modules. The single jar does that on
     * purpose (one file that runs anywhere with Java 17); the installed app runs JavaFX as modules. Only that one
     * sentence is dropped: every other toolkit warning still reaches the support log. Held statically because
     * java.util.logging keeps loggers weakly and would otherwise forget the filter.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private DesktopLauncher() {
    }

    /**
     * Opens the wizard in this JVM and returns the process's exit status once the window is closed (started as
     * {@code java -jar}, it usually runs in a second JVM instead: {@link DesktopJvm}).
     */
    public static int launch(String[] args, Map<String, String> env, String osName, PrintStream err) {
        if (!GraphicalSession.present(env, osName, System.getProperty("glass.platform"))) {
            err.println(noDisplaySentence());
            return NO_DISPLAY;
        }
        // Installed here, not in main: the launching JVM of a second one must not hold the log file's lock.
        SupportLog.install();
        DesktopJvm.watchLauncher();
        quietClassPathWarning();
        SignpostApp.prepare(FirstWindowInputs.start(env, osName, System.getProperty("user.home", ".")));
        StartupTrace.mark("launching the toolkit");
        try {
            Application.launch(SignpostApp.class, args);
        } catch (UnsupportedOperationException e) {
            // GTK's answer when DISPLAY names a display that cannot be opened (a stale one forwarded over SSH).
            err.println(noDisplaySentence());
            return NO_DISPLAY;
        }
        return 0;
    }

    private static String noDisplaySentence() {
        return new Texts(WizardDependencies.BUNDLE, Locale.getDefault()).get("app.noDisplay");
    }

    private static void quietClassPathWarning() {
        Filter previous = JAVAFX_LOGGER.getFilter();
        JAVAFX_LOGGER.setFilter(record -> {
            String message = record.getMessage();
            if (message != null && message.startsWith(CLASS_PATH_WARNING)) {
                return false;
            }
            return previous == null || previous.isLoggable(record);
        });
    }
}
