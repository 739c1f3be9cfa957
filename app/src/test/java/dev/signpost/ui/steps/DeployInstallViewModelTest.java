package dev.signpost.ui.steps;

import dev.signpost.core.deploy.ServerLayout;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import dev.signpost.core.text.Texts;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deploy page's install path without the toolkit: which path a plan takes, the fields' defaults from the core's
 * layout, what reaches the uploader, and Cancel waiting for the core's word on the server's state.
 */
class DeployInstallViewModelTest {

    static final Texts EN = new Texts("dev.signpost.ui.messages", Locale.ENGLISH);

    /** An uploader whose install ends when the test says so. */
    static final class HeldInstall implements SshUpload {
        final List<Setup> setups = new ArrayList<>();
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        Consumer<String> progress;
        boolean cancelled;

        @Override
        public Running install(Target target, Setup setup, Prompts prompts, Consumer<String> progress) {
            setups.add(setup);
            this.progress = progress;
            return new Running() {
                @Override
                public CompletableFuture<Outcome> result() {
                    return result;
                }

                @Override
                public void cancel() {
                    cancelled = true;
                }
            };
        }

        @Override
        public Running start(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress) {
            throw new AssertionError("a web server with a configuration is installed, not uploaded");
        }

        @Override
        public Running rollback(Target target, List<PlannedFile> files, Prompts prompts, Consumer<String> progress) {
            throw new AssertionError("no rollback here");
        }
    }

    private static DeployViewModel model(HeldInstall uploader, DelegationPlan plan) {
        DeployViewModel model = new DeployViewModel(FXCollections.observableArrayList(), EN, uploader, Runnable::run);
        model.suggestFrom(plan::webServer);
        model.planFrom(() -> plan);
        model.enter();
        model.methodProperty().set(DeployViewModel.Method.SSH);
        model.hostProperty().set("web.example.org");
        return model;
    }

    @Test
    void theFieldsShowTheDistributionsDefaultsAndReachTheInstall() {
        HeldInstall uploader = new HeldInstall();
        DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(WebServerKind.APACHE)
                .build();
        DeployViewModel model = model(uploader, plan);
        assertThat(model.installsSetupProperty().get()).isTrue();
        assertThat(model.testCommandPrompt().get()).isEqualTo("apachectl configtest");
        assertThat(model.reloadCommandPrompt().get()).isEqualTo("systemctl reload apache2");
        assertThat(model.configPathPrompt().get()).isEqualTo("searched in /etc/apache2/sites-enabled");
        model.distributionProperty().set(ServerLayout.Distribution.FEDORA);
        assertThat(model.reloadCommandPrompt().get()).isEqualTo("systemctl reload httpd");
        assertThat(model.configPathPrompt().get())
                .isEqualTo("searched in /etc/httpd/conf.d, /etc/httpd/conf/httpd.conf");

        model.configPathProperty().set(" /etc/httpd/conf.d/example.org.conf ");
        model.sudoProperty().set(false);
        model.upload(null);
        assertThat(uploader.setups).singleElement().satisfies(s -> {
            assertThat(s.plan()).isEqualTo(plan);
            assertThat(s.distribution()).isEqualTo(ServerLayout.Distribution.FEDORA);
            assertThat(s.configPath()).isEqualTo("/etc/httpd/conf.d/example.org.conf");
            assertThat(s.testCommand()).isNull();
            assertThat(s.reloadCommand()).isNull();
            assertThat(s.sudo()).isFalse();
        });
    }

    @Test
    void cancelWaitsForTheInstallToSayWhatStateTheServerIsIn() {
        HeldInstall uploader = new HeldInstall();
        DeployViewModel model = model(uploader, DelegationPlan.defaultsFor("example.org"));
        model.upload(null);
        uploader.progress.accept("Uploading /etc/nginx/snippets/signpost-wellknown.conf");
        assertThat(model.stages()).containsExactly("Uploading /etc/nginx/snippets/signpost-wellknown.conf");

        model.cancel();
        assertThat(uploader.cancelled).isTrue();
        assertThat(model.uploadingProperty().get()).as("still busy until the core answers").isTrue();
        assertThat(model.progressProperty().get()).startsWith("Stopping;");
        uploader.progress.accept("Putting the previous configuration back");
        assertThat(model.stages()).last().isEqualTo("Putting the previous configuration back");
        assertThat(model.progressProperty().get()).as("the stop stays in view").startsWith("Stopping;");

        uploader.result.complete(new SshUpload.Outcome(false,
                "The configuration test \"nginx -t\" failed (status 1), so nothing was reloaded.", false,
                "  nginx: [emerg] unknown directive"));
        assertThat(model.uploadingProperty().get()).isFalse();
        assertThat(model.uploadErrorProperty().get()).startsWith("The configuration test");
        assertThat(model.serverLinesProperty().get()).isEqualTo("  nginx: [emerg] unknown directive");
        assertThat(model.canAdvance().get()).isFalse();
    }

    @Test
    void staticHostingUploadsInsteadOfInstalling() {
        DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(WebServerKind.STATIC)
                .build();
        DeployViewModel model = model(new HeldInstall(), plan);
        assertThat(model.installsSetupProperty().get()).isFalse();
    }
}
