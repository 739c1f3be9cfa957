package dev.signpost.ui.steps;

import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * The one decoration style of the wizard: ControlsFX puts an {@code error} style class on an invalid field (drawn
 * as a red outline by the stylesheet) and the page shows the sentence under it. ControlsFX's graphic decoration is
 * not used: its markers are bitmaps, blurry at 2×.
 */
final class Validation {

    private Validation() {
    }

    static void decorate(ValidationSupport support) {
        support.setValidationDecorator(new StyleClassValidationDecoration());
    }
}
