package dev.signpost.launch;

import java.util.concurrent.TimeUnit;

/**
 * The second JVM as seen from the launching one: registered as a shutdown hook, it ends the wizard when this JVM is
 * asked to stop (SIGTERM, SIGINT), and whoever sees the wizard end first hands its archive to
 * {@link ClassArchive#afterRun}. On a signal the JVM runs its hooks and halts, whatever the waiting thread was about
 * to do, so the hook cannot leave that to it.
 */
final class WizardProcess extends Thread {

    /** How long the wizard gets to save its settings (and, on a first run, write its archive) after SIGTERM. */
    private static final long STOP_GRACE_SECONDS = 15;

    private final Process wizard;
    private final ClassArchive archive;
    private final long launcherPid;
    private boolean finished;

    WizardProcess(Process wizard, ClassArchive archive, long launcherPid) {
        super("signpost-stop-wizard");
        this.wizard = wizard;
        this.archive = archive;
        this.launcherPid = launcherPid;
    }

    @Override
    public void run() {
        if (wizard.isAlive()) {
            wizard.destroy();
            try {
                if (!wizard.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    wizard.destroyForcibly();
                }
            } catch (InterruptedException e) {
                wizard.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        finish();
    }

    /** Once the wizard has ended: keeps or drops the archive it wrote, once. */
    synchronized void finish() {
        if (finished || wizard.isAlive()) {
            return;
        }
        finished = true;
        if (archive != null) {
            archive.afterRun(launcherPid, wizard.exitValue());
        }
    }
}
