package dev.signpost.ui.steps;

import org.junit.jupiter.api.Test;

import static dev.signpost.ui.steps.StepsTestSupport.DE;
import static dev.signpost.ui.steps.StepsTestSupport.EN;
import static org.assertj.core.api.Assertions.assertThat;

class IdentityViewModelTest {

    private final PlanDraft draft = new PlanDraft();
    private final IdentityViewModel model = new IdentityViewModel(draft, EN);

    @Test
    void validatesAsTyped() {
        assertThat(model.canAdvance().get()).isFalse();
        draft.serverName.set("https://example.com");
        assertThat(model.errorProperty().get()).contains("without https://");
        assertThat(model.canAdvance().get()).isFalse();
        draft.serverName.set("example.com");
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.canAdvance().get()).isTrue();
    }

    @Test
    void explainsUserIdsAndPorts() {
        draft.serverName.set("@alice:example.com");
        assertThat(model.errorProperty().get()).contains("looks like a user ID");
        draft.serverName.set("example.com:99999");
        assertThat(model.errorProperty().get()).contains("out of range");
    }

    @Test
    void showsPunycodeForInternationalNames() {
        draft.serverName.set("bücher.example");
        assertThat(model.asciiNoteProperty().get()).isEqualTo("Looked up in DNS as xn--bcher-kva.example.");
        draft.serverName.set("example.com");
        assertThat(model.asciiNoteProperty().get()).isNull();
    }

    @Test
    void asksWhenTheNameLooksLikeTheDelegatedHost() {
        draft.serverName.set("matrix.example.com");
        assertThat(model.suggestionProperty().get()).isEqualTo("example.com");
        assertThat(model.suggestionNoticeProperty().get()).contains("@NAME:example.com");
        assertThat(model.canAdvance().get()).isFalse();

        model.useSuggestion();
        assertThat(draft.serverName.get()).isEqualTo("example.com");
        assertThat(draft.federationHost.get()).isEqualTo("matrix.example.com");
        assertThat(model.canAdvance().get()).isTrue();
    }

    @Test
    void keepingTheTypedNameIsAllowedUntilItChanges() {
        draft.serverName.set("chat.example.com");
        model.keepAsTyped();
        assertThat(model.canAdvance().get()).isTrue();
        draft.serverName.set("matrix.example.com");
        assertThat(model.canAdvance().get()).isFalse();
    }

    @Test
    void doesNotAskForOrdinaryNames() {
        for (String name : new String[]{"example.com", "mail.example.com", "matrix.org", "192.0.2.1", "matrix.example.com:8448"}) {
            draft.serverName.set(name);
            assertThat(model.suggestionProperty().get()).as(name).isNull();
        }
    }

    @Test
    void speaksGerman() {
        IdentityViewModel german = new IdentityViewModel(draft, DE);
        draft.serverName.set("matrix.example.com");
        assertThat(german.suggestionNoticeProperty().get()).contains("Was meinen Sie?");
    }
}
