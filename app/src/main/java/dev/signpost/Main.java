package dev.signpost;

import dev.signpost.cli.SignpostCommand;
import dev.signpost.log.SupportLog;
import dev.signpost.ui.DesktopLauncher;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: the command line must run without a display,
 * so the toolkit starts only when the wizard is wanted (no arguments).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        dev.signpost.ui.StartupTrace.mark("main");
        SupportLog.install();
        EnvironmentLocale.apply(System.getenv());
        if (args.length == 0) {
            System.exit(DesktopLauncher.launch(args, System.getenv(), System.getProperty("os.name", ""), System.err));
        }
        System.exit(SignpostCommand.run(args));
    }
}
