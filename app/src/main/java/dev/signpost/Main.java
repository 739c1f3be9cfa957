package dev.signpost;

import dev.signpost.cli.SignpostCommand;
import dev.signpost.log.SupportLog;
import dev.signpost.ui.SignpostApp;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: the command line must run without a display,
 * so the toolkit starts only when the wizard is wanted (no arguments).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        SupportLog.install();
        if (args.length == 0) {
            SignpostApp.launchWizard(args);
            return;
        }
        System.exit(SignpostCommand.run(args));
    }
}
