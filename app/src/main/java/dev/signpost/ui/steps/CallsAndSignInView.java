package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The hosting page's collapsed "Calls and sign-in": the call service Element Call uses and the sign-in service's
 * issuer. Opened from the start when a remembered plan has either, so nothing planned is hidden.
 */
final class CallsAndSignInView extends TitledPane {

    /** Registers a field's validator with the page and returns the sentence line shown under it. */
    interface FieldValidation {
        Label validated(TextField field, Function<String, String> error, ObservableStringValue value);
    }

    CallsAndSignInView(HostingViewModel model, Texts texts, FieldValidation validation) {
        PlanDraft draft = model.draft();
        setText(texts.get("wizard.hosting.calls.title"));
        setId("hosting-calls");
        setAnimated(false);
        setExpanded(!draft.callServiceUrl.get().isBlank() || !draft.authIssuerUrl.get().isBlank());

        TextField call = field("hosting-call-service", draft.callServiceUrl,
                texts.get("wizard.hosting.calls.call.prompt"));
        TextField issuer = field("hosting-auth-issuer", draft.authIssuerUrl,
                texts.get("wizard.hosting.calls.issuer.prompt"));
        VBox content = new VBox(6,
                Ui.hint(texts.get("wizard.hosting.calls.lead")),
                Ui.fieldLabel(texts.get("wizard.hosting.calls.call.label"), call), call,
                validation.validated(call, model::callServiceError, draft.callServiceUrl),
                Ui.hint(texts.get("wizard.hosting.calls.call.help")),
                Ui.fieldLabel(texts.get("wizard.hosting.calls.issuer.label"), issuer), issuer,
                validation.validated(issuer, model::authIssuerError, draft.authIssuerUrl),
                Ui.hint(texts.get("wizard.hosting.calls.issuer.help")));
        setContent(content);
    }

    private static TextField field(String id, StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
