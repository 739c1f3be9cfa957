package dev.signpost.core.matrix;

import dev.signpost.core.text.Texts;

import java.util.Locale;

/** The sentences of this package. */
final class MatrixTexts {

    static final String BUNDLE = "dev.signpost.core.matrix.messages";

    private MatrixTexts() {
    }

    static Texts of(Locale locale) {
        return new Texts(BUNDLE, locale == null ? Locale.ENGLISH : locale);
    }
}
