package dev.signpost.ui.steps;

/** The two ways through the wizard offered on the start page. */
public enum WizardPath {
    /** Set up delegation: identity, hosting, check, files, deploy, verify, done. */
    SET_UP,
    /** Check any domain: straight to the live check, then done. */
    CHECK_ONLY
}
