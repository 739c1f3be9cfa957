package dev.signpost.ui;

import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.SettingsStore;
import dev.signpost.ui.steps.FileSource;
import dev.signpost.ui.steps.NetworkViewModel;
import dev.signpost.ui.steps.ReportFormat;
import dev.signpost.ui.steps.SshUpload;
import dev.signpost.ui.task.BackgroundTasks;

import java.util.List;
import java.util.function.Supplier;

/**
 * Everything the wizard is built from, wired in one place ({@link SignpostApp} for the app, the tests for theirs).
 *
 * @param texts             the wizard's sentences ({@code dev/signpost/ui/messages*.properties})
 * @param tasks             background work and hand-over to the UI thread
 * @param settings          where window size, theme, last plan and recent domains are kept
 * @param discovery         the engine used by the live check and the verify page
 * @param files             the generator behind the files page
 * @param reportFormats     the report exports offered on the done page
 * @param upload            the SSH uploader behind the deploy page, or null when this build has none
 * @param systemPrefersDark whether the desktop asked for a dark theme
 * @param engines           makes the engine for the advanced network settings (DNS server, CAs, resolve overrides)
 * @param desktopTextScale  how much larger than normal the desktop draws text (1 = normal)
 */
public record WizardDependencies(
        Texts texts,
        BackgroundTasks tasks,
        SettingsStore settings,
        Supplier<Discovery> discovery,
        FileSource files,
        List<ReportFormat> reportFormats,
        SshUpload upload,
        boolean systemPrefersDark,
        NetworkViewModel.EngineFactory engines,
        double desktopTextScale) {

    /** The wizard's bundle base name. */
    public static final String BUNDLE = "dev.signpost.ui.messages";

    public WizardDependencies {
        reportFormats = List.copyOf(reportFormats);
    }

    /** With the desktop's normal text size. */
    public WizardDependencies(Texts texts, BackgroundTasks tasks, SettingsStore settings, Supplier<Discovery> discovery,
                              FileSource files, List<ReportFormat> reportFormats, SshUpload upload,
                              boolean systemPrefersDark, NetworkViewModel.EngineFactory engines) {
        this(texts, tasks, settings, discovery, files, reportFormats, upload, systemPrefersDark, engines, 1.0);
    }

    /** Without a factory for other networks: every network setting uses {@code discovery} (tests' replayed engines). */
    public WizardDependencies(Texts texts, BackgroundTasks tasks, SettingsStore settings, Supplier<Discovery> discovery,
                              FileSource files, List<ReportFormat> reportFormats, SshUpload upload,
                              boolean systemPrefersDark) {
        this(texts, tasks, settings, discovery, files, reportFormats, upload, systemPrefersDark,
                network -> discovery.get(), 1.0);
    }
}
