package dev.signpost.ui.steps;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.text.Texts;
import dev.signpost.ui.host.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The hosting page: where the homeserver runs and how it is reached. Every field has a validation function the view
 * shows as a decoration; Next waits until all of them pass. Proposes the homeserver host from the server name and
 * the client {@code base_url} from the host until the user types their own.
 */
public final class HostingViewModel implements StepModel {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MATRIX_ID = Pattern.compile("@[^:\\s]+:[^\\s]+");

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
     * What the core's plan validator says once every field is valid on its own: the same rules the generator
     * applies, so Next never leads to a files page that cannot be filled. Empty while a field is still invalid.
     */
    private List<PlanProblem> planProblems() {
        if (firstError() != null || draft.serverName.get().isBlank()) {
            return List.of();
        }
        // The page explains the port's trade-off right under the port choice; the validator's warning about the
        // same port would say it a second time.
        return PlanValidator.validate(draft.toPlan(), texts.locale()).stream()
                .filter(p -> p.isError() || !dev.signpost.core.plan.PlanProblem.FIELD_FEDERATION_PORT.equals(p.field()))
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
        if (draft.federationMode.get() == FederationMode.DIRECT) {
            return null;
        }
        if (text == null || text.isBlank()) {
            return texts.get("wizard.hosting.host.empty");
        }
        try {
            ServerName host = ServerName.parse(text, texts.locale());
            return host.hasPort() ? texts.get("wizard.hosting.host.hasPort", text.strip()) : null;
        } catch (InvalidServerNameException e) {
            return e.getMessage();
        }
    }

    public String otherPortError(String text) {
        if (draft.portChoice.get() != PortChoice.OTHER || draft.federationMode.get() == FederationMode.DIRECT) {
            return null;
        }
        return PlanDraft.parsePort(text) < 0 ? texts.get("wizard.hosting.port.invalid", text == null ? "" : text.strip())
                : null;
    }

    public String baseUrlError(String text) {
        if (text == null || text.isBlank()) {
            return texts.get("wizard.hosting.baseUrl.empty");
        }
        return urlError(text, "wizard.hosting.baseUrl.");
    }

    public String identityServerError(String text) {
        return text == null || text.isBlank() ? null : urlError(text, "wizard.hosting.identity.");
    }

    public String supportEmailError(String text) {
        return text == null || text.isBlank() || EMAIL.matcher(text.strip()).matches() ? null
                : texts.get("wizard.hosting.support.email.invalid", text.strip());
    }

    public String supportMatrixIdError(String text) {
        return text == null || text.isBlank() || MATRIX_ID.matcher(text.strip()).matches() ? null
                : texts.get("wizard.hosting.support.matrixId.invalid", text.strip());
    }

    public String upstreamError(String text) {
        if (!draft.federationProxy.get()) {
            return null;
        }
        if (text == null || text.isBlank()) {
            return texts.get("wizard.hosting.upstream.empty");
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return texts.get("wizard.hosting.upstream.invalid", text.strip());
            }
            return null;
        } catch (URISyntaxException e) {
            return texts.get("wizard.hosting.upstream.invalid", text.strip());
        }
    }

    /** The core validator's sentence for the call service URL, or null. */
    public String callServiceError(String text) {
        return validatorError(PlanProblem.FIELD_CALL_SERVICE_URL, draft.toPlan().toBuilder().callServiceUrl(text));
    }

    /** The core validator's sentence for the sign-in service's issuer URL, or null. */
    public String authIssuerError(String text) {
        return validatorError(PlanProblem.FIELD_AUTH_ISSUER_URL, draft.toPlan().toBuilder().authIssuerUrl(text));
    }

    /** The first error the plan validator reports for {@code field}: the rule lives once, in the core. */
    private String validatorError(String field, dev.signpost.core.plan.PlanBuilder plan) {
        return PlanValidator.validate(plan.build(), texts.locale()).stream()
                .filter(p -> p.isError() && p.field().equals(field))
                .map(PlanProblem::message).findFirst().orElse(null);
    }

    /** A client-facing URL: https, a host, nothing after the path. */
    private String urlError(String text, String keyPrefix) {
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null) {
                return texts.get(keyPrefix + "noScheme", trimmed);
            }
            if (!uri.getScheme().equalsIgnoreCase("https")) {
                return texts.get(keyPrefix + "notHttps", trimmed);
            }
            if (uri.getHost() == null) {
                return texts.get(keyPrefix + "noHost", trimmed);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return texts.get(keyPrefix + "query", trimmed);
            }
            return null;
        } catch (URISyntaxException e) {
            return texts.get(keyPrefix + "noHost", trimmed);
        }
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
