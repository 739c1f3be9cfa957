package dev.signpost.ui.steps;

import dev.signpost.core.model.Status;
import dev.signpost.core.plan.PlanComparison;
import dev.signpost.ui.ReplayDiscovery;
import dev.signpost.ui.WizardFixture;
import dev.signpost.ui.task.BackgroundTasks;
import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.signpost.ui.steps.StepsTestSupport.EN;
import static org.assertj.core.api.Assertions.assertThat;

/** The check, files, deploy, verify and done pages' view models, driven without the toolkit. */
class StepViewModelsTest {

    @TempDir
    Path dir;

    private final WizardSession session = StepsTestSupport.validSession();
    private final BackgroundTasks tasks = BackgroundTasks.sameThread();

    @Test
    void liveCheckComparesWithThePlanAndRemembersTheDomain() {
        List<String> remembered = new ArrayList<>();
        ReplayDiscovery discovery = new ReplayDiscovery(
                name -> EngineFixtures.report(FixtureWorld.DELEGATED_ELSEWHERE), false);
        LiveCheckViewModel model = new LiveCheckViewModel(session, new CheckRunner(() -> discovery, Runnable::run, EN),
                EN, remembered::add);
        model.enter();
        assertThat(remembered).containsExactly("example.com");
        assertThat(model.findings()).extracting(PlanComparison.Finding::sentence)
                .contains("The well-known points to old.example.com:443, your plan says matrix.example.com:8448.");
        assertThat(session.firstReportProperty().get()).isNotNull();
        assertThat(model.canAdvance().get()).isTrue();
        model.enter();
        assertThat(discovery.starts()).as("coming back checks again: the world may have changed").isEqualTo(2);
    }

    @Test
    void liveCheckWaitsWhileRunningAndCancels() {
        ReplayDiscovery discovery = new ReplayDiscovery(name -> EngineFixtures.report(FixtureWorld.NO_DELEGATION), true);
        LiveCheckViewModel model = new LiveCheckViewModel(session, new CheckRunner(() -> discovery, Runnable::run, EN),
                EN, d -> { });
        model.enter();
        assertThat(model.busy().get()).isTrue();
        assertThat(model.canAdvance().get()).isFalse();
        model.cancel();
        assertThat(model.busy().get()).isFalse();
        assertThat(model.canAdvance().get()).isTrue();
    }

    @Test
    void checkOnlyPathChecksTheTypedDomainWithoutComparing() {
        session.pathProperty().set(WizardPath.CHECK_ONLY);
        session.checkDomainProperty().set("other.example");
        List<String> checked = new ArrayList<>();
        LiveCheckViewModel model = new LiveCheckViewModel(session, new CheckRunner(
                () -> new ReplayDiscovery(name -> {
                    checked.add(name);
                    return EngineFixtures.report(FixtureWorld.DELEGATED_ELSEWHERE);
                }, false), Runnable::run, EN), EN, d -> { });
        model.enter();
        assertThat(checked).containsExactly("other.example");
        assertThat(model.runner().reportProperty().get()).isNotNull();
        assertThat(model.findings()).as("a report that differs from the plan, but there is no plan to compare with")
                .isEmpty();
    }

    @Test
    void filesAreGeneratedAndSavedAllToAFolder() throws Exception {
        FilesViewModel model = new FilesViewModel(session, WizardFixture.sampleFiles(), tasks, EN);
        model.enter();
        assertThat(model.files()).extracting(PlannedFile::path)
                .containsExactly(".well-known/matrix/server", ".well-known/matrix/client");
        assertThat(model.canAdvance().get()).isTrue();
        assertThat(session.unsavedProperty().get()).isTrue();
        model.saveAll(dir);
        assertThat(Files.readString(dir.resolve(".well-known/matrix/server")))
                .isEqualTo("{\"m.server\": \"matrix.example.com:8448\"}\n");
        assertThat(model.messageProperty().get()).isEqualTo("Saved 2 files to " + dir + ".");
        assertThat(session.unsavedProperty().get()).isFalse();
    }

    @Test
    void aFileCannotBeSavedOutsideTheChosenFolder() {
        FilesViewModel model = new FilesViewModel(session,
                plan -> List.of(new PlannedFile("../../escape.txt", "bad", "x")), tasks, EN);
        model.enter();
        model.saveAll(dir.resolve("out"));
        assertThat(model.errorProperty().get()).startsWith("Could not save: Refusing to write ../../escape.txt");
        assertThat(Files.exists(dir.resolve("escape.txt"))).isFalse();
    }

    @Test
    void aGeneratorFailureIsShownAsASentence() {
        FilesViewModel model = new FilesViewModel(session, plan -> {
            throw new IllegalArgumentException("HAProxy cannot serve files from disk");
        }, tasks, EN);
        model.enter();
        assertThat(model.errorProperty().get())
                .isEqualTo("The files could not be made: HAProxy cannot serve files from disk");
        assertThat(model.canAdvance().get()).isFalse();
    }

