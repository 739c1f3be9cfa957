package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The deploy page: over SSH when this build can, or the user puts the files in place themselves and says so. For a
 * web server with a configuration, SSH installs the whole setup the way {@code signpost deploy} does (the core's
 * install: snippet and include line, config test before reload, live check, the old state back on failure); for
 * static hosting it uploads the files. The list of what goes where is the core's, shown either way.
 */
public final class DeployViewModel implements StepModel {

    /** How the files get onto the server. */
    public enum Method {
        MANUAL,
        SSH
    }

    private final ObservableList<PlannedFile> files;
    private final Texts texts;
    private final SshUpload uploader;
    private final boolean uploadAvailable;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty webRoot = new SimpleStringProperty("/var/www/html");
    private final StringProperty afterCommand = new SimpleStringProperty("");
    private final StringProperty identityFile = new SimpleStringProperty("");
    private SshUpload.Target lastTarget;
    private final BooleanBinding sshFormValid;
    private final SshRunState run;
    private java.util.function.Supplier<dev.signpost.core.plan.WebServerKind> webServer = () -> null;
    private java.util.function.Supplier<dev.signpost.core.plan.DelegationPlan> plan = () -> null;
    private String suggestedWebRoot = "/var/www/html";
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(Method.MANUAL);
    private final BooleanProperty placedByUser = new SimpleBooleanProperty();
    private final BooleanBinding canAdvance;
    private final ObjectProperty<dev.signpost.core.plan.WebServerKind> kind = new SimpleObjectProperty<>();
    private final BooleanBinding installsSetup;
    private final ObjectProperty<dev.signpost.core.deploy.ServerLayout.Distribution> distribution =
            new SimpleObjectProperty<>();
    private final StringProperty configPath = new SimpleStringProperty("");
    private final StringProperty testCommand = new SimpleStringProperty("");
    private final StringProperty reloadCommand = new SimpleStringProperty("");
    private final BooleanProperty sudo = new SimpleBooleanProperty(true);

    /**
     * @param uploader the SSH uploader, or null when this build cannot upload
     * @param ui       the UI thread's executor, for upload progress and results
     */
    public DeployViewModel(ObservableList<PlannedFile> files, Texts texts, SshUpload uploader, Executor ui) {
        this.files = files;
        this.texts = texts;
        this.uploader = uploader;
        this.uploadAvailable = uploader != null;
        this.run = new SshRunState(texts, ui);
        BooleanProperty uploaded = run.uploaded();
        sshFormValid = Bindings.createBooleanBinding(() -> hostError(host.get()) == null
                && portError(port.get()) == null && webRootError(webRoot.get()) == null
                && identityFileError(identityFile.get()) == null, host, port, webRoot, identityFile);
        canAdvance = Bindings.createBooleanBinding(
                () -> {
                    // Read both, so neither property is left unobserved by this binding.
                    boolean placed = placedByUser.get();
                    boolean done = uploaded.get();
                    return method.get() == Method.MANUAL ? placed : done;
                },
                method, placedByUser, uploaded);
        installsSetup = Bindings.createBooleanBinding(() -> installs(kind.get()), kind);
    }

    /** The kinds whose configuration Signpost installs, tests and reloads (the core's install). */
    static boolean installs(dev.signpost.core.plan.WebServerKind kind) {
        return kind != null && switch (kind) {
            case NGINX, APACHE, CADDY, HAPROXY -> true;
            case STATIC, HOMESERVER -> false;
        };
    }

    /** The distribution's package layout for the plan's web server: the fields' defaults. */
    public dev.signpost.core.deploy.ServerLayout layout() {
        dev.signpost.core.plan.WebServerKind current = kind.get();
        dev.signpost.core.deploy.ServerLayout.Distribution d = distribution.get();
        return current == null ? null : dev.signpost.core.deploy.ServerLayout.defaults(current,
                d == null ? dev.signpost.core.deploy.ServerLayout.Distribution.DEBIAN : d);
    }

    /** The config path's default as the field's prompt: the file, or the places searched for the site. */
    public javafx.beans.binding.StringBinding configPathPrompt() {
        return Bindings.createStringBinding(() -> {
            dev.signpost.core.deploy.ServerLayout layout = layout();
            if (layout == null) {
                return "";
            }
            return layout.configPath() != null ? layout.configPath()
                    : texts.get("wizard.deploy.setup.config.search", String.join(", ", layout.searchPaths()));
        }, kind, distribution);
    }

