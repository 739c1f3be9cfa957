package dev.signpost.ui;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.widgets.Ui;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

/** The header's text size control: "Text size: System / 100 % … 200 %". */
final class TextSizeMenu extends HBox {

    TextSizeMenu(IntegerProperty percent, Texts texts) {
        getStyleClass().add("theme-menu");
        setAlignment(Pos.CENTER_RIGHT);
        ChoiceBox<Integer> choices = new ChoiceBox<>();
        choices.setId("text-size-choice");
        choices.getItems().setAll(TextSize.CHOICES);
        choices.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                if (value == null) {
                    return "";
                }
                return value == dev.signpost.ui.settings.Settings.FOLLOW_DESKTOP ? texts.get("app.textSize.system")
                        : texts.get("app.textSize.percent", String.valueOf(value));
            }

            @Override
            public Integer fromString(String text) {
                throw new UnsupportedOperationException("the text size menu is not editable");
            }
        });
        choices.setValue(percent.get());
        choices.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                percent.set(now);
            }
        });
        percent.addListener((obs, old, now) -> choices.setValue(now.intValue()));
        Label label = Ui.fieldLabel(texts.get("app.textSize.label"), choices);
        label.setWrapText(false);
        label.setMinWidth(Label.USE_PREF_SIZE);
        getChildren().addAll(label, choices);
    }
}
