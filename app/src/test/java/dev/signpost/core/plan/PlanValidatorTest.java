package dev.signpost.core.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanValidatorTest {

    private static final DelegationPlan GOOD = DelegationPlan.defaultsFor("example.com");

    private static List<PlanProblem> problems(DelegationPlan plan) {
        return PlanValidator.validate(plan, Locale.ENGLISH);
    }

    private static List<PlanProblem> errors(DelegationPlan plan) {
        return problems(plan).stream().filter(PlanProblem::isError).toList();
    }

    private static List<PlanProblem> warnings(DelegationPlan plan) {
        return problems(plan).stream().filter(p -> !p.isError()).toList();
    }

    @Test
    void defaultsAreValidWithoutWarnings() {
        assertThat(problems(GOOD)).isEmpty();
        assertThat(GOOD.federationHost()).isEqualTo("matrix.example.com");
        assertThat(GOOD.federationPort()).isEqualTo(8448);
        assertThat(GOOD.clientBaseUrl()).isEqualTo("https://matrix.example.com");
    }

    @Test
    void badServerNameIsExplainedByTheGrammar() {
        List<PlanProblem> errors = errors(GOOD.toBuilder().serverName("https://example.com").build());
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(PlanProblem.FIELD_SERVER_NAME);
            assertThat(p.message()).contains("scheme");
        });
    }

    @Test
    void serverNameWithPortCannotBeDelegated() {
        assertThat(errors(GOOD.toBuilder().serverName("example.com:8448").build()))
                .extracting(PlanProblem::message).anySatisfy(m -> assertThat(m).contains("cannot be delegated"));
        DelegationPlan direct = GOOD.toBuilder().serverName("example.com:8448")
                .federationMode(FederationMode.DIRECT).build();
        assertThat(errors(direct)).isEmpty();
        assertThat(warnings(direct)).extracting(PlanProblem::message)
                .anySatisfy(m -> assertThat(m).contains("@NAME:example.com:8448"));
    }

    @Test
    void schemeInFederationHostIsThePitfallSentence() {
        List<PlanProblem> errors = errors(GOOD.toBuilder().federationHost("https://matrix.example.com").build());
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo(PlanProblem.FIELD_FEDERATION_HOST);
            assertThat(p.message()).contains("without https://").contains("m.server");
        });
    }

    @Test
    void portInHostFieldSaysWhereItGoes() {
        assertThat(errors(GOOD.toBuilder().federationHost("matrix.example.com:443").build()))
                .singleElement().satisfies(p -> assertThat(p.message())
                        .contains("matrix.example.com").contains("443").contains("port field"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100000})
    void portsOutOfRangeAreErrors(int port) {
        assertThat(errors(GOOD.toBuilder().federationPort(port).build()))
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo(PlanProblem.FIELD_FEDERATION_PORT));
    }

    @Test
    void delegatingToItselfOn8448IsPointless() {
        List<PlanProblem> warnings = warnings(GOOD.toBuilder().federation("example.com", 8448).build());
        assertThat(warnings).singleElement().satisfies(p -> assertThat(p.message()).contains("changes nothing"));
    }

    @Test
    void federationOn443IsLegalButExplained() {
        DelegationPlan plan = GOOD.toBuilder().federation("matrix.example.com", 443).build();
        assertThat(errors(plan)).isEmpty();
        assertThat(warnings(plan)).singleElement().satisfies(p -> assertThat(p.message()).contains("8448"));
    }

    @Test
    void srvModeWarnsAndRefusesIpTargets() {
        DelegationPlan srv = GOOD.toBuilder().federationMode(FederationMode.SRV).build();
        assertThat(errors(srv)).isEmpty();
        assertThat(warnings(srv)).singleElement().satisfies(p -> assertThat(p.message()).contains("certificate"));
        assertThat(errors(srv.toBuilder().federationHost("192.0.2.1").build())).hasSize(1);
    }

    @Test
    void httpBaseUrlIsRefusedWithTheReason() {
        assertThat(errors(GOOD.toBuilder().clientBaseUrl("http://matrix.example.com").build()))
                .singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo(PlanProblem.FIELD_CLIENT_BASE_URL);
                    assertThat(p.message()).contains("https://");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"matrix.example.com", "https://matrix.example.com/?x=1", "https://matrix.example.com/#a",
            "https://user@matrix.example.com", "https://", "ftp://matrix.example.com",
            "https://matrix.example.com/_matrix/client", "https://matrix.example.com/a b",
            "https://matrix.example.com/$host", "https://matrix.example.com/a;b", "https://bad_host.example"})
    void badBaseUrlsAreErrors(String url) {
        assertThat(errors(GOOD.toBuilder().clientBaseUrl(url).build())).isNotEmpty()
                .allSatisfy(p -> assertThat(p.field()).isEqualTo(PlanProblem.FIELD_CLIENT_BASE_URL));
    }

    @Test
    void trailingSlashAndPathAreFine() {
        assertThat(problems(GOOD.toBuilder().clientBaseUrl("https://example.com/matrix/").build())).isEmpty();
    }

    @Test
    void idnIsAcceptedAndWrittenAsPunycode() throws InvalidPlanException {
        DelegationPlan plan = DelegationPlan.defaultsFor("bücher.example");
        assertThat(errors(plan)).isEmpty();
        assertThat(warnings(plan)).singleElement().satisfies(p -> assertThat(p.message()).contains("xn--bcher-kva"));
        DelegationPlan normalized = PlanValidator.normalize(plan, Locale.ENGLISH);
        assertThat(normalized.serverName()).isEqualTo("xn--bcher-kva.example");
        assertThat(normalized.federationHost()).isEqualTo("matrix.xn--bcher-kva.example");
        assertThat(normalized.clientBaseUrl()).isEqualTo("https://matrix.xn--bcher-kva.example");
    }

    @Test
    void aNameThatIdna2003WouldTurnIntoAnotherDomainIsWarnedAboutWithBothForms() {
        DelegationPlan plan = DelegationPlan.defaultsFor("faß.de");
        assertThat(errors(plan)).isEmpty();
        assertThat(warnings(plan)).anySatisfy(p -> assertThat(p.message())
                .contains("xn--fa-hia.de").contains("fass.de").contains("different domain"));
    }

    @Test
    void aMixedScriptNameIsWarnedAbout() {
        assertThat(warnings(DelegationPlan.defaultsFor("ex\u0430mple.com")))
                .anySatisfy(p -> assertThat(p.message()).contains("different scripts").contains("xn--exmple-4nf.com"));
    }

    @Test
    void extraKeysMustBeNamespacedJsonWithSafeText() {
        assertThat(errors(GOOD.toBuilder().extraClientKey("jitsi", "true").build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().extraClientKey("m.homeserver", "{}").build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().extraClientKey("org.example.a", "{not json").build()))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("not valid JSON"));
        assertThat(errors(GOOD.toBuilder().extraClientKey("org.example.a", "1 2").build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().extraClientKey("org.example.a", "\"a'b\"").build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().extraClientKey("org.example.a", "{\"x\": \"$host\"}").build())).hasSize(1);
        assertThat(problems(GOOD.toBuilder().extraClientKey("org.example.a", "{\"x\": [1, \"Grüße\", null]}")
                .build())).isEmpty();
        assertThat(warnings(GOOD.toBuilder().extraClientKey("m.tile_server", "{\"map_style_url\": \"x\"}")
                .build())).hasSize(1);
    }

    @Test
    void supportContactsAreChecked() {
        assertThat(problems(GOOD.toBuilder().addSupportContact(
                new SupportContact("m.role.admin", "@admin:example.com", null)).build())).isEmpty();
        assertThat(errors(GOOD.toBuilder().addSupportContact(
                new SupportContact("admin", "@admin:example.com", null)).build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().addSupportContact(
                new SupportContact("m.role.admin", null, null)).build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().addSupportContact(
                new SupportContact("m.role.security", "admin:example.com", "x'y@example.com")).build())).hasSize(2);
        assertThat(errors(GOOD.toBuilder().supportPage("http://example.com/help").build())).hasSize(1);
    }

    @Test
    void synapseCanOnlyServeItsOwnFixedServerFile() {
        DelegationPlan plan = GOOD.toBuilder().webServer(WebServerKind.HOMESERVER).build();
        assertThat(errors(plan)).singleElement().satisfies(p -> assertThat(p.message()).contains("example.com:443"));
        assertThat(errors(plan.toBuilder().federation("example.com", 443).build())).isEmpty();
        assertThat(errors(plan.toBuilder().homeserver(HomeserverKind.DENDRITE).build())).isEmpty();
    }

    @Test
    void proxyNeedsARealWebServerAndAPlainUpstream() {
        assertThat(errors(GOOD.toBuilder().federationProxy(true).webServer(WebServerKind.STATIC).build())).hasSize(1);
        assertThat(errors(GOOD.toBuilder().federationProxy(true).homeserverUpstream("https://127.0.0.1:8008").build()))
                .hasSize(1);
        assertThat(errors(GOOD.toBuilder().federationProxy(true).homeserverUpstream("http://[::1]:8008").build()))
                .isEmpty();
    }

    @Test
    void missingChoicesAreErrorsNotExceptions() {
        DelegationPlan empty = new DelegationPlan(null, null, null, 0, null, null, null, null, null, null, null,
                false, null, null, null);
        assertThat(errors(empty)).extracting(PlanProblem::field).contains(PlanProblem.FIELD_SERVER_NAME,
                PlanProblem.FIELD_FEDERATION_MODE, PlanProblem.FIELD_CLIENT_BASE_URL, PlanProblem.FIELD_WEB_SERVER,
                PlanProblem.FIELD_HOMESERVER);
        assertThat(errors(null)).hasSize(1);
    }

    @Test
    void normalizeRefusesInvalidPlansWithTheSentences() {
        assertThatThrownBy(() -> PlanValidator.normalize(GOOD.toBuilder().federationPort(0).build(), Locale.ENGLISH))
                .isInstanceOf(InvalidPlanException.class).hasMessageContaining("out of range");
    }

    @Test
    void germanSentencesAreGerman() {
        assertThat(errors(GOOD.toBuilder().clientBaseUrl("http://matrix.example.com").build()))
                .isNotEmpty();
        List<PlanProblem> de = PlanValidator.validate(GOOD.toBuilder().clientBaseUrl("http://x.example").build(),
                Locale.GERMAN);
        assertThat(de).singleElement().satisfies(p -> assertThat(p.message()).contains("Verwenden Sie https://"));
    }

    @Test
    void callAndSignInUrlsAreHttpsWithoutQueryAndCarryTheirField() {
        DelegationPlan plan = GOOD.toBuilder().federationProxy(true)
                .callServiceUrl("http://rtc.example.com/livekit/jwt")
                .authIssuerUrl("https://auth.example.com/?tenant=1").build();
        assertThat(errors(plan)).extracting(PlanProblem::field).containsExactlyInAnyOrder(
                PlanProblem.FIELD_CALL_SERVICE_URL, PlanProblem.FIELD_AUTH_ISSUER_URL);
        assertThat(errors(plan)).anySatisfy(p -> assertThat(p.message()).contains("http://rtc.example.com"));
        DelegationPlan good = GOOD.toBuilder().federationProxy(true)
                .callServiceUrl("https://rtc.example.com/livekit/jwt").authIssuerUrl("https://auth.example.com/")
                .build();
        assertThat(errors(good)).isEmpty();
    }
}