    /** The test command's default as the field's prompt. */
    public javafx.beans.binding.StringBinding testCommandPrompt() {
        return Bindings.createStringBinding(() -> layout() == null || layout().testCommand() == null ? ""
                : layout().with(configPath.get(), null, null).testCommand(), kind, distribution, configPath);
    }

    /** The reload command's default as the field's prompt. */
    public javafx.beans.binding.StringBinding reloadCommandPrompt() {
        return Bindings.createStringBinding(() -> layout() == null || layout().reloadCommand() == null ? ""
                : layout().reloadCommand(), kind, distribution);
    }

    /** Where the plan comes from, for the manual path's steps (null while there is no plan yet). */
    public void planFrom(java.util.function.Supplier<dev.signpost.core.plan.DelegationPlan> source) {
        this.plan = source;
    }

    /**
     * The manual path as numbered steps with the commands to copy: the same places and commands as
     * {@code signpost deploy} uses (one rule, in the core). Before there is a plan, one line per file.
     */
    public List<dev.signpost.core.deploy.ManualSteps.Step> manualSteps() {
        dev.signpost.core.plan.DelegationPlan current = plan.get();
        if (current == null) {
            return placementLines().stream().map(l -> new dev.signpost.core.deploy.ManualSteps.Step(l, null)).toList();
        }
        return dev.signpost.core.deploy.ManualSteps.forPlan(current, webRoot.get(), texts.locale());
    }

    /** Where the plan's web server kind comes from, for the web-root and reload-command suggestions. */
    public void suggestFrom(java.util.function.Supplier<dev.signpost.core.plan.WebServerKind> source) {
        this.webServer = source;
    }

    /** Suggests the web root and reload command of the plan's web server while the user has not typed their own. */
    @Override
    public void enter() {
        dev.signpost.core.plan.WebServerKind kind = webServer.get();
        this.kind.set(kind);
        if (kind == null) {
            return;
        }
        String root = dev.signpost.core.deploy.DeployDefaults.webRoot(kind).orElse(suggestedWebRoot);
        if (webRoot.get().strip().equals(suggestedWebRoot)) {
            webRoot.set(root);
        }
        suggestedWebRoot = root;
    }

    /** The usual reload commands for the plan's web server, most common first (prompt text for the field). */
    public List<String> suggestedAfterCommands() {
        dev.signpost.core.plan.WebServerKind kind = webServer.get();
        return kind == null ? List.of() : dev.signpost.core.deploy.DeployDefaults.afterCommands(kind);
    }

    /** One line per file: where it goes and what it is for. */
    public List<String> placementLines() {
        return files.stream()
                .map(file -> texts.get("wizard.deploy.manual.line", file.path(), file.purpose()))
                .toList();
    }

    public String hostError(String text) {
        return text == null || text.isBlank() || text.strip().contains(" ") ? texts.get("wizard.deploy.ssh.host.invalid")
                : null;
    }

    public String portError(String text) {
        return text == null || text.isBlank() || PlanDraft.parsePort(text) > 0 ? null
                : texts.get("wizard.deploy.ssh.port.invalid", text.strip());
    }

    public String webRootError(String text) {
        return text != null && text.strip().startsWith("/") ? null : texts.get("wizard.deploy.ssh.webRoot.invalid");
    }

    /**
     * Why the private key field's text is unusable, or null: empty (use the usual keys) or a readable file.
     * A leading {@code ~/} means the home folder, as in ssh.
     */
    public String identityFileError(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Path file;
        try {
            file = identityPath(text);
        } catch (InvalidPathException e) {
            return texts.get("wizard.deploy.ssh.key.missing", text.strip());
        }
        if (!Files.isRegularFile(file)) {
            return texts.get("wizard.deploy.ssh.key.missing", text.strip());
        }
        return Files.isReadable(file) ? null : texts.get("wizard.deploy.ssh.key.unreadable", text.strip());
    }

    private static Path identityPath(String text) {
        String path = text.strip();
        if (path.equals("~") || path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path);
    }

