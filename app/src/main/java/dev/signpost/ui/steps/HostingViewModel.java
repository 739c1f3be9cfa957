package dev.signpost.ui.steps;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.PlanBuilder;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The hosting page: where the homeserver runs and how it is reached. Every field shows the core validator's error
 * for that field as a decoration; Next waits until all of them pass. Proposes the homeserver host from the server name and
 * the client {@code base_url} from the host until the user types their own.
 */
public final class HostingViewModel implements StepModel {

    /** Fields whose validator errors stand under the field itself, so the list of plan problems leaves them out. */
    private static final Set<String> FIELDS_SHOWN_ON_THE_PAGE = Set.of(PlanProblem.FIELD_FEDERATION_HOST,
            PlanProblem.FIELD_FEDERATION_PORT, PlanProblem.FIELD_CLIENT_BASE_URL,
            PlanProblem.FIELD_IDENTITY_SERVER_URL, PlanProblem.FIELD_SUPPORT_CONTACTS,
            PlanProblem.FIELD_HOMESERVER_UPSTREAM);

    private final PlanDraft draft;
    private final Texts texts;
    private final BooleanBinding valid;
    private final StringBinding portTradeOff;
    private final ObjectBinding<List<PlanProblem>> planProblems;
    private String proposedBaseUrl = "";
    /** The server name the host field was last proposed for (or loaded with); its proposal is not a hand edit. */
    private String hostProposedFor;

    public HostingViewModel(PlanDraft draft, Texts texts) {
        this.draft = draft;
        this.texts = texts;
        planProblems = Bindings.createObjectBinding(this::planProblems, draft.fields());
        // planProblems.get() first, always: a binding left invalid would never tell this one about later changes.
        valid = Bindings.createBooleanBinding(() -> {
            boolean validatorHappy = planProblems.get().stream().noneMatch(PlanProblem::isError);
            return validatorHappy && firstError() == null;
        }, planProblems);
        portTradeOff = Bindings.createStringBinding(() -> texts.get("wizard.hosting.port.tradeOff."
                + draft.portChoice.get().name()), draft.portChoice);
        // A remembered plan's host and base URL count as proposals when they are what would be proposed for it,
        // so a new server name on a later run carries them along unless the user had typed their own.
        hostProposedFor = draft.serverName.get();
        String host = hostForBaseUrl();
        proposedBaseUrl = host == null ? "" : "https://" + host;
        draft.federationHost.addListener((obs, old, now) -> proposeBaseUrl());
    }

    @Override
    public void enter() {
        if (draft.federationMode.get() != FederationMode.DIRECT) {
            String current = draft.federationHost.get().strip();
            String earlier = proposedHost(hostProposedFor);
            if (current.isEmpty() || current.equals(earlier)) {
                String proposal = proposedHost(draft.serverName.get());
                if (proposal != null) {
                    draft.federationHost.set(proposal);
                    hostProposedFor = draft.serverName.get();
                }
            }
        }
        proposeBaseUrl();
    }

    /** {@code matrix.<server name without port>}, or null for an IP literal or an invalid name. */
    private static String proposedHost(String serverName) {
        if (serverName == null) {
            return null;
        }
        try {
            ServerName name = ServerName.parse(serverName, Locale.ROOT);
            if (name.isIpLiteral()) {
                return null;
            }
            String typed = name.original().toLowerCase(Locale.ROOT);
            return "matrix." + (name.hasPort() ? typed.substring(0, typed.lastIndexOf(':')) : typed);
        } catch (InvalidServerNameException e) {
            // The identity page does not let an invalid name through; nothing to propose then.
            return null;
        }
    }

    /** Keeps proposing {@code https://<host>} while the field is empty or still holds the last proposal. */
    private void proposeBaseUrl() {
        String current = draft.clientBaseUrl.get().strip();
        if (!current.isEmpty() && !current.equals(proposedBaseUrl)) {
            return;
        }
        String host = hostForBaseUrl();
        if (host == null) {
            return;
        }
        proposedBaseUrl = "https://" + host;
        draft.clientBaseUrl.set(proposedBaseUrl);
    }

    private String hostForBaseUrl() {
        String host = draft.federationMode.get() == FederationMode.DIRECT ? draft.serverName.get() : draft.federationHost.get();
        try {
            return ServerName.parse(host, Locale.ROOT).hostForUrl();
        } catch (InvalidServerNameException e) {
            return null;
        }
    }