    @Test
    void deployNeedsTheUserToSayTheFilesArePlaced() {
        FilesViewModel files = new FilesViewModel(session, WizardFixture.sampleFiles(), tasks, EN);
        files.enter();
        DeployViewModel model = new DeployViewModel(files.files(), EN, null, Runnable::run);
        assertThat(model.placementLines()).first().asString().startsWith(".well-known/matrix/server — ");
        assertThat(model.manualSteps()).first().extracting(s -> s.text()).asString()
                .startsWith(".well-known/matrix/server — ");
        assertThat(model.canAdvance().get()).isFalse();
        model.placedByUserProperty().set(true);
        assertThat(model.canAdvance().get()).isTrue();
    }

    @Test
    void verifySetsBeforeBesideAfterAndExplainsCaching() {
        session.firstReportProperty().set(EngineFixtures.report(FixtureWorld.NO_DELEGATION));
        VerifyViewModel model = new VerifyViewModel(session, new CheckRunner(
                () -> new ReplayDiscovery(name -> EngineFixtures.report(FixtureWorld.NO_DELEGATION), false),
                Runnable::run, EN), EN);
        model.enter();
        assertThat(model.rows()).noneMatch(VerifyViewModel.Row::improved);
        assertThat(model.rows()).filteredOn(r -> r.checkId().equals("federation.dns")).singleElement()
                .satisfies(row -> {
                    assertThat(row.before().status()).isEqualTo(Status.FAIL);
                    assertThat(row.after().status()).isEqualTo(Status.FAIL);
                    assertThat(row.improved()).isFalse();
                });
        assertThat(model.advice()).anyMatch(line -> line.contains("up to 48 hours"));
    }

    @Test
    void verifyAfterAFixShowsTheImprovementAndNoAdvice() {
        session.firstReportProperty().set(EngineFixtures.report(FixtureWorld.NO_DELEGATION));
        VerifyViewModel model = new VerifyViewModel(session, new CheckRunner(() -> new ReplayDiscovery(
                name -> EngineFixtures.report(FixtureWorld.HEALTHY), false), Runnable::run, EN), EN);
        model.enter();
        assertThat(model.rows()).filteredOn(r -> r.checkId().equals("federation.dns"))
                .singleElement().satisfies(row -> assertThat(row.improved()).isTrue());
        assertThat(model.advice()).isEmpty();
    }

    @Test
    void doneSummarisesRemembersThePlanAndExports() throws Exception {
        session.verifyReportProperty().set(EngineFixtures.report(FixtureWorld.HEALTHY));
        List<Object> remembered = new ArrayList<>();
        ReportFormat text = new ReportFormat("txt", report -> report.serverName() + " " + report.overall());
        DoneViewModel model = new DoneViewModel(session, List.of(text), tasks, EN, remembered::add);
        model.enter();
        assertThat(model.headlineProperty().get()).isEqualTo("example.com is delegated and everything checks out.");
        assertThat(model.summary()).contains("Federation delegated with the well-known file to matrix.example.com:8448",
                "20 checks: 0 failed, 0 with warnings");
        assertThat(remembered).hasSize(1);
        model.export(text, dir.resolve("report.txt"));
        assertThat(Files.readString(dir.resolve("report.txt"))).isEqualTo("example.com PASS");
    }

    @Test
    void startValidatesTheDomainToCheck() {
        List<WizardPath> chosen = new ArrayList<>();
        StartViewModel model = new StartViewModel(session, EN.locale(), List.of("a.example"), chosen::add);
        model.domainToCheckProperty().set("https://x.example");
        assertThat(model.checkDomain()).isFalse();
        model.pickRecent("a.example");
        assertThat(model.checkDomain()).isTrue();
        assertThat(chosen).containsExactly(WizardPath.CHECK_ONLY);
        assertThat(session.checkDomainProperty().get()).isEqualTo("a.example");
    }

