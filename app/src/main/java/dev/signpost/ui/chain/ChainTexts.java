package dev.signpost.ui.chain;

import dev.signpost.core.text.Texts;

import java.util.Locale;

/** The diagram's own sentences ({@code dev/signpost/ui/chain/messages.properties}). */
final class ChainTexts {

    static final String BUNDLE = "dev.signpost.ui.chain.messages";

    private final Texts texts;

    ChainTexts(Locale locale) {
        this.texts = new Texts(BUNDLE, locale);
    }

    String get(String key, Object... args) {
        return texts.get(key, args);
    }
}
