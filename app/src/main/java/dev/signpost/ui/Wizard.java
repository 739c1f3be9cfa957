package dev.signpost.ui;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.Step;
import dev.signpost.ui.host.WizardNavigator;
import dev.signpost.ui.host.WizardView;
import dev.signpost.ui.settings.Settings;
import dev.signpost.ui.steps.CheckRunner;
import dev.signpost.ui.steps.DeployView;
import dev.signpost.ui.steps.DeployViewModel;
import dev.signpost.ui.steps.DoneView;
import dev.signpost.ui.steps.DoneViewModel;
import dev.signpost.ui.steps.FilesView;
import dev.signpost.ui.steps.FilesViewModel;
import dev.signpost.ui.steps.HostingView;
import dev.signpost.ui.steps.HostingViewModel;
import dev.signpost.ui.steps.IdentityView;
import dev.signpost.ui.steps.IdentityViewModel;
import dev.signpost.ui.steps.LiveCheckView;
import dev.signpost.ui.steps.LiveCheckViewModel;
import dev.signpost.ui.steps.NetworkViewModel;
import dev.signpost.ui.steps.StartView;
import dev.signpost.ui.steps.StartViewModel;
import dev.signpost.ui.steps.VerifyView;
import dev.signpost.ui.steps.VerifyViewModel;
import dev.signpost.ui.steps.WizardPath;
import dev.signpost.ui.steps.WizardSession;
import dev.signpost.ui.widgets.Dialogs;
import dev.signpost.ui.widgets.Ui;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One wizard window: the session, the eight steps with their view models, the step host, the theme, and the rules
 * for closing (ask first while work would be lost; remember size, theme, plan and recent domains).
 */
public final class Wizard {

    private final WizardDependencies deps;
    private final Texts texts;
    private final AtomicReference<Settings> settings;
    private final WizardSession session = new WizardSession();
    private final WizardNavigator navigator = new WizardNavigator();
    private final ThemeManager theme;
    private final TextSize textSize;
    private final IdentityViewModel identity;
    private final HostingViewModel hosting;
    private final List<Step> setUpSteps;
    private final List<Step> checkSteps;
    private Alert closeDialog;
    private final HelpWindows helpWindows;
    private WizardView view;

    public Wizard(WizardDependencies deps) {
        this.deps = deps;
        this.texts = deps.texts();
        this.settings = new AtomicReference<>(deps.settings().current());
        Settings loaded = settings.get();
        theme = new ThemeManager(loaded.theme(), deps.systemPrefersDark());
        textSize = new TextSize(loaded.textPercent(), deps.desktopTextScale());
        if (loaded.lastPlan() != null) {
            session.draft().load(loaded.lastPlan());
        }
        session.unsavedProperty().set(false);

        NetworkViewModel network = new NetworkViewModel(loaded.network(), texts, deps.tasks(), deps.engines(),
                deps.discovery(), n -> updateSettings(s -> s.withNetwork(n)));
        session.networkNoteProperty().bind(network.noteProperty());
        StartViewModel startModel = new StartViewModel(session, texts.locale(), loaded.recentDomains(), this::choose);
        identity = new IdentityViewModel(session.draft(), texts);
        hosting = new HostingViewModel(session.draft(), texts);
        LiveCheckViewModel check = new LiveCheckViewModel(session,
                new CheckRunner(network::discovery, deps.tasks().ui(), texts), texts, this::rememberDomain);
        FilesViewModel files = new FilesViewModel(session, deps.files(), deps.tasks(), texts);
        DeployViewModel deploy = new DeployViewModel(files.files(), texts, deps.upload(), deps.tasks().ui());
        deploy.suggestFrom(() -> session.isSetUp() ? session.draft().webServer.get() : null);
        deploy.planFrom(() -> session.isSetUp() ? session.draft().toPlan() : null);
        VerifyViewModel verify = new VerifyViewModel(session,
                new CheckRunner(network::discovery, deps.tasks().ui(), texts), texts);
        DoneViewModel done = new DoneViewModel(session, deps.reportFormats(), deps.tasks(), texts, this::rememberPlan);

        Step start = new Step("start", texts.get("wizard.step.start"), startModel, () -> new StartView(startModel, network, texts));
        Step identityStep = new Step("identity", texts.get("wizard.step.identity"), identity,
                () -> new IdentityView(identity, texts));
        Step hostingStep = new Step("hosting", texts.get("wizard.step.hosting"), hosting,
                () -> new HostingView(hosting, texts));
        Step checkStep = new Step("check", texts.get("wizard.step.check"), check, () -> new LiveCheckView(check, texts, theme.darkProperty()));
        Step filesStep = new Step("files", texts.get("wizard.step.files"), files, () -> new FilesView(files, texts));
        Step deployStep = new Step("deploy", texts.get("wizard.step.deploy"), deploy,
                () -> new DeployView(deploy, texts));
        Step verifyStep = new Step("verify", texts.get("wizard.step.verify"), verify,
                () -> new VerifyView(verify, texts, theme.darkProperty()));
        Step doneStep = new Step("done", texts.get("wizard.step.done"), done, () -> new DoneView(done, texts));
        setUpSteps = List.of(start, identityStep, hostingStep, checkStep, filesStep, deployStep, verifyStep, doneStep);
        checkSteps = List.of(start, checkStep, doneStep);
        navigator.setSteps(setUpSteps);
        helpWindows = new HelpWindows(texts, this::window, deps.tasks());
        StartupTrace.mark("wizard steps built");
    }

