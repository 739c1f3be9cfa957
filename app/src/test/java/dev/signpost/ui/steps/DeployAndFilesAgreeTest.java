package dev.signpost.ui.steps;

import dev.signpost.core.deploy.ManualSteps;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.ui.CoreServices;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deploy step's manual steps and the Files page say one thing: every file a step tells the user to copy "from the
 * Files page" is a file that page shows, with a purpose, for each web server and in both languages.
 */
class DeployAndFilesAgreeTest {

    @ParameterizedTest
    @EnumSource(value = WebServerKind.class, names = {"NGINX", "APACHE", "CADDY", "STATIC"})
    void everyFileAStepCopiesIsOnTheFilesPage(WebServerKind kind) throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(kind).build();
            assertCopiedFilesAreShown(kind, locale, plan);
        }
    }

    @ParameterizedTest
    @EnumSource(value = WebServerKind.class, names = {"NGINX", "APACHE", "CADDY"})
    void theCallAndSignInRoutesAreCopiedAndTakenInFromTheFilesPage(WebServerKind kind) throws Exception {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(kind)
                    .federationProxy(true).callServiceUrl("https://rtc.example.org/livekit/jwt")
                    .authIssuerUrl("https://auth.example.org/").build();
            assertCopiedFilesAreShown(kind, locale, plan);
            List<ManualSteps.Step> steps = ManualSteps.forPlan(plan, null, locale);
            assertThat(steps).as(kind + " " + locale).anySatisfy(step -> {
                assertThat(step.text()).contains("signpost-routes");
                assertThat(step.command()).contains("install -m 0644");
            });
            assertThat(steps).as(kind + " " + locale).anySatisfy(step -> {
                assertThat(step.text()).contains("matrix.example.org");
                assertThat(step.command()).matches("(include|Include|import) .*signpost-routes\\.(conf;|conf|caddy)");
            });
        }
    }

    private static void assertCopiedFilesAreShown(WebServerKind kind, Locale locale, DelegationPlan plan)
            throws Exception {
        List<PlannedFile> files = CoreServices.generator(locale).generate(plan);
        List<ManualSteps.Step> steps = ManualSteps.forPlan(plan, null, locale);
        List<ManualSteps.Step> copies = steps.stream()
                .filter(s -> s.command() != null && s.command().contains("install -m 0644")).toList();
        assertThat(copies).as(kind + " has steps that copy files").isNotEmpty();
        for (ManualSteps.Step copy : copies) {
            assertThat(files).as(copy.text()).anySatisfy(file -> {
                assertThat(copy.text()).contains(file.path());
                assertThat(file.purpose()).isNotBlank();
            });
        }
    }
}
