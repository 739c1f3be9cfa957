package dev.signpost.core.deploy;

import dev.signpost.core.generate.ConfigGenerator;
import dev.signpost.core.generate.GenerateOptions;
import dev.signpost.core.generate.GeneratedFile;
import dev.signpost.core.generate.WellKnownGenerator;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Installs a plan's whole setup on a web server and proves it, or puts the previous state back: the generated
 * snippet and the line that takes it in (found in the site that serves the server name), the well-known files
 * where that config reads them, then the server's own configuration test before any reload, the reload, and a
 * live check that must not be worse than the one before. A failed test, a failed reload or a worse live check
 * restores the previous files (and reloads again when a reload happened); the user gets the server's own lines.
 */
final class SetupInstaller {

    /** How long after a reload a live check that does not match yet is taken again. */
    static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(3);
    private static final java.time.Duration SETTLE_PAUSE = java.time.Duration.ofMillis(500);

    private final SshConnector connector;
    private final Texts texts;
    private final Clock clock;
    private final Locale locale;

    SetupInstaller(SshConnector connector, Texts texts, Clock clock, Locale locale) {
        this.connector = connector;
        this.texts = texts;
        this.clock = clock;
        this.locale = locale;
    }

    /** What one run found on the server and will do. */
    private record Work(ServerLayout layout, boolean sudo, List<StagedReplacement.Item> items,
                        List<FileChange> changes, List<String> commands) {
    }

    SetupResult install(SetupRequest request, DeployPrompts prompts, DeployListener listener,
                        Cancellation cancellation, LiveProbe probe) {
        List<FileChange> changes = List.of();
        List<CommandResult> ran = new ArrayList<>();
        byte[] sudoPassword = null;
        try (SshConnection connection = connector.connect(request.target(), prompts, listener, cancellation)) {
            RemoteFiles files = new RemoteFiles(connection.sftp(texts), texts);
            listener.stage(DeployStage.READING, texts.get("stage.reading", connection.description()));
            Work work = plan(request, files, connection.session().getUserName(), cancellation);
            changes = work.changes();
            List<FileChange> changed = changes.stream().filter(FileChange::changed).toList();
            if (changed.isEmpty()) {
                LiveCheckResult live = request.dryRun() ? null : unchanged(connection, request, work, prompts,
                        listener, cancellation, probe, ran);
                listener.stage(DeployStage.DONE, texts.get("result.unchanged"));
                return result(DeployOutcome.UNCHANGED, changes, work.commands(), ran, List.of(), List.of(), null,
                        live, null, true);
            }
            if (request.dryRun()) {
                listener.stage(DeployStage.DONE, texts.get("result.dryRun", changed.size()));
                return result(DeployOutcome.DRY_RUN, changes, work.commands(), ran, List.of(), List.of(), null,
                        null, null, true);
            }
            cancellation.throwIfCancelled(texts);
            if (!prompts.confirmSetup(changed, work.commands())) {
                return result(DeployOutcome.CANCELLED, changes, work.commands(), ran, List.of(), List.of(), null,
                        null, texts.get("result.declined"), true);
            }
            ServerLayout layout = work.layout();
            Commands commands = new Commands(connection, request, layout, work.sudo(), texts, listener, cancellation);
            sudoPassword = commands.authorise(prompts, connection.description());
            LiveCheckResult before = probe == null ? null : liveCheck(probe, "stage.liveBefore", request, listener,
                    cancellation);
            List<String> backups = new ArrayList<>();
            StagedReplacement replacement = new StagedReplacement(files);
            List<String> written = replacement.apply(work.items(), BackupStore.stamp(clock.instant()), backups,
                    listener, cancellation);
            String failure = null;
            boolean reloaded = false;
            CommandResult test = layout.testCommand() == null ? null
                    : commands.run(layout.testCommand(), sudoPassword, "stage.testing");
            if (test != null) {
                ran.add(test);
                if (!test.succeeded()) {
                    failure = texts.get("setup.testFailed", test.command(), test.exitStatus(), serverLines(test));
                }
            }
            if (failure == null && layout.reloadCommand() != null) {
                CommandResult reload = commands.run(layout.reloadCommand(), sudoPassword, "stage.reloading");
                ran.add(reload);
                reloaded = true;
                if (!reload.succeeded()) {
                    failure = texts.get("setup.reloadFailed", reload.command(), reload.exitStatus(),
                            serverLines(reload));
                }
            }
            LiveCheckResult after = null;
            if (failure == null && probe != null) {
                after = settled(probe, request, listener, cancellation);
                int was = LiveProbe.problems(before);
                int now = LiveProbe.problems(after);
                if (was >= 0 && now > was) {
                    failure = texts.get("setup.worse", was, now);
                }
            }
            if (failure != null) {
                listener.stage(DeployStage.ROLLING_BACK, texts.get("stage.restoring"));
                boolean restored = replacement.putBack(work.items());
                if (reloaded && layout.reloadCommand() != null) {
                    ran.add(commands.run(layout.reloadCommand(), sudoPassword, "stage.reloading"));
                }
                String message = restored ? failure
                        : failure + " " + texts.get("setup.restoreFailed", String.join(", ", backups));
                listener.stage(DeployStage.DONE, message);
                return result(DeployOutcome.FAILED, changes, work.commands(), ran, List.of(), backups, before,
                        after, message, restored);
            }
            for (StagedReplacement.Item item : work.items()) {
                replacement.backups(item).prune(List.of(item.target()), request.keepBackups(), listener);
            }
            listener.stage(DeployStage.DONE, texts.get("result.installed", written.size()));
            return result(DeployOutcome.DEPLOYED, changes, work.commands(), ran, written, backups, before, after,
                    null, false);
        } catch (DeployException e) {
            DeployOutcome outcome = cancellation.isCancelled() && e.remoteUnchanged()
                    ? DeployOutcome.CANCELLED : DeployOutcome.FAILED;
            return result(outcome, changes, List.of(), ran, List.of(), List.of(), null, null, e.getMessage(),
                    e.remoteUnchanged()).withSshFailure(e.sshFailure());
        } catch (RuntimeException e) {
            return result(DeployOutcome.FAILED, changes, List.of(), ran, List.of(), List.of(), null, null,
                    texts.get("unexpected", e.toString()), false);
        } finally {
            Secrets.wipe(sudoPassword);
        }
    }

