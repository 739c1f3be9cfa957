package dev.signpost.ui.steps;

import dev.signpost.core.deploy.ServerLayout;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.Arrays;
import java.util.List;

/**
 * The install's fields on the deploy page: distribution, config file, test and reload command, sudo. Each empty
 * field means the distribution's default, which its prompt shows (the core's {@link ServerLayout}, never a list of
 * our own here).
 */
final class SetupFields extends VBox {

    /** The distribution choice; DETECT reads {@code /etc/os-release} on the server. */
    enum Choice {
        DETECT(null),
        DEBIAN(ServerLayout.Distribution.DEBIAN),
        FEDORA(ServerLayout.Distribution.FEDORA);

        final ServerLayout.Distribution distribution;

        Choice(ServerLayout.Distribution distribution) {
            this.distribution = distribution;
        }

        static Choice of(ServerLayout.Distribution distribution) {
            return Arrays.stream(values()).filter(c -> c.distribution == distribution).findFirst().orElse(DETECT);
        }
    }

    SetupFields(DeployViewModel model, Texts texts) {
        super(6);
        setId("deploy-setup-fields");
        ChoiceBox<Choice> distribution = new ChoiceBox<>();
        distribution.setId("deploy-setup-distribution");
        distribution.getItems().setAll(List.of(Choice.values()));
        distribution.setConverter(new StringConverter<>() {
            @Override
            public String toString(Choice choice) {
                return choice == null ? "" : texts.get("wizard.deploy.setup.distribution." + choice.name()
                        .toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public Choice fromString(String text) {
                return null;
            }
        });
        distribution.setValue(Choice.of(model.distributionProperty().get()));
        distribution.valueProperty().addListener((obs, old, now) -> model.distributionProperty().set(
                now == null ? null : now.distribution));

        TextField config = field("deploy-setup-config", model.configPathProperty());
        config.promptTextProperty().bind(model.configPathPrompt());
        TextField test = field("deploy-setup-test", model.testCommandProperty());
        test.promptTextProperty().bind(model.testCommandPrompt());
        TextField reload = field("deploy-setup-reload", model.reloadCommandProperty());
        reload.promptTextProperty().bind(model.reloadCommandPrompt());
        CheckBox sudo = new CheckBox(texts.get("wizard.deploy.setup.sudo"));
        sudo.setId("deploy-setup-sudo");
        sudo.selectedProperty().bindBidirectional(model.sudoProperty());

        getChildren().setAll(
                Ui.fieldLabel(texts.get("wizard.deploy.setup.distribution.label"), distribution), distribution,
                Ui.fieldLabel(texts.get("wizard.deploy.setup.config.label"), config), config,
                Ui.fieldLabel(texts.get("wizard.deploy.setup.test.label"), test), test,
                Ui.fieldLabel(texts.get("wizard.deploy.setup.reload.label"), reload), reload,
                sudo, Ui.hint(texts.get("wizard.deploy.setup.sudo.hint")));
        DeployView.shownIf(this, model.installsSetupProperty());
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
