package dev.signpost.cli;

import dev.signpost.core.deploy.Cancellation;
import dev.signpost.core.deploy.DeployFile;
import dev.signpost.core.deploy.DeployListener;
import dev.signpost.core.deploy.DeployOutcome;
import dev.signpost.core.deploy.DeployRequest;
import dev.signpost.core.deploy.DeployResult;
import dev.signpost.core.deploy.DeployStage;
import dev.signpost.core.deploy.LiveProbe;
import dev.signpost.core.deploy.ServerLayout;
import dev.signpost.core.deploy.SetupRequest;
import dev.signpost.core.deploy.SetupResult;
import dev.signpost.core.deploy.Deployer;
import dev.signpost.core.deploy.FileChange;
import dev.signpost.core.deploy.LiveCheckResult;
import dev.signpost.core.deploy.LiveVerifier;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.deploy.SshEnvironment;
import dev.signpost.core.deploy.SshTarget;
import dev.signpost.core.model.ReportListener;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.report.NetworkTexts;
import dev.signpost.core.text.SafeText;
import dev.signpost.core.text.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code signpost deploy}: uploads the well-known files over SSH with a diff, backups and atomic replacement, or
 * rolls back to the backups. A thin front-end over {@link Deployer}; it never prompts when stdin is not a terminal.
 */
