package dev.signpost.core.plan;

import dev.signpost.core.text.Texts;

import java.util.Locale;

/** The plan rules' problems as sentences in the user's language, each tied to the field it is about. */
final class PlanSentences {

    private static final String BUNDLE = "dev.signpost.core.plan.messages";

    private final Texts texts;

    PlanSentences(Locale locale) {
        this.texts = new Texts(BUNDLE, locale);
    }

    PlanProblem error(String field, String key, Object... args) {
        return new PlanProblem(field, texts.get(key, args), PlanProblem.Severity.ERROR);
    }

    PlanProblem warning(String field, String key, Object... args) {
        return new PlanProblem(field, texts.get(key, args), PlanProblem.Severity.WARNING);
    }

    /** Typed text quoted back in a sentence, with control characters made visible rather than obeyed. */
    static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
