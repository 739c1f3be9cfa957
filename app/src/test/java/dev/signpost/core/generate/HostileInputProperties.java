package dev.signpost.core.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.core.plan.PlanBuilder;
import dev.signpost.core.plan.PlanProblem;
import dev.signpost.core.plan.PlanValidator;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.plan.WebServerKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random hostile text (newlines, quotes, braces, semicolons, variables, whole injected directives) put into any
 * field a user types is always refused by validation, so nothing is generated from it.
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> FRAGMENTS = List.of("\n", "\r", "'", "\"", "{", "}", ";", "$", "`", "\\",
            "\u0000", "\u2028", "}\n    return 200 'owned';\n", "\";\nserver { listen 80; }", "${HOME}",
            "{env.HOME}", "$host", "' always;\nadd_header X 'y", "\"\n    http-request deny\n#",
            "`\n}\n:80 {\n\trespond `x", "\n</Directory>\n<Directory />", "\"\nlisteners: []\n#");

    /** Where the hostile text goes: a field of the plan, and how to put it there. */
    record Field(String name, BiFunction<PlanBuilder, String, PlanBuilder> put) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Field> FIELDS = List.of(
            new Field("serverName", PlanBuilder::serverName),
            new Field("federationHost", PlanBuilder::federationHost),
            new Field("clientBaseUrl", (b, v) -> b.clientBaseUrl("https://matrix.example.com/" + v)),
            new Field("clientBaseUrlHost", (b, v) -> b.clientBaseUrl("https://" + v)),
            new Field("identityServerUrl", (b, v) -> b.identityServerUrl("https://id.example.com/" + v)),
            new Field("supportPage", (b, v) -> b.supportPage("https://example.com/" + v)),
            new Field("contactMatrixId", (b, v) -> b.addSupportContact(new SupportContact("m.role.admin", v, null))),
            new Field("contactEmail", (b, v) -> b.addSupportContact(new SupportContact("m.role.admin", null, v))),
            new Field("contactRole", (b, v) -> b.addSupportContact(new SupportContact(v, "@a:example.com", null))),
            new Field("extraKey", (b, v) -> b.extraClientKey(v, "true")),
            new Field("extraValueText", (b, v) -> b.extraClientKey("org.example.key", jsonString(v))),
            new Field("extraValueKey", (b, v) -> b.extraClientKey("org.example.key", "{" + jsonString(v) + ": 1}")),
            new Field("upstream", (b, v) -> b.federationProxy(true).homeserverUpstream("http://" + v + ":8008")));

    private static String jsonString(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz.").ofMinLength(1).ofMaxLength(12);
        // Text on both sides: leading and trailing white space is trimmed by design, not an injection.
        return Combinators.combine(plain, Arbitraries.of(FRAGMENTS), plain).as((a, bad, b) -> a + bad + b);
    }

    @Provide
    Arbitrary<Field> fields() {
        return Arbitraries.of(FIELDS);
    }

    @Provide
    Arbitrary<WebServerKind> webServers() {
        return Arbitraries.of(WebServerKind.NGINX, WebServerKind.CADDY, WebServerKind.APACHE, WebServerKind.HAPROXY);
    }

    @Property(tries = 1000)
    void hostileTextIsRefusedBeforeGeneration(@ForAll("fields") Field field, @ForAll("hostile") String text,
            @ForAll("webServers") WebServerKind web) {
        String value = field.name().startsWith("contactEmail") ? text + "@example.com" : text;
        DelegationPlan plan = field.put().apply(DelegationPlan.defaultsFor("example.com").toBuilder().webServer(web),
                value).build();
        assertThat(PlanValidator.validate(plan, Locale.ENGLISH)).as(field + " = " + value)
                .anyMatch(PlanProblem::isError);
        assertThatThrownBy(() -> new ConfigGenerator(Locale.ENGLISH).generate(plan))
                .isInstanceOf(InvalidPlanException.class);
    }
}