    private static SetupResult result(DeployOutcome outcome, List<FileChange> changes, List<String> commands,
                                      List<CommandResult> ran, List<String> written, List<String> backups,
                                      LiveCheckResult before, LiveCheckResult after, String message,
                                      boolean unchanged) {
        return new SetupResult(outcome, changes, commands, ran, written, backups, before, after, message, unchanged);
    }

    private LiveCheckResult liveCheck(LiveProbe probe, String stage, SetupRequest request, DeployListener listener,
                                      Cancellation cancellation) throws DeployException {
        listener.stage(DeployStage.CHECKING, texts.get(stage, request.plan().serverName()));
        LiveCheckResult result = probe.check(cancellation);
        cancellation.throwIfCancelled(texts);
        return result;
    }

    /**
     * Nothing to write. When the live server still does not serve the plan, the files may be in place but never
     * loaded (a run cut off before its reload): test and reload once more. Returns the last live check, or null.
     */
    private LiveCheckResult unchanged(SshConnection connection, SetupRequest request, Work work, DeployPrompts prompts,
                                      DeployListener listener, Cancellation cancellation, LiveProbe probe,
                                      List<CommandResult> ran) throws DeployException {
        if (probe == null) {
            return null;
        }
        LiveCheckResult live = liveCheck(probe, "stage.liveBefore", request, listener, cancellation);
        ServerLayout layout = work.layout();
        if (live.matches() || live.report() == null || layout.reloadCommand() == null
                || !prompts.confirmCommand(String.join(" && ", work.commands()))) {
            return live;
        }
        Commands commands = new Commands(connection, request, layout, work.sudo(), texts, listener, cancellation);
        byte[] sudoPassword = commands.authorise(prompts, connection.description());
        try {
            if (layout.testCommand() != null) {
                CommandResult test = commands.run(layout.testCommand(), sudoPassword, "stage.testing");
                ran.add(test);
                if (!test.succeeded()) {
                    throw new DeployException(texts.get("setup.testFailedUnchanged", test.command(),
                            test.exitStatus(), serverLines(test)), true);
                }
            }
            ran.add(commands.run(layout.reloadCommand(), sudoPassword, "stage.reloading"));
            return settled(probe, request, listener, cancellation);
        } finally {
            Secrets.wipe(sudoPassword);
        }
    }

