package dev.signpost.core.generate;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Map;

/** Random valid plans for the property tests. */
final class PlanArbitraries {

    private PlanArbitraries() {
    }

    static Arbitrary<String> label() {
        Arbitrary<String> inner = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(0).ofMaxLength(12);
        Arbitrary<Character> edge = Arbitraries.chars().with("abcdefghijklmnopqrstuvwxyz0123456789".toCharArray());
        // Hyphens in the third and fourth place are reserved for A-labels (xn--): IDNA refuses them in plain labels.
        return Combinators.combine(edge, inner, edge).as((a, m, b) -> a + m + b)
                .filter(l -> l.length() < 4 || !l.startsWith("--", 2));
    }

    static Arbitrary<String> domain() {
        return Combinators.combine(label(), label(), Arbitraries.of("com", "org", "example", "de", "xn--p1ai"))
                .as((a, b, tld) -> a + "." + b + "." + tld);
    }

    static Arbitrary<String> safeText() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,:!?-_/()[]<>#%@+=äöüßéñ漢")
                .ofMaxLength(30);
    }

    static Arbitrary<String> jsonValue() {
        return Arbitraries.oneOf(
                safeText().map(s -> "\"" + s + "\""),
                Arbitraries.integers().between(-100000, 100000).map(String::valueOf),
                Arbitraries.of("true", "false", "null", "[]", "{}", "1.5"),
                Combinators.combine(safeText(), safeText()).as((a, b) -> "{\"k\": \"" + a + "\", \"list\": [\"" + b
                        + "\", 2]}"));
    }

    static Arbitrary<String> path() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-._~").ofMinLength(1)
                .ofMaxLength(10).list().ofMaxSize(3).map(parts -> parts.isEmpty() ? "" : "/" + String.join("/", parts));
    }

    static Arbitrary<SupportContact> contact(String serverName) {
        return Combinators.combine(Arbitraries.of(SupportContact.ROLE_ADMIN, SupportContact.ROLE_SECURITY,
                        "org.example.role"), label(), Arbitraries.integers().between(0, 2))
                .as((role, local, which) -> new SupportContact(role,
                        which == 1 ? null : "@" + local + ":" + serverName,
                        which == 0 ? null : local + "+x@" + serverName));
    }

    /** Valid plans for a web server that really serves files (not static hosting or the homeserver). */
    static Arbitrary<DelegationPlan> plans(WebServerKind web) {
        return domain().flatMap(name -> Combinators.combine(
                Arbitraries.of(FederationMode.class),
                Arbitraries.oneOf(Arbitraries.just("matrix." + name), Arbitraries.just(name), domain(),
                        Arbitraries.integers().between(1, 254).map(n -> "192.0.2." + n),
                        Arbitraries.integers().between(1, 0xffff).map(n -> "[2001:db8::" + Integer.toHexString(n) + "]")),
                Arbitraries.oneOf(Arbitraries.of(443, 8448), Arbitraries.integers().between(1024, 65535)),
                path(),
                Arbitraries.of(HomeserverKind.class),
                contact(name).list().ofMaxSize(2),
                Arbitraries.maps(Combinators.combine(label(), label()).as((a, b) -> "org." + a + "." + b),
                        jsonValue()).ofMaxSize(2),
                Arbitraries.of(true, false))
                .as((mode, host, port, basePath, homeserver, contacts, extras, proxy) ->
                        build(name, web, mode, host, port, basePath, homeserver, contacts, extras, proxy))
                .flatMap(plan -> Combinators.combine(callService(name), signIn()).as((call, issuer) ->
                        plan.toBuilder().callServiceUrl(call).authIssuerUrl(issuer).build())));
    }

    static Arbitrary<String> callService(String name) {
        return Arbitraries.oneOf(Arbitraries.just(null),
                path().map(p -> "https://matrix-rtc." + name + p),
                domain().map(d -> "https://" + d + "/livekit/jwt"));
    }

    /**
     * Sign-in services on loopback addresses: nginx and HAProxy resolve the host when they check a config, and
     * tests never leave loopback.
     */
    static Arbitrary<String> signIn() {
        return Arbitraries.oneOf(Arbitraries.just(null),
                Combinators.combine(Arbitraries.integers().between(1024, 65535), path())
                        .as((port, p) -> "https://127.0.0.1:" + port + p + "/"),
                Arbitraries.just("https://[::1]/"));
    }

    private static DelegationPlan build(String name, WebServerKind web, FederationMode mode, String host, int port,
            String basePath, HomeserverKind homeserver, List<SupportContact> contacts, Map<String, String> extras,
            boolean proxy) {
        // An SRV record cannot point at an IP address (the validator says so); use the name there.
        String target = mode == FederationMode.SRV && !Character.isLetter(host.charAt(0)) ? "matrix." + name : host;
        return DelegationPlan.defaultsFor(name).toBuilder()
                .webServer(web).federationMode(mode).federation(target, port)
                .clientBaseUrl("https://matrix." + name + basePath)
                .homeserver(homeserver).supportContacts(contacts)
                .supportPage(contacts.size() == 1 ? "https://" + name + "/help" : null)
                .identityServerUrl(extras.size() == 1 ? "https://id." + name : null)
                .extraClientKeys(extras).federationProxy(proxy).build();
    }
}
