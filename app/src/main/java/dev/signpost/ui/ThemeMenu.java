package dev.signpost.ui;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.settings.Settings.ThemeChoice;
import dev.signpost.ui.widgets.Ui;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** The header's theme control: "Theme: System / Light / Dark", always showing which one is in force. */
final class ThemeMenu extends HBox {

    private final ChoiceBox<ThemeChoice> choices = new ChoiceBox<>();

    ThemeMenu(ObjectProperty<ThemeChoice> choice, Texts texts) {
        getStyleClass().add("theme-menu");
        setAlignment(Pos.CENTER_RIGHT);
        choices.setId("theme-choice");
        choices.getItems().setAll(ThemeChoice.values());
        choices.setConverter(new StringConverter<>() {
            @Override
            public String toString(ThemeChoice value) {
                return value == null ? "" : texts.get("app.theme." + value.name());
            }

            @Override
            public ThemeChoice fromString(String text) {
                throw new UnsupportedOperationException("the theme menu is not editable");
            }
        });
        choices.valueProperty().bindBidirectional(choice);
        Label label = Ui.fieldLabel(texts.get("app.theme.label"), choices);
        label.setWrapText(false);
        label.setMinWidth(Label.USE_PREF_SIZE);
        getChildren().addAll(label, choices);
    }

    /** The control that takes the keyboard focus. */
    ChoiceBox<ThemeChoice> choiceBox() {
        return choices;
    }
}
