package dev.signpost.core.deploy;

import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The manual path says what deploy does: the same places, the same line, the same commands, in order. */
class ManualStepsTest {

    @Test
    void nginxStepsAreTheDeployTransactionByHand() {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(WebServerKind.NGINX)
                .build();
        List<ManualSteps.Step> steps = ManualSteps.forPlan(plan, null, Locale.ENGLISH);
        ServerLayout layout = ServerLayout.defaults(WebServerKind.NGINX, ServerLayout.Distribution.DEBIAN);
        assertThat(steps).extracting(ManualSteps.Step::command).containsExactly(
                "sudo install -m 0644 -D signpost-wellknown.conf " + layout.snippetPath(),
                "include " + layout.snippetPath() + ";",
                "sudo nginx -t",
                "sudo systemctl reload nginx",
                null);
        assertThat(steps.get(1).text()).isEqualTo("In the server { } block that serves example.org over HTTPS "
                + "(in /etc/nginx/sites-enabled), add this line after server_name:");
        assertThat(steps.get(4).text()).contains("example.org").doesNotContain("example.com");
        assertThat(steps).noneMatch(s -> s.text().contains("''"));
    }

    @Test
    void staticHostingCopiesTheFilesAndTheHtaccessIntoTheWebRoot() {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(WebServerKind.STATIC)
                .build();
        List<ManualSteps.Step> steps = ManualSteps.forPlan(plan, "/srv/site", Locale.GERMAN);
        assertThat(steps).extracting(ManualSteps.Step::command).contains(
                "sudo install -m 0644 -D .well-known/matrix/server /srv/site/.well-known/matrix/server",
                "install -m 0644 -D .well-known/matrix/.htaccess /srv/site/.well-known/matrix/.htaccess");
        assertThat(steps).noneMatch(s -> s.text().contains("''"));
    }
}
