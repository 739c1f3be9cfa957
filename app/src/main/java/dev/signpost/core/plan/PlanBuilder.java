package dev.signpost.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a {@link DelegationPlan} one field at a time; the wizard and the CLI start from
 * {@link DelegationPlan#defaultsFor(String)} and change what the user typed. Not thread-safe; {@link #build()}
 * returns an immutable plan and does not validate it.
 */
public final class PlanBuilder {

    private String serverName;
    private FederationMode federationMode;
    private String federationHost;
    private int federationPort;
    private String clientBaseUrl;
    private String identityServerUrl;
    private final List<SupportContact> supportContacts = new ArrayList<>();
    private String supportPage;
    private final Map<String, String> extraClientKeys = new TreeMap<>();
    private WebServerKind webServer;
    private HomeserverKind homeserver;
    private boolean federationProxy;
    private String homeserverUpstream;
    private String callServiceUrl;
    private String authIssuerUrl;

    /** A builder holding the values of {@code plan}. */
    public PlanBuilder(DelegationPlan plan) {
        serverName = plan.serverName();
        federationMode = plan.federationMode();
        federationHost = plan.federationHost();
        federationPort = plan.federationPort();
        clientBaseUrl = plan.clientBaseUrl();
        identityServerUrl = plan.identityServerUrl();
        supportContacts.addAll(plan.supportContacts());
        supportPage = plan.supportPage();
        extraClientKeys.putAll(plan.extraClientKeys());
        webServer = plan.webServer();
        homeserver = plan.homeserver();
        federationProxy = plan.federationProxy();
        homeserverUpstream = plan.homeserverUpstream();
        callServiceUrl = plan.callServiceUrl();
        authIssuerUrl = plan.authIssuerUrl();
    }

    public PlanBuilder serverName(String value) {
        serverName = value;
        return this;
    }

    public PlanBuilder federationMode(FederationMode value) {
        federationMode = value;
        return this;
    }

    public PlanBuilder federationHost(String value) {
        federationHost = value;
        return this;
    }

    public PlanBuilder federationPort(int value) {
        federationPort = value;
        return this;
    }

    /** Sets host and port together. */
    public PlanBuilder federation(String host, int port) {
        federationHost = host;
        federationPort = port;
        return this;
    }

    public PlanBuilder clientBaseUrl(String value) {
        clientBaseUrl = value;
        return this;
    }

    public PlanBuilder identityServerUrl(String value) {
        identityServerUrl = value;
        return this;
    }

    public PlanBuilder addSupportContact(SupportContact value) {
        supportContacts.add(value);
        return this;
    }

    public PlanBuilder supportContacts(List<SupportContact> values) {
        supportContacts.clear();
        supportContacts.addAll(values);
        return this;
    }

    public PlanBuilder supportPage(String value) {
        supportPage = value;
        return this;
    }

    /** Adds one extra client key; {@code jsonValue} is the JSON text of its value. */
    public PlanBuilder extraClientKey(String key, String jsonValue) {
        extraClientKeys.put(key, jsonValue);
        return this;
    }

    public PlanBuilder extraClientKeys(Map<String, String> values) {
        extraClientKeys.clear();
        extraClientKeys.putAll(values);
        return this;
    }

    public PlanBuilder webServer(WebServerKind value) {
        webServer = value;
        return this;
    }

    public PlanBuilder homeserver(HomeserverKind value) {
        homeserver = value;
        return this;
    }

    public PlanBuilder federationProxy(boolean value) {
        federationProxy = value;
        return this;
    }

    public PlanBuilder homeserverUpstream(String value) {
        homeserverUpstream = value;
        return this;
    }

    /** The LiveKit JWT service URL for Element Call; null or blank for none. */
    public PlanBuilder callServiceUrl(String value) {
        callServiceUrl = value;
        return this;
    }

    /** The sign-in service's issuer URL; null or blank when the homeserver handles sign-in. */
    public PlanBuilder authIssuerUrl(String value) {
        authIssuerUrl = value;
        return this;
    }

    /** The plan as built so far; validate it with {@link PlanValidator}. */
    public DelegationPlan build() {
        return new DelegationPlan(serverName, federationMode, federationHost, federationPort, clientBaseUrl,
                identityServerUrl, supportContacts, supportPage, extraClientKeys, webServer, homeserver,
                federationProxy, homeserverUpstream, callServiceUrl, authIssuerUrl);
    }
}
