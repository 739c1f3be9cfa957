package dev.signpost.ui.steps;

import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

import java.util.function.Function;

/** The hosting page: where the homeserver runs, its ports and software, what serves the server name today. */
public final class HostingView extends VBox {

    private final ValidationSupport validation = new ValidationSupport();
    private final Texts texts;

    public HostingView(HostingViewModel model, Texts texts) {
        this.texts = texts;
        PlanDraft draft = model.draft();
        getStyleClass().add("page");
        Validation.decorate(validation);

        ComboBox<FederationMode> mode = combo("hosting-mode", FederationMode.values(), draft.federationMode,
                "wizard.hosting.mode.");
        Label modeHelp = Ui.hint("");
        modeHelp.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("wizard.hosting.mode.help." + draft.federationMode.get().name(),
                        draft.serverName.get().strip()), draft.federationMode, draft.serverName));
        var delegated = draft.federationMode.isNotEqualTo(FederationMode.DIRECT);

        TextField host = field("hosting-host", draft.federationHost, "wizard.hosting.host.prompt");
        host.disableProperty().bind(delegated.not());

        ToggleGroup ports = new ToggleGroup();
        RadioButton p8448 = radio("hosting-port-8448", "wizard.hosting.port.DEFAULT_8448", ports, PortChoice.DEFAULT_8448);
        RadioButton p443 = radio("hosting-port-443", "wizard.hosting.port.HTTPS_443", ports, PortChoice.HTTPS_443);
        RadioButton pOther = radio("hosting-port-other", "wizard.hosting.port.OTHER", ports, PortChoice.OTHER);
        ports.getToggles().stream().filter(t -> t.getUserData() == draft.portChoice.get()).findFirst()
                .ifPresent(ports::selectToggle);
        ports.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                draft.portChoice.set((PortChoice) now.getUserData());
            }
        });
        TextField otherPort = field("hosting-other-port", draft.otherPort, "wizard.hosting.port.otherPrompt");
        otherPort.setPrefColumnCount(6);
        otherPort.disableProperty().bind(draft.portChoice.isNotEqualTo(PortChoice.OTHER));
        Ui.keepWhole(p8448, p443, pOther);
        // Wraps instead of cutting the choices short at large text sizes.
        javafx.scene.layout.FlowPane portRow = new javafx.scene.layout.FlowPane(12, 6, p8448, p443, pOther, otherPort);
        portRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        portRow.disableProperty().bind(delegated.not());
        Label tradeOff = Ui.hint("");
        tradeOff.setId("hosting-port-trade-off");
        tradeOff.textProperty().bind(model.portTradeOffProperty());

        TextField baseUrl = field("hosting-base-url", draft.clientBaseUrl, "wizard.hosting.baseUrl.prompt");
        ComboBox<HomeserverKind> homeserver = combo("hosting-homeserver", HomeserverKind.values(), draft.homeserver,
                "wizard.hosting.homeserver.");
        ComboBox<WebServerKind> webServer = combo("hosting-web-server", WebServerKind.values(), draft.webServer,
                "wizard.hosting.webServer.");

        CheckBox proxy = new CheckBox(texts.get("wizard.hosting.proxy.label"));
        proxy.setId("hosting-proxy");
        // The label contains "/_matrix/": no mnemonic, and wrap at large text sizes.
        proxy.setMnemonicParsing(false);
        proxy.setWrapText(true);
        proxy.setMinHeight(Label.USE_PREF_SIZE);
        proxy.selectedProperty().bindBidirectional(draft.federationProxy);
        TextField upstream = field("hosting-upstream", draft.homeserverUpstream, "wizard.hosting.upstream.prompt");
        upstream.disableProperty().bind(draft.federationProxy.not());

        TextField identity = field("hosting-identity", draft.identityServerUrl, "wizard.hosting.identity.prompt");
        TextField email = field("hosting-support-email", draft.supportEmail, "wizard.hosting.support.email.prompt");
        TextField matrixId = field("hosting-support-matrix-id", draft.supportMatrixId,
                "wizard.hosting.support.matrixId.prompt");

        getChildren().addAll(
                Ui.lead(texts.get("wizard.hosting.lead")),
                Ui.fieldLabel(texts.get("wizard.hosting.mode.label"), mode), mode, modeHelp,
                Ui.fieldLabel(texts.get("wizard.hosting.host.label"), host), host,
                validated(host, model::hostError, draft.federationHost),
                Ui.hint(texts.get("wizard.hosting.host.help")),
                Ui.fieldLabel(texts.get("wizard.hosting.port.label"), p8448), portRow,
                validated(otherPort, model::otherPortError, draft.otherPort),
                tradeOff,
                Ui.fieldLabel(texts.get("wizard.hosting.baseUrl.label"), baseUrl), baseUrl,
                validated(baseUrl, model::baseUrlError, draft.clientBaseUrl),
                Ui.hint(texts.get("wizard.hosting.baseUrl.help")),
                Ui.fieldLabel(texts.get("wizard.hosting.homeserver.label"), homeserver), homeserver,
                webServerLabel(draft, webServer), webServer,
                Ui.hint(texts.get("wizard.hosting.webServer.help")),
                proxy,
                Ui.fieldLabel(texts.get("wizard.hosting.upstream.label"), upstream), upstream,
                validated(upstream, model::upstreamError, draft.homeserverUpstream),
                Ui.section(texts.get("wizard.hosting.optional")),
                Ui.fieldLabel(texts.get("wizard.hosting.identity.label"), identity), identity,
                validated(identity, model::identityServerError, draft.identityServerUrl),
                Ui.fieldLabel(texts.get("wizard.hosting.support.email.label"), email), email,
                validated(email, model::supportEmailError, draft.supportEmail),
                Ui.fieldLabel(texts.get("wizard.hosting.support.matrixId.label"), matrixId), matrixId,
                validated(matrixId, model::supportMatrixIdError, draft.supportMatrixId),
                new CallsAndSignInView(model, texts, this::validated));

        VBox problems = new VBox(4);
        problems.setId("hosting-plan-problems");
        Runnable showProblems = () -> problems.getChildren().setAll(model.planProblemsProperty().get().stream()
                .map(problem -> (javafx.scene.Node) new HBox(Ui.status(problem.isError()
                        ? dev.signpost.core.model.Status.FAIL : dev.signpost.core.model.Status.WARN, texts),
                        wrapped(problem.message())))
                .toList());
        model.planProblemsProperty().addListener((obs, old, now) -> showProblems.run());
        showProblems.run();
        getChildren().add(getChildren().indexOf(tradeOff) + 1, problems);

        // Some fields' validity depends on others (the port field on the choice, the host on the mode).
        for (var dependency : new javafx.beans.Observable[]{draft.portChoice, draft.federationMode, draft.federationProxy}) {
            dependency.addListener(observable -> validation.revalidate());
        }
        getProperties().put(Ui.INITIAL_FOCUS, host);
    }

    /** "What serves https://&lt;server name&gt; today", following the name typed on the identity page. */
    private Label webServerLabel(PlanDraft draft, javafx.scene.Node webServer) {
        Label label = Ui.fieldLabel("", webServer);
        label.textProperty().bind(Bindings.createStringBinding(
                () -> texts.get("wizard.hosting.webServer.label", draft.serverName.get().strip()), draft.serverName));
        return label;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
        return label;
    }

    private TextField field(String id, javafx.beans.property.StringProperty property, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(texts.get(promptKey));
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private RadioButton radio(String id, String key, ToggleGroup group, PortChoice choice) {
        RadioButton button = new RadioButton(texts.get(key));
        button.setId(id);
        button.setToggleGroup(group);
        button.setUserData(choice);
        return button;
    }

    private <E extends Enum<E>> ComboBox<E> combo(String id, E[] values, ObjectProperty<E> property, String keyPrefix) {
        ComboBox<E> combo = new ComboBox<>();
        combo.setId(id);
        combo.getItems().setAll(values);
        combo.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : texts.get(keyPrefix + value.name());
            }

            @Override
            public E fromString(String string) {
                return null;
            }
        });
        combo.valueProperty().bindBidirectional(property);
        return combo;
    }

    /** Registers the field's validator and returns the sentence line shown under it. */
    private Label validated(TextField field, Function<String, String> error, ObservableStringValue value) {
        validation.registerValidator(field, false, (control, text) -> {
            String message = error.apply((String) text);
            return ValidationResult.fromErrorIf(control, message, message != null);
        });
        var dependencies = new javafx.beans.Observable[]{value, validation.validationResultProperty()};
        Label line = Ui.errorLine(Bindings.createStringBinding(() -> error.apply(value.get()), dependencies));
        line.setId(field.getId() + "-error");
        return line;
    }

    /** The decorations, for tests. */
    public ValidationSupport validation() {
        return validation;
    }
}
