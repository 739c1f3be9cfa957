package dev.signpost.ui.steps;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import org.junit.jupiter.api.Test;

import static dev.signpost.ui.steps.StepsTestSupport.EN;
import static org.assertj.core.api.Assertions.assertThat;

class HostingViewModelTest {

    private final PlanDraft draft = new PlanDraft();
    private final HostingViewModel model = new HostingViewModel(draft, EN);

    @Test
    void proposesHostAndBaseUrlFromTheServerName() {
        draft.serverName.set("example.com");
        model.enter();
        assertThat(draft.federationHost.get()).isEqualTo("matrix.example.com");
        assertThat(draft.clientBaseUrl.get()).isEqualTo("https://matrix.example.com");
        assertThat(model.canAdvance().get()).isTrue();
    }

    @Test
    void baseUrlFollowsTheHostUntilTheUserTypesTheirOwn() {
        draft.serverName.set("example.com");
        model.enter();
        draft.federationHost.set("hs.example.com");
        assertThat(draft.clientBaseUrl.get()).isEqualTo("https://hs.example.com");
        draft.clientBaseUrl.set("https://chat.example.com");
        draft.federationHost.set("other.example.com");
        assertThat(draft.clientBaseUrl.get()).isEqualTo("https://chat.example.com");
    }

    @Test
    void keepsWhatWasTypedWhenEnteredAgain() {
        draft.serverName.set("example.com");
        draft.federationHost.set("hs.example.net");
        model.enter();
        assertThat(draft.federationHost.get()).isEqualTo("hs.example.net");
    }

    @Test
    void aNewServerNameCarriesTheProposedHostAndBaseUrlAlong() {
        draft.serverName.set("first.example");
        model.enter();
        draft.serverName.set("second.example");
        model.enter();
        assertThat(draft.federationHost.get()).isEqualTo("matrix.second.example");
        assertThat(draft.clientBaseUrl.get()).isEqualTo("https://matrix.second.example");
    }

    @Test
    void aRememberedPlanFollowsANewServerNameUnlessItsFieldsWereTypedByHand() {
        PlanDraft remembered = new PlanDraft();
        remembered.serverName.set("old.example");
        remembered.federationHost.set("matrix.old.example");
        remembered.clientBaseUrl.set("https://matrix.old.example");
        HostingViewModel next = new HostingViewModel(remembered, EN);
        remembered.serverName.set("new.example");
        next.enter();
        assertThat(remembered.federationHost.get()).isEqualTo("matrix.new.example");
        assertThat(remembered.clientBaseUrl.get()).isEqualTo("https://matrix.new.example");

        PlanDraft typed = new PlanDraft();
        typed.serverName.set("old.example");
        typed.federationHost.set("hs.hoster.example");
        typed.clientBaseUrl.set("https://chat.old.example");
        HostingViewModel kept = new HostingViewModel(typed, EN);
        typed.serverName.set("new.example");
        kept.enter();
        assertThat(typed.federationHost.get()).isEqualTo("hs.hoster.example");
        assertThat(typed.clientBaseUrl.get()).isEqualTo("https://chat.old.example");
    }

    @Test
    void eachFieldExplainsItsMistakeInTheValidatorsWords() {
        draft.serverName.set("example.com");
        assertThat(model.hostError("")).contains("Enter the host that serves federation");
        assertThat(model.hostError("matrix.example.com:8448")).contains("has a port in the host field");
        assertThat(model.hostError("https://matrix.example.com")).contains("has a scheme");
        assertThat(model.hostError("matrix.example.com")).isNull();
        assertThat(model.baseUrlError("matrix.example.com")).contains("has no scheme");
        assertThat(model.baseUrlError("http://matrix.example.com")).contains("uses http://");
        assertThat(model.baseUrlError("https://matrix.example.com?x=1")).contains("query");
        assertThat(model.baseUrlError("https://matrix.example.com/_matrix/client")).contains("contains /_matrix");
        assertThat(model.baseUrlError("https://matrix.example.com/")).isNull();
        assertThat(model.identityServerError("")).isNull();
        assertThat(model.identityServerError("vector.im")).contains("has no scheme");
        assertThat(model.supportEmailError("admin")).contains("is not an email address");
        assertThat(model.supportEmailError("")).isNull();
        assertThat(model.supportMatrixIdError("admin:example.com")).contains("is not a Matrix user ID");
        assertThat(model.supportMatrixIdError("@admin:example.com")).isNull();
        assertThat(model.upstreamError("https://127.0.0.1:8008")).contains("is not a local homeserver address");
        assertThat(model.upstreamError("")).as("an empty upstream means the default").isNull();
    }