    /**
     * The live check after a reload. A reload only signals the server, which swaps its workers a moment later, so
     * a result that does not match yet is taken again, a pause apart, until {@link #SETTLE} has passed; the last
     * result counts. A cancel ends the wait at once.
     */
    private LiveCheckResult settled(LiveProbe probe, SetupRequest request, DeployListener listener,
                                    Cancellation cancellation) throws DeployException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        LiveCheckResult live = liveCheck(probe, "stage.liveAfter", request, listener, cancellation);
        while (!live.matches() && live.report() != null && System.nanoTime() < deadline) {
            try {
                long pauseEnd = Math.min(deadline, System.nanoTime() + SETTLE_PAUSE.toNanos());
                if (cancellation.awaitUntil(pauseEnd)) {
                    cancellation.throwIfCancelled(texts);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployException(texts.get("cancelled"), false, e);
            }
            live = liveCheck(probe, "stage.liveAfter", request, listener, cancellation);
        }
        return live;
    }

    /** The server's own output, indented, for the failure sentence. */
    private static String serverLines(CommandResult result) {
        String out = result.output().strip();
        return out.isEmpty() ? "  (no output)" : out.lines().map(l -> "  " + l).collect(Collectors.joining("\n"));
    }

    /** Reads what is there and works out every file to write and every command to run; writes nothing. */
    private Work plan(SetupRequest request, RemoteFiles files, String login, Cancellation cancellation)
            throws DeployException {
        WebServerKind kind = request.plan().webServer();
        if (kind == WebServerKind.HOMESERVER || kind == WebServerKind.STATIC) {
            throw new DeployException(texts.get("setup.unsupported", kind.name().toLowerCase(Locale.ROOT)), true);
        }
        ServerLayout.Distribution distribution = request.distribution() != null ? request.distribution()
                : readQuietly(files, "/etc/os-release").or(() -> readQuietly(files, "/usr/lib/os-release"))
                .map(c -> ServerLayout.Distribution.fromOsRelease(new String(c.content(), StandardCharsets.UTF_8)))
                .orElse(ServerLayout.Distribution.DEBIAN);
        ServerLayout layout = ServerLayout.defaults(kind, distribution)
                .with(request.configPath(), request.testCommand(), request.reloadCommand());
        boolean sudo = request.sudoFor(login);
        List<GeneratedFile> generated = generate(request);
        String host;
        try {
            host = ServerName.parse(request.plan().serverName(), Locale.ROOT).host();
        } catch (InvalidServerNameException e) {
            throw new DeployException(e.getMessage(), true, e);
        }
        String snippetText = generatedText(generated, ConfigGenerator.snippetPath(kind)).orElseThrow();
        List<StagedReplacement.Item> items = new ArrayList<>();
        List<FileChange> changes = new ArrayList<>();
        if (layout.snippetPath() != null) {
            add(files, RemoteFiles.parent(RemoteFiles.parent(layout.snippetPath())), layout.snippetPath(),
                    snippetText, true, items, changes);
        }
        String takeIn = layout.snippetPath() != null ? layout.snippetPath() : snippetText;
        SiteEdits sites = new SiteEdits(files, layout, texts, cancellation);
        sites.takeIn(host, takeIn);
        Optional<Routes> routes = routes(request, generated, layout);
        if (routes.isPresent()) {
            String remote = routes.get().remotePath();
            add(files, RemoteFiles.parent(RemoteFiles.parent(remote)), remote, routes.get().text(), true, items,
                    changes);
            sites.takeIn(routes.get().host(), remote);
        }
        for (SiteEdits.Edit site : sites.edits()) {
            byte[] edited = site.text().getBytes(StandardCharsets.UTF_8);
            FileChange siteChange = FileChange.between(site.path(), Optional.of(site.current().content()), edited);
            changes.add(siteChange);
            if (siteChange.changed()) {
                items.add(new StagedReplacement.Item(RemoteFiles.parent(site.path()), site.path(), true,
                        site.current().content(), site.current().mode(), siteChange.newContent(),
                        site.current().mode(), true));
            }
        }
        if (kind == WebServerKind.APACHE) {
            String root = files.checkWebRoot(webRoot(request));
            for (var document : WellKnownGenerator.documents(request.plan())) {
                add(files, root, root + "/" + document.relativePath(), document.body(), false, items, changes);
            }
        }
        List<String> commands = new Commands(null, request, layout, sudo, texts, DeployListener.NONE, cancellation)
                .shown();
        return new Work(layout, sudo, items, changes, commands);
    }

