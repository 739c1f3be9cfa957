package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.Settings;
import dev.signpost.ui.task.BackgroundTasks;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.Locale;

/**
 * The wizard wired to a {@link LoopbackVps} (real OpenSSH sshd, real nginx), started once per test class: the app's
 * own generator and deployer, the last plan the VPS serves; only the network and the SSH files are the test's.
 */
abstract class VpsWizardUiTestBase extends WizardUiTestBase {

    static LoopbackVps vps;
    private Discovery discovery;

    @BeforeAll
    static void startVps() throws Exception {
        vps = new LoopbackVps();
    }

    @AfterAll
    static void stopVps() throws Exception {
        if (vps != null) {
            vps.close();
        }
    }

    @Override
    protected Discovery discovery() {
        if (discovery == null) {
            discovery = vps.discovery();
        }
        return discovery;
    }

    @Override
    protected Settings initialSettings() {
        return Settings.defaults().withLastPlan(LoopbackVps.plan());
    }

    @Override
    protected WizardDependencies deps() {
        try {
            return new WizardDependencies(new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH),
                    new BackgroundTasks(WizardFixture.EXECUTOR, Platform::runLater),
                    WizardFixture.loadedSettings(settingsDir),
                    this::discovery, CoreServices.generator(Locale.ENGLISH), CoreServices.reportFormats(Locale.ENGLISH),
                    vps.upload(discovery()), false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