    @Test
    void otherPortIsValidatedOnlyWhenChosen() {
        draft.serverName.set("example.com");
        model.enter();
        draft.otherPort.set("abc");
        assertThat(model.canAdvance().get()).isTrue();
        draft.portChoice.set(PortChoice.OTHER);
        assertThat(model.canAdvance().get()).isFalse();
        assertThat(model.otherPortError("abc")).contains("is not a port");
        draft.otherPort.set("8449");
        assertThat(model.canAdvance().get()).isTrue();
        assertThat(draft.toPlan().federationPort()).isEqualTo(8449);
    }

    @Test
    void eachPortChoiceHasItsTradeOff() {
        assertThat(model.portTradeOffProperty().get()).contains("Matrix default");
        draft.portChoice.set(PortChoice.HTTPS_443);
        assertThat(model.portTradeOffProperty().get()).contains("reverse proxy");
        assertThat(draft.federationPort()).isEqualTo(443);
    }

    @Test
    void noDelegationNeedsNoHost() {
        draft.serverName.set("example.com");
        draft.federationMode.set(FederationMode.DIRECT);
        model.enter();
        assertThat(draft.federationHost.get()).isEmpty();
        assertThat(draft.clientBaseUrl.get()).isEqualTo("https://example.com");
        assertThat(model.canAdvance().get()).isTrue();
    }

    @Test
    void draftRoundTripsThroughAPlan() {
        draft.serverName.set("example.com");
        model.enter();
        draft.portChoice.set(PortChoice.OTHER);
        draft.otherPort.set("8449");
        draft.supportEmail.set("admin@example.com");
        DelegationPlan plan = draft.toPlan();
        PlanDraft copy = new PlanDraft();
        copy.load(plan);
        assertThat(copy.toPlan()).isEqualTo(plan);
        assertThat(plan.supportContacts()).singleElement().extracting(c -> c.emailAddress()).isEqualTo("admin@example.com");
    }

    @Test
    void theCoreValidatorBlocksWhatCannotWorkAndThePortTradeOffIsSaidOnce() {
        draft.serverName.set("example.com");
        model.enter();
        assertThat(model.planProblemsProperty().get()).isEmpty();
        draft.portChoice.set(PortChoice.HTTPS_443);
        assertThat(model.planProblemsProperty().get()).as("the port's trade-off is said once, under the choice")
                .isEmpty();
        assertThat(model.portTradeOffProperty().get()).startsWith("443 works where 8448 is blocked");
        assertThat(model.canAdvance().get()).isTrue();
        draft.clientBaseUrl.set("https://matrix.example.com/_matrix/client");
        assertThat(model.baseUrlError(draft.clientBaseUrl.get())).as("shown under the field").contains("/_matrix");
        assertThat(model.planProblemsProperty().get()).as("and not a second time in the list").isEmpty();
        assertThat(model.canAdvance().get()).isFalse();
    }

    @Test
    void aServerNameWithAPortCannotBeDelegated() {
        draft.serverName.set("example.com:8448");
        model.enter();
        assertThat(model.canAdvance().get()).isFalse();
        assertThat(model.planProblemsProperty().get()).anyMatch(p -> p.isError() && p.message().contains("example.com:8448"));
    }
}
