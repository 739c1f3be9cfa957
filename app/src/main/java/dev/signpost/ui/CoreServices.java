package dev.signpost.ui;

import dev.signpost.core.deploy.DeployFile;
import dev.signpost.core.deploy.DeployListener;
import dev.signpost.core.deploy.DeployOutcome;
import dev.signpost.core.deploy.DeployPrompts;
import dev.signpost.core.deploy.DeployRequest;
import dev.signpost.core.deploy.DeployResult;
import dev.signpost.core.deploy.DeployRun;
import dev.signpost.core.deploy.DeployStage;
import dev.signpost.core.deploy.Deployer;
import dev.signpost.core.deploy.FileChange;
import dev.signpost.core.deploy.HostKeyDecision;
import dev.signpost.core.deploy.HostKeyInfo;
import dev.signpost.core.deploy.SshEnvironment;
import dev.signpost.core.deploy.SshTarget;
import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.report.HtmlReport;
import dev.signpost.core.report.MarkdownReport;
import dev.signpost.core.report.ReportJson;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.steps.FileSource;
import dev.signpost.ui.steps.PlannedFile;
import dev.signpost.ui.steps.ReportFormat;
import dev.signpost.ui.steps.SshUpload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/** Adapts the core's generator, deployer and report writers to the seams the wizard's pages use. */
public final class CoreServices {

    /** The files under the web root; everything else (web-server and homeserver config) is installed by hand. */
    static final String WEB_ROOT_PREFIX = ".well-known/";

    private CoreServices() {
    }

    /** The config generator: the plan is validated first, and its problems become the page's sentence. */
    public static FileSource generator(Locale locale) {
        ConfigGenerator generator = new ConfigGenerator(locale);
        return plan -> generator.generate(plan).stream()
                .map(file -> new PlannedFile(file.path(), file.purpose(), file.content()))
                .toList();
    }

    /** JSON, HTML and Markdown, as {@code signpost check} writes them. */
    public static List<ReportFormat> reportFormats(Locale locale) {
        return List.of(new ReportFormat("html", report -> HtmlReport.write(report, locale)),
                new ReportFormat("md", report -> MarkdownReport.write(report, locale)),
                new ReportFormat("json", ReportJson::write));
    }

    /**
     * Uploads the well-known files with the core's deployer: diff first, the user confirms, backups, atomic
     * replacement; a rollback puts the newest backups back. Runs on {@code worker};
     * {@link SshUpload.Running#cancel()} stops it at the next chunk.
     */
    public static SshUpload deployer(SshEnvironment environment, Texts texts, Executor worker) {
        return deployer(environment, texts, worker, null);
    }

    /**
     * As above; {@code discovery} (may be null) also checks the live server before and after an install, so a
     * result worse than before puts the previous configuration back.
     */
    public static SshUpload deployer(SshEnvironment environment, Texts texts, Executor worker,
                                     java.util.function.Supplier<dev.signpost.core.discovery.Discovery> discovery) {
        Deployer deployer = new Deployer(environment, texts.locale());
        return new SshUpload() {
            @Override
            public Running install(SshUpload.Target target, SshUpload.Setup setup, SshUpload.Prompts prompts,
                                   Consumer<String> progress) {
                return SetupRun.start(deployer, target, setup, prompts, listener(progress), worker, texts,
                        discovery);
            }

            @Override
            public Running start(SshUpload.Target target, List<PlannedFile> files, SshUpload.Prompts prompts,
                                 Consumer<String> progress) {
                DeployRun run = deployer.start(request(target, files), prompts(prompts, target, false),
                        listener(progress), worker);
                return running(run, done -> outcome(done, target, texts));
            }

            @Override
            public Running rollback(SshUpload.Target target, List<PlannedFile> files, SshUpload.Prompts prompts,
                                    Consumer<String> progress) {
                DeployRun run = deployer.startRollback(request(target, files), prompts(prompts, target, true),
                        listener(progress), worker);
                return running(run, done -> rollbackOutcome(done, target, texts));
            }
        };
    }

    private static DeployRequest request(SshUpload.Target target, List<PlannedFile> files) {
        List<DeployFile> upload = files.stream()
                .filter(file -> file.path().startsWith(WEB_ROOT_PREFIX))
                .map(file -> new DeployFile(file.path(), file.content().getBytes(StandardCharsets.UTF_8)))
                .toList();
        SshTarget ssh = new SshTarget(target.host(), target.port(), target.user(), target.identityFile(), null, null);
        return new DeployRequest(ssh, target.webRoot(), upload, target.afterCommand(),
                DeployRequest.DEFAULT_KEEP_BACKUPS, false);
    }

    static DeployListener listener(Consumer<String> progress) {
        return new DeployListener() {
            @Override
            public void stage(DeployStage stage, String detail) {
                progress.accept(detail);
            }
        };
    }

