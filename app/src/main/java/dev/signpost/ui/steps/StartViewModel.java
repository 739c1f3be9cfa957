package dev.signpost.ui.steps;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The start page: choose between setting up delegation and checking any domain. Choosing moves on by itself, so
 * the page has no Next of its own.
 */
public final class StartViewModel implements StepModel {

    private final WizardSession session;
    private final Locale locale;
    private final Consumer<WizardPath> onChoose;
    private final ObservableList<String> recentDomains;
    private final StringProperty domainToCheck = new SimpleStringProperty("");
    private final StringBinding domainError;

    /**
     * @param recentDomains recently used server names, newest first
     * @param onChoose      moves the wizard onto the chosen path
     */
    public StartViewModel(WizardSession session, Locale locale, List<String> recentDomains,
                          Consumer<WizardPath> onChoose) {
        this.session = session;
        this.locale = locale;
        this.onChoose = onChoose;
        this.recentDomains = FXCollections.observableArrayList(recentDomains);
        this.domainError = Bindings.createStringBinding(() -> errorFor(domainToCheck.get()), domainToCheck);
    }

    /** The grammar's sentence for {@code text}, or null when it is a valid server name. */
    public String errorFor(String text) {
        try {
            ServerName.parse(text, locale);
            return null;
        } catch (InvalidServerNameException e) {
            return e.getMessage();
        }
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return Bindings.createBooleanBinding(() -> false);
    }

    /** "Set up delegation for my domain". */
    public void setUp() {
        session.pathProperty().set(WizardPath.SET_UP);
        onChoose.accept(WizardPath.SET_UP);
    }

    /** "Check a domain": straight to the live check; ignored while the domain is invalid. */
    public boolean checkDomain() {
        if (domainError.get() != null) {
            return false;
        }
        session.checkDomainProperty().set(domainToCheck.get().strip());
        session.pathProperty().set(WizardPath.CHECK_ONLY);
        onChoose.accept(WizardPath.CHECK_ONLY);
        return true;
    }

    /** Picks a recent domain for the check field. */
    public void pickRecent(String domain) {
        domainToCheck.set(domain);
    }

    public StringProperty domainToCheckProperty() {
        return domainToCheck;
    }

    public StringBinding domainErrorProperty() {
        return domainError;
    }

    public ObservableList<String> recentDomains() {
        return recentDomains;
    }

    /** The server name of the remembered plan, or empty when there is none. */
    public String resumableServerName() {
        return session.draft().serverName.get();
    }
}