    @Test
    void sshUploadValidatesTheFormAndReportsTheOutcome() {
        FilesViewModel files = new FilesViewModel(session, WizardFixture.sampleFiles(), tasks, EN);
        files.enter();
        dev.signpost.ui.FakeSshUpload fake = new dev.signpost.ui.FakeSshUpload(Runnable::run);
        DeployViewModel model = new DeployViewModel(files.files(), EN, fake, Runnable::run);
        model.methodProperty().set(DeployViewModel.Method.SSH);
        assertThat(model.sshFormValidProperty().get()).isFalse();
        model.hostProperty().set("web.example.com");
        model.portProperty().set("70000");
        assertThat(model.portError("70000")).contains("is not a port");
        assertThat(model.sshFormValidProperty().get()).isFalse();
        model.portProperty().set("2222");
        model.webRootProperty().set("var/www");
        assertThat(model.sshFormValidProperty().get()).isFalse();
        model.webRootProperty().set("/srv/www");
        assertThat(model.sshFormValidProperty().get()).isTrue();

        model.upload(new SshUpload.Prompts() {
            @Override
            public SshUpload.HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
                return SshUpload.HostKeyAnswer.ACCEPT_ONCE;
            }

            @Override
            public char[] password(String userAtHost, boolean retry) {
                return null;
            }

            @Override
            public char[] passphrase(String keyName, boolean retry) {
                return null;
            }

            @Override
            public boolean confirmChanges(List<String> changedPaths) {
                return true;
            }
        });
        assertThat(fake.targets).singleElement().satisfies(t -> {
            assertThat(t.port()).isEqualTo(2222);
            assertThat(t.user()).isNull();
        });
        assertThat(fake.uploadedPaths).containsExactly("/srv/www/.well-known/matrix/server",
                "/srv/www/.well-known/matrix/client");
        assertThat(model.progressProperty().get()).isEqualTo("Uploaded 2 files to web.example.com.");
        assertThat(model.canAdvance().get()).isTrue();
        assertThat(model.canRollBackProperty().get()).as("nothing was replaced, so nothing to roll back").isFalse();
    }

    @Test
    void thePrivateKeyFieldNeedsAReadableFileAndGoesToTheTarget() throws Exception {
        FilesViewModel files = new FilesViewModel(session, WizardFixture.sampleFiles(), tasks, EN);
        files.enter();
        dev.signpost.ui.FakeSshUpload fake = new dev.signpost.ui.FakeSshUpload(Runnable::run);
        DeployViewModel model = new DeployViewModel(files.files(), EN, fake, Runnable::run);
        model.hostProperty().set("web.example.com");
        assertThat(model.sshFormValidProperty().get()).isTrue();
        Path missing = dir.resolve("id_missing");
        model.identityFileProperty().set(missing.toString());
        assertThat(model.identityFileError(missing.toString())).isEqualTo("There is no file at " + missing
                + ". Choose your private key (such as ~/.ssh/id_ed25519, not the .pub file) or leave the field empty.");
        assertThat(model.sshFormValidProperty().get()).isFalse();
        assertThat(model.identityFileError(dir.toString())).as("a folder is not a key").startsWith("There is no file");
        Path key = Files.writeString(dir.resolve("id_ed25519"), "key");
        model.identityFileProperty().set(key.toString());
        assertThat(model.sshFormValidProperty().get()).isTrue();

        model.upload(trusting());
        assertThat(fake.targets).singleElement().extracting(SshUpload.Target::identityFile).isEqualTo(key);
    }

    @Test
    void rollBackIsOfferedAfterFilesWereReplacedAndPutsThemBack() {
        FilesViewModel files = new FilesViewModel(session, WizardFixture.sampleFiles(), tasks, EN);
        files.enter();
        dev.signpost.ui.FakeSshUpload fake = new dev.signpost.ui.FakeSshUpload(Runnable::run);
        fake.replacesFiles = true;
        DeployViewModel model = new DeployViewModel(files.files(), EN, fake, Runnable::run);
        model.methodProperty().set(DeployViewModel.Method.SSH);
        model.hostProperty().set("web.example.com");
        model.rollBack(trusting());
        assertThat(fake.rollbacks).as("no upload yet, nothing to roll back").isEmpty();

        model.upload(trusting());
        assertThat(model.canRollBackProperty().get()).isTrue();
        model.rollBack(trusting());
        assertThat(fake.rollbacks).singleElement().isEqualTo(fake.targets.get(0));
        assertThat(model.progressProperty().get()).isEqualTo("Rolled back 2 files on web.example.com.");
        assertThat(model.canRollBackProperty().get()).isFalse();
        assertThat(model.uploadingProperty().get()).isFalse();
        assertThat(model.canAdvance().get()).as("the uploaded files are no longer there").isFalse();
    }

    private static SshUpload.Prompts trusting() {
        return new SshUpload.Prompts() {
            @Override
            public SshUpload.HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
                return SshUpload.HostKeyAnswer.ACCEPT_ONCE;
            }

            @Override
            public char[] password(String userAtHost, boolean retry) {
                return null;
            }

            @Override
            public char[] passphrase(String keyName, boolean retry) {
                return null;
            }

            @Override
            public boolean confirmChanges(List<String> changedPaths) {
                return true;
            }
        };
    }

    @Test
    void deploySuggestsTheWebRootOfThePlansWebServerUntilTyped() {
        DeployViewModel model = new DeployViewModel(javafx.collections.FXCollections.observableArrayList(), EN, null,
                Runnable::run);
        session.draft().webServer.set(dev.signpost.core.plan.WebServerKind.CADDY);
        model.suggestFrom(() -> session.draft().webServer.get());
        model.enter();
        assertThat(model.webRootProperty().get()).isEqualTo("/usr/share/caddy");
        assertThat(model.suggestedAfterCommands()).containsExactly("sudo systemctl reload caddy");
        model.webRootProperty().set("/srv/site");
        session.draft().webServer.set(dev.signpost.core.plan.WebServerKind.NGINX);
        model.enter();
        assertThat(model.webRootProperty().get()).isEqualTo("/srv/site");
    }
}
