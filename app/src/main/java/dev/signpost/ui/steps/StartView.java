package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The start page: two big choices and the recent domains. */
public final class StartView extends VBox {

    public StartView(StartViewModel model, NetworkViewModel network, Texts texts) {
        getStyleClass().add("page");

        Button setUp = new Button(texts.get("wizard.start.setUp.button"));
        setUp.setId("start-set-up");
        setUp.getStyleClass().add("big-button");
        setUp.setOnAction(e -> model.setUp());
        // A check must not start on the system's network while the user's own settings are wrong or still loading.
        var networkBlocks = network.blocksChecks();
        setUp.disableProperty().bind(networkBlocks);
        VBox setUpCard = new VBox(Ui.section(texts.get("wizard.start.setUp.title")),
                Ui.hint(texts.get("wizard.start.setUp.text")), setUp);
        setUpCard.getStyleClass().add("choice-card");
        String resumable = model.resumableServerName();
        if (resumable != null && !resumable.isBlank()) {
            setUpCard.getChildren().add(2, Ui.hint(texts.get("wizard.start.setUp.resume", resumable)));
        }

        TextField domain = new TextField();
        domain.setId("start-domain");
        domain.setPromptText(texts.get("wizard.start.check.prompt"));
        domain.textProperty().bindBidirectional(model.domainToCheckProperty());
        Button check = new Button(texts.get("wizard.start.check.button"));
        check.setId("start-check");
        check.getStyleClass().add("big-button");
        // Only complain once something was typed: an empty field is not a mistake yet.
        var shownError = javafx.beans.binding.Bindings.createStringBinding(
                () -> model.domainToCheckProperty().get().isBlank() ? null : model.domainErrorProperty().get(),
                model.domainErrorProperty(), model.domainToCheckProperty());
        check.disableProperty().bind(model.domainErrorProperty().isNotNull().or(networkBlocks));
        check.setOnAction(e -> model.checkDomain());
        domain.setOnAction(e -> {
            if (!networkBlocks.get()) {
                model.checkDomain();
            }
            e.consume();
        });
        HBox.setHgrow(domain, Priority.ALWAYS);
        Ui.keepWhole(check, setUp);
        HBox row = new HBox(8, domain, check);
        VBox checkCard = new VBox(Ui.section(texts.get("wizard.start.check.title")),
                Ui.hint(texts.get("wizard.start.check.text")),
                Ui.fieldLabel(texts.get("wizard.start.check.label"), domain), row, Ui.errorLine(shownError));
        checkCard.getStyleClass().add("choice-card");

        if (!model.recentDomains().isEmpty()) {
            FlowPane recent = new FlowPane(6, 4);
            recent.setId("start-recent");
            for (String name : model.recentDomains()) {
                Hyperlink link = new Hyperlink(name);
                link.setMnemonicParsing(false);
                link.setOnAction(e -> model.pickRecent(name));
                recent.getChildren().add(link);
            }
            Label recentLabel = new Label(texts.get("wizard.start.recent"));
            recentLabel.getStyleClass().add("muted");
            checkCard.getChildren().addAll(recentLabel, recent);
        }

        getChildren().addAll(Ui.lead(texts.get("wizard.start.lead")), setUpCard, checkCard,
                new NetworkView(network, texts));
        getProperties().put(Ui.INITIAL_FOCUS, setUp);
    }
}