    private void choose(WizardPath path) {
        navigator.setSteps(path == WizardPath.SET_UP ? setUpSteps : checkSteps);
        navigator.goTo(path == WizardPath.SET_UP ? "identity" : "check");
    }

    /** Builds the scene: step host, theme menu, styles. */
    public Scene createScene() {
        ThemeMenu themeMenu = new ThemeMenu(theme.choiceProperty(), texts);
        theme.choiceProperty().addListener((obs, old, now) -> updateSettings(s -> s.withTheme(now)));
        TextSizeMenu textSizeMenu = new TextSizeMenu(textSize.percentProperty(), texts);
        textSize.percentProperty().addListener((obs, old, now) -> updateSettings(s -> s.withTextPercent(now.intValue())));
        Button help = new Button(texts.get("app.help.button"));
        help.setId("help");
        help.setMnemonicParsing(false);
        help.setOnAction(e -> helpWindows.showStep(navigator.current().id()));
        Button about = new Button(texts.get("app.about.button"));
        about.setId("about");
        about.setMnemonicParsing(false);
        about.setOnAction(e -> helpWindows.showAbout());
        Ui.keepWhole(help, about);
        // Wraps onto a second row under large text instead of cutting the buttons' words.
        FlowPane tools = new FlowPane(help, about, textSizeMenu, themeMenu);
        tools.getStyleClass().add("header-tools");
        tools.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        tools.setHgap(8);
        tools.setVgap(4);
        HBox.setHgrow(tools, javafx.scene.layout.Priority.ALWAYS);
        WizardView view = new WizardView(navigator, texts, tools, themeMenu.choiceBox(), this::requestClose);
        this.view = view;
        javafx.geometry.Dimension2D size = FirstWindowSize.of(settings.get(), textSize.scaleProperty().get());
        Scene scene = new Scene(view, size.getWidth(), size.getHeight());
        theme.attach(scene);
        textSize.attach(view);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1),
                () -> helpWindows.showStep(navigator.current().id()));
        return scene;
    }

    /** Puts the wizard into {@code stage} and shows it. */
    public void show(Stage stage) {
        show(stage, () -> {
        });
    }

    /**
     * Puts the wizard into {@code stage} and shows it; {@code afterFirstFrame} runs on the UI thread once the first
     * frame is laid out, for work that the window does not need in order to appear.
     */
    public void show(Stage stage, Runnable afterFirstFrame) {
        stage.setTitle(texts.get("app.title"));
        Scene scene = createScene();
        StartupTrace.mark("scene built");
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(event -> {
            event.consume();
            requestClose();
        });
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                StartupTrace.mark("wizard page laid out");
                // A scene put into a window that already has the focus (the opening window's) gives it to its first
                // control, the Help button, after the page took it: the page's own control gets it back.
                Platform.runLater(view::focusPage);
                afterFirstFrame.run();
            }
        });
        // Decoding nine PNGs up to 1024 px is not needed to draw the first frame; the window manager takes the icons
        // whenever they arrive.
        deps.tasks().create(AppIcons::load).onSuccess(icons -> stage.getIcons().setAll(icons)).start();
        stage.show();
        StartupTrace.mark("shown");
    }

    /** True when closing now would lose typed input or stop running work. */
    public boolean needsCloseConfirmation() {
        return navigator.busyProperty().get() || session.unsavedProperty().get();
    }

    /** Closes the window, asking first when {@link #needsCloseConfirmation()}. Never blocks the UI thread. */
    public void requestClose() {
        if (!needsCloseConfirmation()) {
            close();
            return;
        }
        if (closeDialog != null && closeDialog.isShowing()) {
            return;
        }
        ButtonType leave = new ButtonType(texts.get("wizard.close.leave"), ButtonBar.ButtonData.OK_DONE);
        ButtonType stay = new ButtonType(texts.get("wizard.close.stay"), ButtonBar.ButtonData.CANCEL_CLOSE);
        closeDialog = new Alert(Alert.AlertType.CONFIRMATION,
                texts.get(navigator.busyProperty().get() ? "wizard.close.busy" : "wizard.close.unsaved"), stay, leave);
        closeDialog.setTitle(texts.get("wizard.close.title"));
        closeDialog.setHeaderText(texts.get("wizard.close.header"));
        Dialogs.prepare(closeDialog, window());
        // Enter and Esc both keep the window: closing with work at stake needs a deliberate choice.
        Dialogs.defaultTo(closeDialog, stay);
        closeDialog.resultProperty().addListener((obs, old, result) -> {
            if (result == leave) {
                navigator.cancelCurrent();
                close();
            }
        });
        closeDialog.show();
    }

    private javafx.stage.Window window() {
        return navigator.current().view().getScene().getWindow();
    }

    private void close() {
        javafx.stage.Window window = window();
        Settings updated = updateSettingsNow(s -> {
            Settings next = s.withWindowSize(window.getWidth(), window.getHeight()).withTheme(theme.choice());
            return planIsValid() ? next.withLastPlan(session.draft().toPlan()) : next;
        });
        deps.settings().saveLater(updated);
        window.hide();
    }

    private boolean planIsValid() {
        return identity.canAdvance().get() && hosting.canAdvance().get();
    }

    private void rememberDomain(String domain) {
        updateSettings(s -> s.withRecentDomain(domain));
    }

    private void rememberPlan(DelegationPlan plan) {
        updateSettings(s -> s.withLastPlan(plan).withRecentDomain(plan.serverName()));
    }

    private void updateSettings(java.util.function.UnaryOperator<Settings> change) {
        // One snapshot after another: the queue writes them in this order, so the newest always lands last.
        synchronized (settings) {
            deps.settings().saveLater(updateSettingsNow(change));
        }
    }

    private Settings updateSettingsNow(java.util.function.UnaryOperator<Settings> change) {
        return settings.updateAndGet(change);
    }

    public WizardNavigator navigator() {
        return navigator;
    }

    public WizardSession session() {
        return session;
    }

    public ThemeManager theme() {
        return theme;
    }

    /** The window's text size. */
    public TextSize textSize() {
        return textSize;
    }

    /** The current settings as the wizard would save them. */
    public Settings settings() {
        return settings.get();
    }

    /** Help and About, for tests. */
    public HelpWindows helpWindows() {
        return helpWindows;
    }

    /** The close dialog while it is shown, for tests. */
    public Alert closeDialog() {
        return closeDialog;
    }
}
