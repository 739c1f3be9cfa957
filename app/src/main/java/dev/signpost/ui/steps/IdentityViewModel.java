package dev.signpost.ui.steps;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Locale;
import java.util.Set;

/**
 * The identity page: the server name, validated as typed, with its punycode form and the notice when it looks like
 * the homeserver's own host ({@code matrix.example.com}) rather than the name users get ({@code example.com}).
 */
public final class IdentityViewModel implements StepModel {

    /** First labels that usually name the machine running the homeserver, not the server name. */
    private static final Set<String> HOST_LABELS = Set.of("matrix", "synapse", "dendrite", "conduit", "conduwuit",
            "continuwuity", "chat", "hs", "homeserver", "m", "element", "im");

    private final PlanDraft draft;
    private final Texts texts;
    private final StringBinding error;
    private final StringBinding asciiNote;
    private final StringBinding suggestion;
    private final BooleanProperty keepAsTyped = new SimpleBooleanProperty();
    private final BooleanBinding canAdvance;

    public IdentityViewModel(PlanDraft draft, Texts texts) {
        this.draft = draft;
        this.texts = texts;
        StringProperty name = draft.serverName;
        error = Bindings.createStringBinding(() -> errorFor(name.get()), name);
        asciiNote = Bindings.createStringBinding(() -> {
            ServerName parsed = parseOrNull(name.get());
            return parsed != null && parsed.isInternationalised()
                    ? texts.get("wizard.identity.punycode", parsed.authority()) : null;
        }, name);
        suggestion = Bindings.createStringBinding(() -> suggestionFor(name.get()), name);
        name.addListener((obs, old, now) -> keepAsTyped.set(false));
        canAdvance = Bindings.createBooleanBinding(
                () -> error.get() == null && (suggestion.get() == null || keepAsTyped.get()),
                error, suggestion, keepAsTyped);
    }

    /** The grammar's sentence for {@code text}, or null when valid. */
    public String errorFor(String text) {
        try {
            ServerName.parse(text, texts.locale());
            return null;
        } catch (InvalidServerNameException e) {
            return e.getMessage();
        }
    }

    private ServerName parseOrNull(String text) {
        try {
            return ServerName.parse(text, texts.locale());
        } catch (InvalidServerNameException e) {
            return null;
        }
    }

    /** The probable server name when {@code text} looks like a delegated host, e.g. example.com for matrix.example.com. */
    String suggestionFor(String text) {
        ServerName parsed = parseOrNull(text);
        if (parsed == null || parsed.isIpLiteral() || parsed.hasPort()) {
            return null;
        }
        String[] labels = parsed.original().split("\\.");
        if (labels.length < 3 || !HOST_LABELS.contains(labels[0].toLowerCase(Locale.ROOT))) {
            return null;
        }
        return parsed.original().substring(labels[0].length() + 1);
    }

    /** The notice asking whether the typed name is really the server name, or null. */
    public StringBinding suggestionNoticeProperty() {
        return Bindings.createStringBinding(() -> suggestion.get() == null ? null
                : texts.get("wizard.identity.delegatedHost.notice", draft.serverName.get().strip(), suggestion.get()),
                suggestion);
    }

    /** "Use example.com": the typed name becomes the homeserver host, the suggestion the server name. */
    public void useSuggestion() {
        String host = draft.serverName.get().strip();
        String name = suggestion.get();
        if (name == null) {
            return;
        }
        if (draft.federationHost.get().isBlank()) {
            draft.federationHost.set(host);
        }
        draft.serverName.set(name);
    }

    /** "No, it really is my server name". */
    public void keepAsTyped() {
        keepAsTyped.set(true);
    }

    public StringProperty serverNameProperty() {
        return draft.serverName;
    }

    public StringBinding errorProperty() {
        return error;
    }

    /** "Looked up as xn--…" for internationalised names, else null. */
    public StringBinding asciiNoteProperty() {
        return asciiNote;
    }

    public StringBinding suggestionProperty() {
        return suggestion;
    }

    public BooleanProperty keptAsTypedProperty() {
        return keepAsTyped;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return canAdvance;
    }
}
