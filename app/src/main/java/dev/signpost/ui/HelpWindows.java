package dev.signpost.ui;

import dev.signpost.Version;
import dev.signpost.core.text.Texts;
import dev.signpost.log.LogDirectory;
import dev.signpost.ui.task.BackgroundTasks;
import dev.signpost.ui.widgets.Dialogs;
import dev.signpost.ui.widgets.Ui;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Help (F1: the current step's section of the shipped documentation) and About (version, licence, the shipped
 * documentation pages, and the support log's folder). Help is one window, reused, beside the wizard so both can be
 * read at once.
 */
public final class HelpWindows {

    private final Texts texts;
    private final Supplier<Window> owner;
    private final BackgroundTasks tasks;
    private LogFolder.Opener folderOpener = LogFolder.desktop();
    private Stage help;
    private Alert about;

    /** @param tasks runs the log folder's opening off the UI thread */
    public HelpWindows(Texts texts, Supplier<Window> owner, BackgroundTasks tasks) {
        this.texts = texts;
        this.owner = owner;
        this.tasks = tasks;
    }

    /** Shows the help for the step with this id. */
    public void showStep(String stepId) {
        showMarkdown(HelpPages.forStep(stepId));
    }

    /** Shows one shipped documentation page. */
    public void showPage(String name) {
        showMarkdown(HelpPages.page(name));
    }

    private void showMarkdown(String markdown) {
        if (help == null) {
            help = new Stage();
            help.initOwner(owner.get());
            ScrollPane scroll = new ScrollPane();
            scroll.setFitToWidth(true);
            scroll.getStyleClass().add("help-scroll");
            Scene scene = new Scene(scroll, 620, 560);
            help.setScene(scene);
            help.getIcons().setAll(AppIcons.load());
        }
        Window wizard = owner.get();
        if (wizard != null && wizard.getScene() != null) {
            help.getScene().getStylesheets().setAll(wizard.getScene().getStylesheets());
        }
        VBox page = HelpPages.render(markdown);
        page.setId("help-page");
        ((ScrollPane) help.getScene().getRoot()).setContent(page);
        ((ScrollPane) help.getScene().getRoot()).setVvalue(0);
        help.setTitle(texts.get("app.help.title", HelpPages.title(markdown)));
        help.show();
        help.toFront();
    }

    /** The About dialog: version, licence and the documentation shipped with the app. */
    public void showAbout() {
        if (about != null && about.isShowing()) {
            return;
        }
        about = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        about.setTitle(texts.get("app.about.title"));
        about.setHeaderText(texts.get("app.about.header", Version.get()));
        about.setGraphic(null);
        VBox content = new VBox(8);
        content.setId("about-content");
        content.getChildren().add(Ui.hint(texts.get("app.about.text")));
        content.getChildren().add(new Label(texts.get("app.about.licence")));
        Hyperlink licence = new Hyperlink(texts.get("app.about.licenceText"));
        licence.setId("about-licence");
        licence.setOnAction(e -> showMarkdown("# " + texts.get("app.about.licenceTitle") + "\n\n```\n"
                + HelpPages.licence() + "\n```\n"));
        content.getChildren().addAll(licence, Ui.section(texts.get("app.about.docs")));
        for (String page : HelpPages.PAGES) {
            Hyperlink link = new Hyperlink(HelpPages.title(HelpPages.page(page)));
            link.setId("about-doc-" + page);
            link.setOnAction(e -> showPage(page));
            content.getChildren().add(link);
        }
        content.getChildren().addAll(Ui.section(texts.get("app.about.log")), logFolderLink());
        about.getDialogPane().setContent(content);
        Dialogs.prepare(about, owner.get());
        about.show();
    }

    /**
     * "Open log folder": opens the support log's folder in the file manager on a worker; when there is none, or it
     * cannot be opened, a sentence under the link says where the folder is, so the user can go there themselves.
     */
    private VBox logFolderLink() {
        Path folder = LogDirectory.current();
        Hyperlink open = new Hyperlink(texts.get("app.about.log.open"));
        open.setId("about-log-folder");
        Label note = Ui.hint(texts.get("app.about.log.where", folder.toString()));
        note.setId("about-log-note");
        open.setOnAction(e -> {
            open.setDisable(true);
            tasks.create(() -> LogFolder.open(folder, folderOpener))
                    .onSuccess(opened -> note.setText(texts.get(opened ? "app.about.log.opened"
                            : "app.about.log.noFileManager", folder.toString())))
                    .onError(failure -> note.setText(texts.get("app.about.log.failed", folder.toString(),
                            failure.getMessage() == null ? failure.getClass().getSimpleName()
                                    : failure.getMessage())))
                    .andFinally(() -> open.setDisable(false))
                    .start();
        });
        return new VBox(2, open, note);
    }

    /** Replaces the file manager, for tests. */
    void setFolderOpener(LogFolder.Opener opener) {
        this.folderOpener = opener;
    }

    /** The About dialog while it exists, for tests. */
    Alert aboutDialog() {
        return about;
    }

    /** The help window while it exists, for tests. */
    Stage helpWindow() {
        return help;
    }
}