    private static SshUpload.Running running(DeployRun run, Function<DeployResult, SshUpload.Outcome> outcome) {
        return SshUpload.Running.of(run.result().thenApply(outcome), run::cancel);
    }

    private static SshUpload.Outcome rollbackOutcome(DeployResult done, SshUpload.Target target, Texts texts) {
        if (done.ok() && done.outcome() == DeployOutcome.DEPLOYED) {
            String restored = texts.get("wizard.deploy.rollback.done", done.written().size(), target.host(),
                    String.join(", ", done.written()));
            return new SshUpload.Outcome(true, done.message() == null ? restored : restored + " " + done.message());
        }
        if (done.ok() && done.outcome() == DeployOutcome.UNCHANGED) {
            return new SshUpload.Outcome(true, texts.get("wizard.deploy.rollback.unchanged", target.host()));
        }
        return failure(done, texts);
    }

    private static SshUpload.Outcome outcome(DeployResult done, SshUpload.Target target, Texts texts) {
        if (done.ok() && done.outcome() == DeployOutcome.UNCHANGED) {
            return new SshUpload.Outcome(true, texts.get("wizard.deploy.ssh.unchanged", target.host()));
        }
        if (done.ok()) {
            String uploaded = texts.get("wizard.deploy.ssh.done", done.written().size(), target.host(),
                    String.join(", ", done.written()));
            return new SshUpload.Outcome(true, done.backups().isEmpty() ? uploaded
                    : uploaded + " " + texts.get("wizard.deploy.ssh.backups", done.backups().size()),
                    !done.backups().isEmpty());
        }
        return failure(done, texts);
    }

    private static SshUpload.Outcome failure(DeployResult done, Texts texts) {
        if (done.sshFailure() != null) {
            return new SshUpload.Outcome(false, done.sshFailure().sentence(texts, "wizard.deploy.ssh.fix."));
        }
        String message = done.message();
        if (message == null && done.command() != null) {
            message = texts.get("wizard.deploy.ssh.commandFailed", done.command().command(),
                    done.command().exitStatus(), done.command().output());
        }
        return new SshUpload.Outcome(false, message == null ? done.outcome().name() : message);
    }

    /** @param confirmed whether the user already chose these changes (clicking "Roll back" is that choice) */
    static DeployPrompts prompts(SshUpload.Prompts prompts, SshUpload.Target target, boolean confirmed) {
        return new DeployPrompts() {
            @Override
            public HostKeyDecision unknownHostKey(HostKeyInfo key) {
                return switch (prompts.unknownHostKey(key.host(), key.keyType(), key.fingerprint())) {
                    case ACCEPT_ONCE -> HostKeyDecision.ACCEPT_ONCE;
                    case ACCEPT_AND_SAVE -> HostKeyDecision.ACCEPT_AND_SAVE;
                    case REJECT -> HostKeyDecision.REJECT;
                };
            }

            @Override
            public char[] passphrase(String keyName, boolean retry) {
                return prompts.passphrase(keyName, retry);
            }

            @Override
            public char[] password(String userAtHost, boolean retry) {
                return prompts.password(userAtHost, retry);
            }

            @Override
            public boolean confirmChanges(List<FileChange> changes) {
                return confirmed || prompts.confirmChanges(changes.stream().filter(FileChange::changed)
                        .map(FileChange::remotePath).toList());
            }

            @Override
            public boolean confirmCommand(String command) {
                // The user typed this command into the form for exactly this purpose.
                return command != null && command.equals(target.afterCommand());
            }
        };
    }

    /**
     * The core's network options for the wizard's advanced settings; the values were checked as typed
     * ({@link dev.signpost.ui.steps.NetworkViewModel}), so parsing here does not fail.
     */
    public static dev.signpost.core.net.NetOptions netOptions(dev.signpost.ui.settings.NetworkSettings network,
                                                             String userAgent) {
        java.net.InetSocketAddress dns = network.dnsServer().isEmpty() ? null
                : dev.signpost.core.net.ResolveOverrides.parseTarget(network.dnsServer(), 53);
        java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();
        for (String entry : network.resolve()) {
            String[] parsed = dev.signpost.core.net.ResolveOverrides.parseEntry(entry);
            overrides.put(parsed[0], parsed[1]);
        }
        return new dev.signpost.core.net.NetOptions(dns, network.caFiles().stream().map(java.nio.file.Path::of).toList(),
                overrides, dev.signpost.core.net.NetOptions.DEFAULT_TIMEOUT, userAgent,
                network.noPublicDns() ? java.util.List.of() : dev.signpost.core.net.NetOptions.DEFAULT_PUBLIC_DNS);
    }
}
