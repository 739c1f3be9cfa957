package dev.signpost.core.plan;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every plan the validator accepts can be normalised (no "did not normalise" fault), and normalising twice changes
 * nothing. The generator puts hostile values, numbers included, into every field a person can fill in.
 */
class PlanNormalisationProperties {

    private static final List<String> VALUES = List.of("", " ", "example.com", "matrix.example.com", "example.123",
            "[::1]", "[fe80::1%eth0]", "203.0.113.5", "203.0.113.256", "http://@1", "http://127.0.0.1:8008",
            "http://[::1]:8008/", "https://matrix.example.com", "https://matrix.example.com/", "http://@:8008",
            "https://a@matrix.example.com", "http://127.0.0.1:99999", "1e999", "-1e999", "9223372036854775809",
            "1e30", "1e31", "0.1e-31", "1.5", "\"text\"", "{\"a\":1e400}", "[1,2,3]", "true", "null", "{}",
            "org.example.n", "m.homeserver", "@admin:example.com", "admin@example.com", "xn--bcher-kva.example",
            "b\u00fccher.example", "exa_mple.com", "-a.example.com", ":8448", "example.com:0", "example.com:8448");

    private record Edit(String name, BiFunction<PlanBuilder, String, PlanBuilder> apply) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Edit> EDITS = List.of(
            new Edit("serverName", PlanBuilder::serverName),
            new Edit("federationHost", PlanBuilder::federationHost),
            new Edit("clientBaseUrl", PlanBuilder::clientBaseUrl),
            new Edit("identityServerUrl", PlanBuilder::identityServerUrl),
            new Edit("supportPage", PlanBuilder::supportPage),
            new Edit("extraValue", (b, v) -> b.extraClientKey("org.example.n", v)),
            new Edit("extraKey", (b, v) -> b.extraClientKey(v, "1")),
            new Edit("upstream", PlanBuilder::homeserverUpstream),
            new Edit("upstreamWithProxy", (b, v) -> b.federationProxy(true).homeserverUpstream(v)),
            new Edit("contact", (b, v) -> b.addSupportContact(new SupportContact(SupportContact.ROLE_ADMIN,
                    v.startsWith("@") ? v : null, v.startsWith("@") ? null : v))));

    record Change(Edit edit, String value) {
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(12));
        Arbitrary<Change> change = net.jqwik.api.Combinators.combine(Arbitraries.of(EDITS), value).as(Change::new);
        return change.list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 2000)
    void everyAcceptedPlanNormalisesAndStaysPut(@ForAll("changes") List<Change> changes) throws Exception {
        PlanBuilder builder = DelegationPlan.defaultsFor("example.com").toBuilder()
                .webServer(WebServerKind.NGINX).homeserver(HomeserverKind.SYNAPSE);
        for (Change c : changes) {
            builder = c.edit().apply().apply(builder, c.value());
        }
        DelegationPlan plan = builder.build();
        boolean accepted = PlanValidator.validate(plan, Locale.ENGLISH).stream().noneMatch(PlanProblem::isError);
        if (!accepted) {
            return;
        }
        DelegationPlan once = PlanValidator.normalize(plan, Locale.ENGLISH);
        assertThat(PlanValidator.normalize(once, Locale.ENGLISH)).as(changes.toString()).isEqualTo(once);
        for (String json : once.extraClientKeys().values()) {
            assertThat(json).doesNotContain("Infinity").doesNotContain("NaN");
        }
    }
}