@Command(name = "deploy", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = SignpostCommand.VersionProvider.class)
public final class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "HOST")
    String host;

    @Option(names = "--port", paramLabel = "N")
    int port;

    @Option(names = "--user", paramLabel = "U")
    String user;

    @Option(names = "--identity", paramLabel = "FILE")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE")
    Path knownHosts;

    @Option(names = "--ssh-config", paramLabel = "FILE")
    Path sshConfig;

    @Option(names = "--accept-new-host-key")
    boolean acceptNewHostKey;

    @Option(names = "--web-root", paramLabel = "DIR")
    String webRoot;

    @Mixin
    PlanOptions planOptions;

    @Option(names = "--config-path", paramLabel = "FILE")
    String configPath;

    @Option(names = "--test-command", paramLabel = "CMD")
    String testCommand;

    @Option(names = "--reload-command", paramLabel = "CMD")
    String reloadCommand;

    @Option(names = "--distribution", paramLabel = "NAME")
    String distribution;

    @Option(names = "--sudo", paramLabel = "WHEN", defaultValue = "auto")
    String sudo;

    @Option(names = "--sudo-program", paramLabel = "PATH", hidden = true)
    String sudoProgram;

    @Option(names = "--sudo-password-stdin")
    boolean sudoPasswordStdin;

    @Option(names = "--dry-run")
    boolean dryRun;

    @Option(names = "--rollback")
    boolean rollback;

    @Option(names = "--yes")
    boolean yes;

    @Option(names = "--after-command", paramLabel = "CMD")
    String afterCommand;

    @Option(names = "--keep-backups", paramLabel = "N", defaultValue = "5")
    int keepBackups;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30")
    int timeoutSeconds;

    @Option(names = "--skip-live-check")
    boolean skipLiveCheck;

    @Mixin
    NetworkOptions networkOptions;

    private Discovery engine;

    /** The command line's own sentences; {@code texts} elsewhere are the core's. */
    private Texts cli;

    private final Locale locale = Locale.getDefault();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Texts texts = new Texts("dev.signpost.core.deploy.messages", locale);
        cli = new Texts("dev.signpost.cli.deploy", locale);
        DelegationPlan plan;
        SetupRequest.SudoMode sudoMode;
        ServerLayout.Distribution dist;
        try {
            plan = plan();
            sudoMode = parse(SetupRequest.SudoMode.class, sudo, cli.get("badSudo", sudo));
            dist = distribution == null ? null
                    : parse(ServerLayout.Distribution.class, distribution, cli.get("badDistribution", distribution));
            if (staticHosting(plan) && (webRoot == null || webRoot.isBlank())) {
                throw new UsageException(cli.get("webRootMissing"));
            }
        } catch (UsageException e) {
            err.println("signpost deploy: " + e.getMessage());
            return SignpostCommand.EXIT_USAGE;
        }
        if (port < 0 || port > 65535 || timeoutSeconds <= 0 || keepBackups <= 0) {
            err.println("signpost deploy: " + cli.get("badNumber"));
            return SignpostCommand.EXIT_USAGE;
        }
        if (identity != null && !Files.isReadable(identity)) {
            err.println("signpost deploy: " + texts.get("ssh.identity.missing", identity));
            return SignpostCommand.EXIT_USAGE;
        }
        if (sshConfig != null && !Files.isReadable(sshConfig)) {
            err.println("signpost deploy: " + cli.get("sshConfigMissing", sshConfig));
            return SignpostCommand.EXIT_USAGE;
        }
        // After a rollback the plan is no longer what should be served, so there is nothing to compare with.
        if (!skipLiveCheck && !dryRun && !rollback) {
            try {
                engine = networkOptions.engine(NetOptions.DEFAULT_TIMEOUT, locale);
            } catch (UsageException e) {
                err.println("signpost deploy: " + e.getMessage());
                return SignpostCommand.EXIT_USAGE;
            }
        }
        SshEnvironment environment = SshEnvironment.forCurrentUser();
        if (sshConfig != null) {
            environment = environment.withSshConfig(sshConfig);
        }
        if (knownHosts != null) {
            environment = environment.withKnownHosts(knownHosts);
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        SshTarget target = new SshTarget(host, port, user, identity, timeout, timeout);
        char[] sudoPassword = null;
        if (sudoPasswordStdin) {
            try {
                sudoPassword = StdinSecret.readLine(System.in);
            } catch (IOException e) {
                sudoPassword = new char[0];
            }
            if (sudoPassword.length == 0) {
                err.println("signpost deploy: " + cli.get("sudoStdinEmpty"));
                return SignpostCommand.EXIT_USAGE;
            }
        }
        try {
            return deploy(plan, environment, target, sudoMode, dist, sudoPassword, out, err, texts);
        } finally {
            StdinSecret.wipe(sudoPassword);
        }
    }

    private int deploy(DelegationPlan plan, SshEnvironment environment, SshTarget target,
                       SetupRequest.SudoMode sudoMode, ServerLayout.Distribution dist, char[] sudoPassword,
                       PrintWriter out, PrintWriter err, Texts texts) {
        TerminalPrompts prompts = new TerminalPrompts(out, err, cli, System.console(), acceptNewHostKey, yes,
                sudoPassword);
        DeployListener listener = new DeployListener() {
            @Override
            public void stage(DeployStage stage, String detail) {
                if (stage != DeployStage.DONE) {
                    err.println(detail + " …");
                }
            }

            @Override
            public void commandOutput(String text) {
                out.print(text);
                out.flush();
            }
        };
        Deployer deployer = new Deployer(environment, locale);
        Cancellation cancellation = new Cancellation();
        // Ctrl-C: cancel, and hold the JVM a few seconds so the deployer can remove its temporary files. A shutdown
        // hook must be a Thread of its own; it is the one place this code makes one.
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "signpost-deploy-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (staticHosting(plan) || rollback) {
                DeployRequest request = new DeployRequest(target, webRoot == null ? "" : webRoot, staticFiles(plan),
                        afterCommand, keepBackups, dryRun);
                DeployResult result = rollback ? deployer.rollback(request, prompts, listener, cancellation)
                        : deployer.deploy(request, prompts, listener, cancellation);
                if (result.outcome() == DeployOutcome.DRY_RUN || result.outcome() == DeployOutcome.UNCHANGED) {
                    result.changes().stream().filter(FileChange::changed).forEach(c -> out.print(c.unifiedDiff()));
                }
                return report(result, plan, texts, out, err);
            }
            SetupRequest request = new SetupRequest(target, plan, dist, configPath, testCommand,
                    reloadCommand != null ? reloadCommand : afterCommand, webRoot, sudoMode, sudoProgram,
                    keepBackups, dryRun);
            LiveProbe probe = discovery().map(d -> (LiveProbe) c -> new LiveVerifier(d, locale)
                    .verify(plan, ReportListener.NONE, liveTimeout(), c)).orElse(null);
            return report(deployer.install(request, prompts, listener, cancellation, probe), plan, texts, out, err);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting because of Ctrl-C; the hook is running.
            }
        }
    }

    private static boolean staticHosting(DelegationPlan plan) {
        return plan.webServer() == WebServerKind.STATIC;
    }

    private Duration liveTimeout() {
        return Duration.ofSeconds(Math.max(60, timeoutSeconds));
    }

    private int report(SetupResult result, DelegationPlan plan, Texts texts, PrintWriter out, PrintWriter err) {
        switch (result.outcome()) {
            case DEPLOYED -> {
                out.println(texts.get("result.installed", result.written().size()));
                result.backups().forEach(b -> out.println(cli.get("backup", b)));
            }
            case UNCHANGED -> out.println(texts.get("result.unchanged"));
            case DRY_RUN -> {
                result.changes().stream().filter(FileChange::changed).forEach(c -> out.print(c.unifiedDiff()));
                if (!result.commands().isEmpty()) {
                    out.println(cli.get("commands.show"));
                    result.commands().forEach(c -> out.println("  " + c));
                }
                out.println(texts.get("result.dryRun", result.changes().stream().filter(FileChange::changed).count()));
            }
            default -> {
                err.println("signpost deploy: " + result.message());
                return 1;
            }
        }
        LiveCheckResult live = result.after();
        if (live == null && result.outcome() == DeployOutcome.UNCHANGED && !dryRun) {
            liveCheck(plan, texts, out, err);
        } else if (live != null) {
            printLive(live, plan, texts, out, err);
        }
        return 0;
    }

    private int report(DeployResult result, DelegationPlan plan, Texts texts, PrintWriter out, PrintWriter err) {
        switch (result.outcome()) {
            case DEPLOYED -> {
                out.println(rollback ? texts.get("result.rolledBack", result.written().size())
                        : texts.get("result.deployed", result.written().size()));
                result.backups().forEach(b -> out.println(cli.get(rollback ? "restoredFrom" : "backup", b)));
            }
            case UNCHANGED -> out.println(texts.get("result.unchanged"));
            case DRY_RUN -> out.println(texts.get("result.dryRun",
                    result.changes().stream().filter(FileChange::changed).count()));
            default -> {
                err.println("signpost deploy: " + (result.sshFailure() != null
                        ? result.sshFailure().sentence(cli, "ssh.") : result.message()));
                return 1;
            }
        }
        if (result.message() != null) {
            err.println(result.message());
        }
        if (result.command() != null && !result.command().succeeded()) {
            return 1;
        }
        if (!dryRun && !rollback && result.outcome() != DeployOutcome.DRY_RUN) {
            liveCheck(plan, texts, out, err);
        }
        return 0;
    }

    /**
     * The live check after an upload: the server name is checked as Matrix servers and clients would, and the
     * result compared with the plan. Informative only: the upload itself already succeeded.
     */
    private void liveCheck(DelegationPlan plan, Texts texts, PrintWriter out, PrintWriter err) {
        Optional<Discovery> discovery = discovery();
        if (discovery.isEmpty()) {
            return;
        }
        err.println(cli.get("live.running", plan.serverName()) + " …");
        printLive(new LiveVerifier(discovery.get(), locale).verify(plan, ReportListener.NONE, liveTimeout(),
                new Cancellation()), plan, texts, out, err);
    }

    private void printLive(LiveCheckResult live, DelegationPlan plan, Texts texts, PrintWriter out,
                                  PrintWriter err) {
        if (live.message() != null) {
            err.println(live.message());
        } else if (live.matches()) {
            out.println(cli.get("live.matches", plan.serverName()));
        } else {
            out.println(cli.get("live.differs", plan.serverName()));
            live.differences().forEach(d -> out.println("  - " + d));
        }
        if (live.report() != null && NetworkTexts.shown(live.report().network())) {
            // The verdict above came from the network given with --dns/--ca-file/--resolve: say which, once.
            NetworkTexts words = new NetworkTexts(locale);
            out.println(SafeText.oneLine(words.summary(live.report().network())));
            words.details(live.report().network()).forEach(line -> out.println("  " + SafeText.oneLine(line)));
            String caveat = words.caveat(live.report().network());
            if (caveat != null) {
                out.println("  " + SafeText.oneLine(caveat));
            }
        }
    }

    /** The check engine made from the network options, or empty when the live check is skipped. */
    private Optional<Discovery> discovery() {
        return Optional.ofNullable(engine);
    }

    /** The plan from the options or the plan file, validated. */
    private DelegationPlan plan() throws UsageException {
        Texts generateTexts = new Texts("dev.signpost.cli.generate", locale);
        List<String> errors = new ArrayList<>();
        DelegationPlan plan = planOptions.build(generateTexts, errors);
        if (!errors.isEmpty()) {
            throw new UsageException(String.join(" ", errors));
        }
        try {
            return PlanValidator.normalize(plan, locale);
        } catch (InvalidPlanException e) {
            throw new UsageException(e.problems().stream().filter(PlanProblem::isError).map(PlanProblem::message)
                    .collect(Collectors.joining(" ")));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String problem) throws UsageException {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(problem);
        }
    }

    /**
     * What static hosting needs in the web root: the well-known files and, for Apache-style hosts, the
     * {@code .htaccess} that gives them their Content-Type and CORS headers; all as the generator makes them.
     */
    static List<DeployFile> staticFiles(DelegationPlan plan) {
        try {
            return new ConfigGenerator(Locale.ROOT).generate(plan.toBuilder().webServer(WebServerKind.STATIC).build())
                    .stream().filter(f -> f.path().startsWith(".well-known/"))
                    .map(f -> new DeployFile(f.path(), f.content().getBytes(StandardCharsets.UTF_8)))
                    .toList();
        } catch (InvalidPlanException e) {
            throw new IllegalStateException("a validated plan was refused by the generator", e);
        }
    }
}
