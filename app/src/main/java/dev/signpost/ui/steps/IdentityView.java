package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/** The identity page: the server name field, its punycode, the warning and the delegated-host question. */
public final class IdentityView extends VBox {

    private final ValidationSupport validation = new ValidationSupport();

    public IdentityView(IdentityViewModel model, Texts texts) {
        getStyleClass().add("page");
        TextField name = new TextField();
        name.setId("identity-server-name");
        name.setPromptText(texts.get("wizard.identity.serverName.prompt"));
        name.textProperty().bindBidirectional(model.serverNameProperty());

        Validation.decorate(validation);
        validation.registerValidator(name, false,
                (control, value) -> ValidationResult.fromErrorIf(control, model.errorFor((String) value),
                        model.errorFor((String) value) != null));
        // An empty field is not yet a mistake: decorations appear once the user typed (or a name was remembered).
        validation.setErrorDecorationEnabled(!name.getText().isBlank());
        name.textProperty().addListener((obs, old, now) -> validation.setErrorDecorationEnabled(true));
        var shownError = Bindings.createStringBinding(
                () -> validation.errorDecorationEnabledProperty().get() ? model.errorProperty().get() : null,
                model.errorProperty(), validation.errorDecorationEnabledProperty());

        Label ascii = Ui.hint("");
        ascii.setId("identity-punycode");
        ascii.textProperty().bind(model.asciiNoteProperty());
        ascii.visibleProperty().bind(model.asciiNoteProperty().isNotNull());
        ascii.managedProperty().bind(ascii.visibleProperty());

        Label warningTitle = new Label(texts.get("wizard.identity.permanent.title"));
        warningTitle.getStyleClass().add("field-label");
        VBox permanent = Ui.notice(warningTitle, Ui.hint(texts.get("wizard.identity.permanent.text")));

        Label question = new Label();
        question.setWrapText(true);
        question.textProperty().bind(model.suggestionNoticeProperty());
        Button use = new Button();
        use.setId("identity-use-suggestion");
        use.textProperty().bind(Bindings.createStringBinding(() -> model.suggestionProperty().get() == null ? ""
                : texts.get("wizard.identity.delegatedHost.use", model.suggestionProperty().get()),
                model.suggestionProperty()));
        use.setOnAction(e -> model.useSuggestion());
        Button keep = new Button(texts.get("wizard.identity.delegatedHost.keep"));
        keep.setId("identity-keep");
        keep.setOnAction(e -> model.keepAsTyped());
        Ui.keepWhole(use, keep);
        VBox ask = Ui.notice(question, new HBox(8, use, keep));
        ask.setId("identity-suggestion");
        ask.visibleProperty().bind(model.suggestionProperty().isNotNull().and(model.keptAsTypedProperty().not()));
        ask.managedProperty().bind(ask.visibleProperty());

        getChildren().addAll(
                Ui.lead(texts.get("wizard.identity.lead")),
                Ui.fieldLabel(texts.get("wizard.identity.serverName.label"), name),
                name,
                Ui.errorLine(shownError),
                ascii,
                Ui.hint(texts.get("wizard.identity.serverName.help")),
                ask,
                permanent);
        getProperties().put(Ui.INITIAL_FOCUS, name);
    }

    /** The decorations, for tests. */
    public ValidationSupport validation() {
        return validation;
    }
}