    /**
     * What the core's plan validator says about the plan as a whole: the same rules the generator applies, so Next
     * never leads to a files page that cannot be filled. Errors already shown under their field are left out, and so
     * is the port warning: the page explains the port's trade-off right under the port choice.
     */
    private List<PlanProblem> planProblems() {
        if (draft.serverName.get().isBlank()) {
            return List.of();
        }
        return PlanValidator.validate(draft.toPlan(), texts.locale()).stream()
                .filter(p -> p.isError() ? !FIELDS_SHOWN_ON_THE_PAGE.contains(p.field())
                        : !PlanProblem.FIELD_FEDERATION_PORT.equals(p.field()))
                .toList();
    }

    /** The validator's sentences: errors block Next, warnings explain a trade-off. */
    public ObjectBinding<List<PlanProblem>> planProblemsProperty() {
        return planProblems;
    }

    /** The first problem on the page, or null when it is valid. */
    String firstError() {
        String[] errors = {
                hostError(draft.federationHost.get()),
                otherPortError(draft.otherPort.get()),
                baseUrlError(draft.clientBaseUrl.get()),
                identityServerError(draft.identityServerUrl.get()),
                supportEmailError(draft.supportEmail.get()),
                supportMatrixIdError(draft.supportMatrixId.get()),
                upstreamError(draft.homeserverUpstream.get()),
                callServiceError(draft.callServiceUrl.get()),
                authIssuerError(draft.authIssuerUrl.get())};
        for (String error : errors) {
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    public String hostError(String text) {
        return fieldError(PlanProblem.FIELD_FEDERATION_HOST, b -> b.federationHost(strip(text)));
    }

    /** A typed port that is no number is the page's own parsing; a number is judged by the validator. */
    public String otherPortError(String text) {
        if (draft.portChoice.get() != PortChoice.OTHER || draft.federationMode.get() == FederationMode.DIRECT) {
            return null;
        }
        int port = PlanDraft.parsePort(text);
        return port < 0 ? texts.get("wizard.hosting.port.invalid", strip(text))
                : fieldError(PlanProblem.FIELD_FEDERATION_PORT, b -> b.federationPort(port));
    }

    public String baseUrlError(String text) {
        return fieldError(PlanProblem.FIELD_CLIENT_BASE_URL, b -> b.clientBaseUrl(strip(text)));
    }

    public String identityServerError(String text) {
        return fieldError(PlanProblem.FIELD_IDENTITY_SERVER_URL, b -> b.identityServerUrl(blankToNull(text)));
    }

    public String supportEmailError(String text) {
        return blankToNull(text) == null ? null : fieldError(PlanProblem.FIELD_SUPPORT_CONTACTS,
                b -> b.supportContacts(List.of(new SupportContact(PlanDraft.ADMIN_ROLE, null, strip(text)))));
    }

    public String supportMatrixIdError(String text) {
        return blankToNull(text) == null ? null : fieldError(PlanProblem.FIELD_SUPPORT_CONTACTS,
                b -> b.supportContacts(List.of(new SupportContact(PlanDraft.ADMIN_ROLE, strip(text), null))));
    }

    public String upstreamError(String text) {
        return fieldError(PlanProblem.FIELD_HOMESERVER_UPSTREAM, b -> b.homeserverUpstream(
                blankToNull(text) == null ? DelegationPlan.DEFAULT_UPSTREAM : strip(text)));
    }

    /** The core validator's sentence for the call service URL, or null. */
    public String callServiceError(String text) {
        return fieldError(PlanProblem.FIELD_CALL_SERVICE_URL, b -> b.callServiceUrl(text));
    }

    /** The core validator's sentence for the sign-in service's issuer URL, or null. */
    public String authIssuerError(String text) {
        return fieldError(PlanProblem.FIELD_AUTH_ISSUER_URL, b -> b.authIssuerUrl(text));
    }

    /**
     * The validator's first error for {@code field} on the plan as typed, with this field's text put in: the field
     * is judged by exactly the rules {@code signpost generate} applies, whatever the other fields hold.
     */
    private String fieldError(String field, UnaryOperator<PlanBuilder> withText) {
        DelegationPlan plan = withText.apply(draft.toPlan().toBuilder().supportContacts(List.of())).build();
        return PlanValidator.validate(plan, texts.locale()).stream()
                .filter(p -> p.isError() && p.field().equals(field))
                .map(PlanProblem::message)
                .findFirst().orElse(null);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The sentence explaining the chosen port's trade-off. */
    public StringBinding portTradeOffProperty() {
        return portTradeOff;
    }

    public PlanDraft draft() {
        return draft;
    }

    @Override
    public ObservableBooleanValue canAdvance() {
        return valid;
    }
}
