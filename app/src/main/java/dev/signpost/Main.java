package dev.signpost;

import dev.signpost.cli.SignpostCommand;
import dev.signpost.launch.DesktopJvm;
import dev.signpost.log.SupportLog;
import dev.signpost.ui.DesktopLauncher;

import java.util.OptionalInt;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: the command line must run without a display,
 * so the toolkit starts only when the wizard is wanted (no arguments). Started as {@code java -jar}, the wizard runs
 * in a second JVM with the desktop options ({@link DesktopJvm}); the command line always runs in this one.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        dev.signpost.ui.StartupTrace.mark("main");
        if (args.length == 0) {
            OptionalInt secondJvm = DesktopJvm.runWizard(System.getenv());
            if (secondJvm.isPresent()) {
                System.exit(secondJvm.getAsInt());
            }
            EnvironmentLocale.apply(System.getenv());
            System.exit(DesktopLauncher.launch(args, System.getenv(), System.getProperty("os.name", ""), System.err));
        }
        EnvironmentLocale.apply(System.getenv());
        SupportLog.install();
        System.exit(SignpostCommand.run(args));
    }
}
