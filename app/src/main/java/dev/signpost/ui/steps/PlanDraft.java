package dev.signpost.ui.steps;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plan while it is being typed: one property per field, shared by the identity and hosting pages. Turned into
 * an immutable {@link DelegationPlan} once valid. Holds no secrets.
 */
public final class PlanDraft {

    static final String ADMIN_ROLE = "m.role.admin";

    public final StringProperty serverName = new SimpleStringProperty("");
    public final ObjectProperty<FederationMode> federationMode = new SimpleObjectProperty<>(FederationMode.WELL_KNOWN);
    public final StringProperty federationHost = new SimpleStringProperty("");
    public final ObjectProperty<PortChoice> portChoice = new SimpleObjectProperty<>(PortChoice.DEFAULT_8448);
    public final StringProperty otherPort = new SimpleStringProperty("");
    public final StringProperty clientBaseUrl = new SimpleStringProperty("");
    public final ObjectProperty<HomeserverKind> homeserver = new SimpleObjectProperty<>(HomeserverKind.SYNAPSE);
    /** Until the user picks one, the web server every plan assumes (the core's one rule). */
    public final ObjectProperty<WebServerKind> webServer =
            new SimpleObjectProperty<>(DelegationPlan.DEFAULT_WEB_SERVER);
    public final StringProperty identityServerUrl = new SimpleStringProperty("");
    public final StringProperty supportEmail = new SimpleStringProperty("");
    public final StringProperty supportMatrixId = new SimpleStringProperty("");
    public final BooleanProperty federationProxy = new SimpleBooleanProperty(true);
    public final StringProperty homeserverUpstream = new SimpleStringProperty(DelegationPlan.DEFAULT_UPSTREAM);
    public final StringProperty callServiceUrl = new SimpleStringProperty("");
    public final StringProperty authIssuerUrl = new SimpleStringProperty("");

    /** Every field, for listeners that track unsaved input. */
    public Observable[] fields() {
        return new Observable[]{serverName, federationMode, federationHost, portChoice, otherPort, clientBaseUrl,
                homeserver, webServer, identityServerUrl, supportEmail, supportMatrixId, federationProxy,
                homeserverUpstream, callServiceUrl, authIssuerUrl};
    }

    /** The federation port the choice stands for, or -1 when "other" is not a number in range. */
    public int federationPort() {
        return switch (portChoice.get()) {
            case DEFAULT_8448 -> DelegationPlan.DEFAULT_FEDERATION_PORT;
            case HTTPS_443 -> 443;
            case OTHER -> parsePort(otherPort.get());
        };
    }

    static int parsePort(String text) {
        if (text == null || !text.strip().matches("\\d{1,5}")) {
            return -1;
        }
        int port = Integer.parseInt(text.strip());
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** The plan as typed; call only once the pages have validated the fields. */
    public DelegationPlan toPlan() {
        List<SupportContact> contacts = new ArrayList<>();
        String email = blankToNull(supportEmail.get());
        String matrixId = blankToNull(supportMatrixId.get());
        if (email != null || matrixId != null) {
            contacts.add(new SupportContact(ADMIN_ROLE, matrixId, email));
        }
        return new DelegationPlan(
                serverName.get().strip(),
                federationMode.get(),
                federationHost.get().strip(),
                federationPort(),
                clientBaseUrl.get().strip(),
                blankToNull(identityServerUrl.get()),
                contacts,
                null,
                Map.of(),
                webServer.get(),
                homeserver.get(),
                federationProxy.get(),
                blankToNull(homeserverUpstream.get()) == null ? DelegationPlan.DEFAULT_UPSTREAM
                        : homeserverUpstream.get().strip(),
                blankToNull(callServiceUrl.get()),
                blankToNull(authIssuerUrl.get()));
    }

    /** Fills the fields from a remembered plan. */
    public void load(DelegationPlan plan) {
        serverName.set(nullToEmpty(plan.serverName()));
        federationMode.set(plan.federationMode() == null ? FederationMode.WELL_KNOWN : plan.federationMode());
        federationHost.set(nullToEmpty(plan.federationHost()));
        switch (plan.federationPort()) {
            case DelegationPlan.DEFAULT_FEDERATION_PORT -> portChoice.set(PortChoice.DEFAULT_8448);
            case 443 -> portChoice.set(PortChoice.HTTPS_443);
            default -> {
                portChoice.set(PortChoice.OTHER);
                otherPort.set(Integer.toString(plan.federationPort()));
            }
        }
        clientBaseUrl.set(nullToEmpty(plan.clientBaseUrl()));
        if (plan.homeserver() != null) {
            homeserver.set(plan.homeserver());
        }
        if (plan.webServer() != null) {
            webServer.set(plan.webServer());
        }
        identityServerUrl.set(nullToEmpty(plan.identityServerUrl()));
        plan.supportContacts().stream().findFirst().ifPresent(contact -> {
            supportEmail.set(nullToEmpty(contact.emailAddress()));
            supportMatrixId.set(nullToEmpty(contact.matrixId()));
        });
        federationProxy.set(plan.federationProxy());
        homeserverUpstream.set(plan.homeserverUpstream() == null ? DelegationPlan.DEFAULT_UPSTREAM
                : plan.homeserverUpstream());
        callServiceUrl.set(nullToEmpty(plan.callServiceUrl()));
        authIssuerUrl.set(nullToEmpty(plan.authIssuerUrl()));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