    /**
     * Starts the install (a web server with a configuration) or the upload (static hosting); {@code prompts} asks
     * the user for host keys, secrets and the go-ahead (on the worker's thread).
     */
    public void upload(SshUpload.Prompts prompts) {
        if (uploader == null || run.uploading().get() || !sshFormValid.get()) {
            return;
        }
        dev.signpost.core.plan.DelegationPlan current = plan.get();
        boolean setup = installsSetup.get() && current != null;
        SshUpload.Target target = new SshUpload.Target(host.get().strip(),
                port.get().isBlank() ? 0 : PlanDraft.parsePort(port.get()), PlanDraft.blankToNull(user.get()),
                webRoot.get().strip(), setup ? null : PlanDraft.blankToNull(afterCommand.get()),
                identityFile.get().isBlank() ? null : identityPath(identityFile.get()));
        lastTarget = target;
        if (setup) {
            SshUpload.Setup what = new SshUpload.Setup(current, distribution.get(),
                    PlanDraft.blankToNull(configPath.get()), PlanDraft.blankToNull(testCommand.get()),
                    PlanDraft.blankToNull(reloadCommand.get()), sudo.get());
            run.start(target.host(), true, false, progress -> uploader.install(target, what, prompts, progress));
        } else {
            run.start(target.host(), false, false,
                    progress -> uploader.start(target, List.copyOf(files), prompts, progress));
        }
    }

    /**
     * Puts back the files the last upload replaced (the newest backups, in the same place as that upload) on a
     * background task; only offered after an upload that kept backups.
     */
    public void rollBack(SshUpload.Prompts prompts) {
        if (uploader == null || run.uploading().get() || !run.canRollBack().get() || lastTarget == null) {
            return;
        }
        SshUpload.Target target = lastTarget;
        run.start(target.host(), false, true,
                progress -> uploader.rollback(target, List.copyOf(files), prompts, progress));
    }

    /** Stops the run; see {@link SshRunState#cancel()}. */
    @Override
    public void cancel() {
        run.cancel();
    }

    @Override
    public ObservableBooleanValue busy() {
        return run.uploading();
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty webRootProperty() {
        return webRoot;
    }

    public StringProperty afterCommandProperty() {
        return afterCommand;
    }

    /** The private key file to log in with; empty for the usual keys. */
    public StringProperty identityFileProperty() {
        return identityFile;
    }

    /** Whether the last upload replaced files whose backups can be put back. */
    public BooleanProperty canRollBackProperty() {
        return run.canRollBack();
    }

    public BooleanBinding sshFormValidProperty() {
        return sshFormValid;
    }

    /** Whether an upload or a rollback is under way. */
    public BooleanProperty uploadingProperty() {
        return run.uploading();
    }

    /** The latest progress or result sentence. */
    public StringProperty progressProperty() {
        return run.progress();
    }

    /** Why the upload failed, or null. */
    public StringProperty uploadErrorProperty() {
        return run.uploadError();
    }

    /** The plan's web server (set when the page is entered). */
    public ObjectProperty<dev.signpost.core.plan.WebServerKind> kindProperty() {
        return kind;
    }

    /** Whether SSH installs the web server's setup (else it uploads the files to the web root). */
    public BooleanBinding installsSetupProperty() {
        return installsSetup;
    }

    /** Whose package layout to assume; null reads it from the server's /etc/os-release. */
    public ObjectProperty<dev.signpost.core.deploy.ServerLayout.Distribution> distributionProperty() {
        return distribution;
    }

    /** The config file that serves the server name; empty for the layout's places. */
    public StringProperty configPathProperty() {
        return configPath;
    }

    /** The configuration test; empty for the layout's. */
    public StringProperty testCommandProperty() {
        return testCommand;
    }

    /** The reload command; empty for the layout's. */
    public StringProperty reloadCommandProperty() {
        return reloadCommand;
    }

    /** Whether the test and reload run through sudo. */
    public BooleanProperty sudoProperty() {
        return sudo;
    }

    /** One sentence per stage of the running (or last) install or upload, in order. */
    public ObservableList<String> stages() {
        return run.stages();
    }

    /** The server's own lines behind the last failure (a config test's errors), or empty. */
    public StringProperty serverLinesProperty() {
        return run.serverLines();
    }

    public ObservableList<PlannedFile> files() {
        return files;
    }

    public boolean isUploadAvailable() {
        return uploadAvailable;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    /** "I have put the files there myself". */
    public BooleanProperty placedByUserProperty() {
        return placedByUser;
    }

    public BooleanProperty uploadedProperty() {
        return run.uploaded();
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return canAdvance;
    }
}