    /** The call and sign-in routes: the drop-in's text, where it goes, and the host whose site takes it in. */
    private record Routes(String text, String remotePath, String host) {
    }

    private static Optional<String> generatedText(List<GeneratedFile> generated, Optional<String> path) {
        return path.flatMap(p -> generated.stream().filter(f -> f.path().equals(p)).findFirst())
                .map(GeneratedFile::content);
    }

    /**
     * The routes the client base URL's site needs when the plan has a call service or a sign-in service (and the
     * reverse proxy is Signpost's): beside the well-known snippet, taken into the site that serves the client
     * host. Empty for plans without them and for HAProxy, whose routes need a backend section of their own.
     */
    private Optional<Routes> routes(SetupRequest request, List<GeneratedFile> generated, ServerLayout layout) {
        if (layout.snippetPath() == null) {
            return Optional.empty();
        }
        Optional<ConfigGenerator.RoutesDropIn> dropIn = ConfigGenerator.routesDropIn(request.plan(),
                options(request), locale);
        Optional<String> text = generatedText(generated, dropIn.map(ConfigGenerator.RoutesDropIn::path));
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String remote = RemoteFiles.parent(layout.snippetPath()) + "/" + RemoteFiles.name(dropIn.get().path());
        return Optional.of(new Routes(text.get(), remote, dropIn.get().clientHost()));
    }

    private static Optional<RemoteFiles.Current> readQuietly(RemoteFiles files, String path) {
        try {
            return files.read(path);
        } catch (DeployException e) {
            return Optional.empty();
        }
    }

    private void add(RemoteFiles files, String root, String target, String content, boolean config,
                     List<StagedReplacement.Item> items, List<FileChange> changes) throws DeployException {
        Optional<RemoteFiles.Current> current = files.read(target);
        byte[] next = content.getBytes(StandardCharsets.UTF_8);
        FileChange change = FileChange.between(target, current.map(RemoteFiles.Current::content), next);
        changes.add(change);
        if (change.changed()) {
            items.add(new StagedReplacement.Item(root, target, current.isPresent(), change.oldContent(),
                    current.map(RemoteFiles.Current::mode).orElse(RemoteFiles.MODE_FILE), next, RemoteFiles.MODE_FILE,
                    config));
        }
    }

    private static String webRoot(SetupRequest request) {
        return request.webRoot() == null ? GenerateOptions.DEFAULT_WEB_ROOT : request.webRoot();
    }

    /** The options deploy generates with: the standard HTTPS port, the request's web root. */
    private static GenerateOptions options(SetupRequest request) {
        String root = webRoot(request);
        return new GenerateOptions(null, 443, 0, null, null, null,
                root.length() > 1 && root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    private List<GeneratedFile> generate(SetupRequest request) throws DeployException {
        try {
            return new ConfigGenerator(locale).generate(request.plan(), options(request));
        } catch (InvalidPlanException e) {
            throw new DeployException(e.problems().stream().filter(PlanProblem::isError).map(PlanProblem::message)
                    .collect(Collectors.joining(" ")), true, e);
        } catch (IllegalArgumentException e) {
            throw new DeployException(texts.get("webroot.notAbsolute", webRoot(request)), true, e);
        }
    }
}
