package dev.signpost.ui.steps;

import dev.signpost.core.text.Texts;
import dev.signpost.ui.WizardDependencies;

import java.util.Locale;

final class StepsTestSupport {

    static final Texts EN = new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH);
    static final Texts DE = new Texts(WizardDependencies.BUNDLE, Locale.GERMAN);

    private StepsTestSupport() {
    }

    /** A session on the set-up path with a valid plan for example.com → matrix.example.com:8448. */
    static WizardSession validSession() {
        WizardSession session = new WizardSession();
        PlanDraft draft = session.draft();
        draft.serverName.set("example.com");
        draft.federationHost.set("matrix.example.com");
        draft.clientBaseUrl.set("https://matrix.example.com");
        return session;
    }
}
