package dev.signpost.cli;

import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.PlanBuilder;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;
import dev.signpost.core.plan.PlanJson;
import dev.signpost.core.plan.PlanValueException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The options that describe a delegation plan, the same for {@code generate} and {@code deploy}. */
final class PlanOptions {

    @Option(names = "--plan", paramLabel = "FILE", descriptionKey = "plan.plan")
    Path planFile;

    @Option(names = "--server-name", paramLabel = "NAME", descriptionKey = "plan.server-name")
    String serverName;

    @Option(names = "--delegate", paramLabel = "HOST[:PORT]", descriptionKey = "plan.delegate")
    String delegate;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "well-known", descriptionKey = "plan.mode")
    String mode;

    @Option(names = "--client-base-url", paramLabel = "URL", descriptionKey = "plan.client-base-url")
    String clientBaseUrl;

    @Option(names = "--identity-server", paramLabel = "URL", descriptionKey = "plan.identity-server")
    String identityServer;

    @Option(names = "--support-page", paramLabel = "URL", descriptionKey = "plan.support-page")
    String supportPage;

    @Option(names = "--admin-contact", paramLabel = "MXID|EMAIL", descriptionKey = "plan.admin-contact")
    List<String> adminContacts = new ArrayList<>();

    @Option(names = "--security-contact", paramLabel = "MXID|EMAIL", descriptionKey = "plan.security-contact")
    List<String> securityContacts = new ArrayList<>();

    @Option(names = "--client-key", paramLabel = "KEY=JSON", descriptionKey = "plan.client-key")
    Map<String, String> clientKeys = new LinkedHashMap<>();

    @Option(names = "--web-server", paramLabel = "KIND", descriptionKey = "plan.web-server")
    String webServer;

    @Option(names = "--homeserver", paramLabel = "KIND", defaultValue = "synapse", descriptionKey = "plan.homeserver")
    String homeserver;

    @Option(names = "--federation-proxy", descriptionKey = "plan.federation-proxy")
    boolean federationProxy;

    @Option(names = "--upstream", paramLabel = "URL", descriptionKey = "plan.upstream")
    String upstream;

    @Option(names = "--call-service", paramLabel = "URL", descriptionKey = "plan.call-service")
    String callService;

    @Option(names = "--auth-issuer", paramLabel = "URL", descriptionKey = "plan.auth-issuer")
    String authIssuer;

    /**
     * The plan these options describe (not yet validated); problems with the options themselves go to
     * {@code usageErrors} in {@code texts} (the generate bundle's words).
     */
    DelegationPlan build(Texts texts, List<String> usageErrors) {
        if (planFile != null) {
            return fromFile(texts, usageErrors);
        }
        if (serverName == null || serverName.isBlank()) {
            usageErrors.add(texts.get("serverNameMissing"));
            return null;
        }
        PlanBuilder builder = DelegationPlan.defaultsFor(serverName).toBuilder();
        FederationMode federationMode = switch (mode.toLowerCase(Locale.ROOT)) {
            case "well-known", "wellknown" -> FederationMode.WELL_KNOWN;
            case "srv" -> FederationMode.SRV;
            case "direct", "none" -> FederationMode.DIRECT;
            default -> {
                usageErrors.add(texts.get("badMode", mode));
                yield FederationMode.WELL_KNOWN;
            }
        };
        builder.federationMode(federationMode);
        String delegatedHost = DelegationPlan.defaultsFor(serverName).federationHost();
        if (delegate != null) {
            try {
                ServerName target = ServerName.parse(delegate, Locale.getDefault());
                delegatedHost = target.hostForUrl();
                builder.federation(delegatedHost, target.hasPort() ? target.port()
                        : DelegationPlan.DEFAULT_FEDERATION_PORT);
            } catch (InvalidServerNameException e) {
                // The validator explains it with the plan's own sentence (a scheme, a bad port, ...).
                builder.federation(delegate, DelegationPlan.DEFAULT_FEDERATION_PORT);
                delegatedHost = null;
            }
        }
        if (clientBaseUrl != null) {
            builder.clientBaseUrl(clientBaseUrl);
        } else if (delegatedHost != null && !delegatedHost.isBlank()) {
            builder.clientBaseUrl("https://" + delegatedHost);
        }
        builder.identityServerUrl(identityServer).supportPage(supportPage).extraClientKeys(clientKeys);
        adminContacts.forEach(c -> builder.addSupportContact(contact(SupportContact.ROLE_ADMIN, c)));
        securityContacts.forEach(c -> builder.addSupportContact(contact(SupportContact.ROLE_SECURITY, c)));
        if (webServer != null) {
            builder.webServer(parseEnum(WebServerKind.class, webServer, "badWebServer", texts, usageErrors));
        }
        builder.homeserver(parseHomeserver(texts, usageErrors));
        builder.federationProxy(federationProxy);
        if (upstream != null) {
            builder.homeserverUpstream(upstream);
        }
        return withCallsAndSignIn(builder.build());
    }

    private DelegationPlan fromFile(Texts texts, List<String> usageErrors) {
        if (serverName != null) {
            usageErrors.add(texts.get("planAndOptions"));
            return null;
        }
        try {
            DelegationPlan plan = PlanJson.read(Files.readString(planFile, StandardCharsets.UTF_8), Locale.getDefault());
            if (webServer != null) {
                plan = plan.toBuilder().webServer(parseEnum(WebServerKind.class, webServer, "badWebServer", texts,
                        usageErrors)).build();
            }
            return withCallsAndSignIn(plan);
        } catch (IOException | PlanValueException | RuntimeException e) {
            usageErrors.add(texts.get("planUnreadable", planFile, String.valueOf(e.getMessage())));
            return null;
        }
    }

    private DelegationPlan withCallsAndSignIn(DelegationPlan plan) {
        PlanBuilder builder = plan.toBuilder();
        if (callService != null) {
            builder.callServiceUrl(callService);
        }
        if (authIssuer != null) {
            builder.authIssuerUrl(authIssuer);
        }
        return builder.build();
    }

    static SupportContact contact(String role, String address) {
        String trimmed = address.strip();
        return trimmed.startsWith("@") ? new SupportContact(role, trimmed, null) : new SupportContact(role, null, trimmed);
    }

    HomeserverKind parseHomeserver(Texts texts, List<String> usageErrors) {
        String name = homeserver.toLowerCase(Locale.ROOT);
        if (name.equals("conduwuit") || name.equals("continuwuity")) {
            return HomeserverKind.CONDUIT;
        }
        return parseEnum(HomeserverKind.class, homeserver, "badHomeserver", texts, usageErrors);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String key, Texts texts,
            List<String> usageErrors) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            usageErrors.add(texts.get(key, value));
            return null;
        }
    }
}
