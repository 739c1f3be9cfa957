package dev.signpost.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * User-visible sentences from one resource bundle, formatted with {@link MessageFormat}.
 *
 * <p>Each core package keeps its own bundle ({@code dev/signpost/core/<package>/messages.properties}) so that
 * sentences live next to the logic that produces them. A key that is missing is a programming error and fails
 * loudly; tests compare bundle keys across languages.
 */
public final class Texts {

    private final ResourceBundle bundle;
    private final Locale locale;

    /**
     * @param baseName bundle base name, e.g. {@code dev.signpost.core.matrix.messages}
     * @param locale   the language to speak
     */
    public Texts(String baseName, Locale locale) {
        this.locale = Objects.requireNonNull(locale);
        this.bundle = ResourceBundle.getBundle(baseName, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * The sentence for {@code key} with {@code args} filled in. Every pattern goes through {@link MessageFormat},
     * with or without arguments, so {@code ''} is always one apostrophe and a brace is always quoted.
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing text key " + key + " in " + bundle.getBaseBundleName(), e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The locale these texts speak. */
    public Locale locale() {
        return locale;
    }
}
