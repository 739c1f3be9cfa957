package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named plans covering every web-server kind, homeserver kind and federation mode; shared by the tests. */
final class Scenarios {

    private Scenarios() {
    }

    static DelegationPlan full(WebServerKind web, HomeserverKind homeserver) {
        return DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(web)
                .homeserver(homeserver)
                .identityServerUrl("https://vector.im")
                .addSupportContact(new SupportContact(SupportContact.ROLE_ADMIN, "@admin:example.com",
                        "admin@example.com"))
                .supportPage("https://example.com/support")
                .extraClientKey("im.vector.riot.jitsi", "{\"preferredDomain\": \"meet.example.com\"}")
                .federationProxy(true)
                .build();
    }

    /** A plan with Element Call's call service and a sign-in service (Matrix Authentication Service). */
    static DelegationPlan callsAndSignIn(WebServerKind web) {
        return DelegationPlan.defaultsFor("example.com").toBuilder().webServer(web).federationProxy(true)
                .callServiceUrl("https://matrix-rtc.example.com/livekit/jwt")
                .authIssuerUrl("https://auth.example.com/").build();
    }

    /** Every scenario by name; the golden files live under golden/generate/<name>/. */
    static Map<String, DelegationPlan> all() {
        Map<String, DelegationPlan> plans = new LinkedHashMap<>();
        plans.put("nginx-synapse", full(WebServerKind.NGINX, HomeserverKind.SYNAPSE));
        plans.put("caddy-dendrite", DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.CADDY).homeserver(HomeserverKind.DENDRITE)
                .federation("matrix.example.com", 443).federationProxy(true).build());
        plans.put("apache-conduit", full(WebServerKind.APACHE, HomeserverKind.CONDUIT));
        plans.put("haproxy-synapse-443", DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.HAPROXY).federation("example.com", 443)
                .clientBaseUrl("https://example.com").federationProxy(true).build());
        plans.put("haproxy-synapse", full(WebServerKind.HAPROXY, HomeserverKind.SYNAPSE));
        plans.put("caddy-synapse", full(WebServerKind.CADDY, HomeserverKind.SYNAPSE));
        plans.put("apache-dendrite-443", DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.APACHE).homeserver(HomeserverKind.DENDRITE)
                .federation("example.com", 443).clientBaseUrl("https://example.com").federationProxy(true).build());
        plans.put("static-synapse", DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.STATIC).supportPage("https://example.com/help").build());
        plans.put("homeserver-synapse", DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.HOMESERVER).federation("example.com", 443)
                .clientBaseUrl("https://example.com").build());
        plans.put("homeserver-conduit", DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.HOMESERVER).homeserver(HomeserverKind.CONDUIT).build());
        plans.put("srv-nginx-dendrite", DelegationPlan.defaultsFor("example.com").toBuilder()
                .federationMode(FederationMode.SRV).homeserver(HomeserverKind.DENDRITE).federationProxy(true)
                .build());
        plans.put("direct-caddy-conduit", DelegationPlan.defaultsFor("example.com").toBuilder()
                .federationMode(FederationMode.DIRECT).webServer(WebServerKind.CADDY)
                .homeserver(HomeserverKind.CONDUIT).federationProxy(true).build());
        plans.put("idn-nginx", DelegationPlan.defaultsFor("bücher.example").toBuilder()
                .clientBaseUrl("https://matrix.bücher.example/").build());
        for (WebServerKind web : List.of(WebServerKind.NGINX, WebServerKind.CADDY, WebServerKind.APACHE,
                WebServerKind.HAPROXY)) {
            plans.put(web.name().toLowerCase(java.util.Locale.ROOT) + "-calls-signin", callsAndSignIn(web));
        }
        plans.put("haproxy-calls-signin-443", callsAndSignIn(WebServerKind.HAPROXY).toBuilder()
                .federation("example.com", 443).clientBaseUrl("https://example.com").build());
        return plans;
    }
}
