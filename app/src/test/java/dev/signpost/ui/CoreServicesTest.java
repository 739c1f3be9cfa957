package dev.signpost.ui;

import dev.signpost.core.deploy.ClientKeys;
import dev.signpost.core.deploy.MinaSshServer;
import dev.signpost.core.deploy.SshEnvironment;
import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportJson;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.EngineFixtures;
import dev.signpost.testkit.FixtureWorld;
import dev.signpost.ui.steps.FileSource;
import dev.signpost.ui.steps.PlannedFile;
import dev.signpost.ui.steps.ReportFormat;
import dev.signpost.ui.steps.SshUpload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wizard's adapters over the real generator, report writers and deployer (against a real SSH server). */
class CoreServicesTest {

    @TempDir
    Path dir;

    private final Texts texts = new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH);

    @Test
    void generatorMakesTheWellKnownFilesForThePlan() throws Exception {
        List<PlannedFile> files = CoreServices.generator(Locale.ENGLISH).generate(SamplePlan.plan());
        assertThat(files).extracting(PlannedFile::path).contains(".well-known/matrix/server", ".well-known/matrix/client");
        PlannedFile server = files.stream().filter(f -> f.path().equals(".well-known/matrix/server")).findFirst().orElseThrow();
        assertThat(server.content()).contains("\"m.server\"").contains("matrix.example.com:443");
        assertThat(server.purpose()).isNotBlank();
    }

    @Test
    void anInvalidPlanBecomesTheValidatorsSentence() {
        var plan = SamplePlan.plan();
        var broken = new dev.signpost.core.plan.DelegationPlan(plan.serverName(), plan.federationMode(),
                plan.federationHost(), plan.federationPort(), "ftp://nowhere", plan.identityServerUrl(),
                plan.supportContacts(), plan.supportPage(), plan.extraClientKeys(), plan.webServer(), plan.homeserver(),
                plan.federationProxy(), plan.homeserverUpstream(), null, null);
        FileSource generator = CoreServices.generator(Locale.ENGLISH);
        assertThatThrownBy(() -> generator.generate(broken)).hasMessageContaining("ftp://nowhere");
    }

    @Test
    void reportExportsIncludeJsonThatReadsBack() throws Exception {
        Report report = EngineFixtures.report(FixtureWorld.NO_DELEGATION);
        List<ReportFormat> formats = CoreServices.reportFormats(Locale.ENGLISH);
        assertThat(formats).extracting(ReportFormat::extension).containsExactly("html", "md", "json");
        String json = formats.get(2).renderer().render(report);
        assertThat(ReportJson.read(json).checks()).hasSameSizeAs(report.checks());
        assertThat(formats.get(0).renderer().render(report)).contains("example.com");
    }

    @Test
    void deployerUploadsTheWellKnownFilesOverSsh() throws Exception {
        ClientKeys keys = ClientKeys.create(dir.resolve("client"));
        try (MinaSshServer server = new MinaSshServer(dir.resolve("server/root"), keys)) {
            Path www = Files.createDirectories(server.newDirectory("ui").resolve("www"));
            Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
            SshEnvironment environment = new SshEnvironment(sshConfig, dir.resolve("known_hosts"), null, List.of());
            SshUpload upload = CoreServices.deployer(environment, texts, WizardFixture.EXECUTOR);
            List<PlannedFile> files = CoreServices.generator(Locale.ENGLISH).generate(SamplePlan.plan());
            List<String> asked = new ArrayList<>();
            List<String> progress = new ArrayList<>();
            SshUpload.Prompts prompts = new SshUpload.Prompts() {
                @Override
                public SshUpload.HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
                    asked.add(fingerprint);
                    return SshUpload.HostKeyAnswer.ACCEPT_ONCE;
                }

                @Override
                public char[] password(String userAtHost, boolean retry) {
                    return server.password().toCharArray();
                }

                @Override
                public char[] passphrase(String keyName, boolean retry) {
                    return null;
                }

                @Override
                public boolean confirmChanges(List<String> changedPaths) {
                    asked.addAll(changedPaths);
                    return true;
                }
            };
            SshUpload.Target target = new SshUpload.Target("127.0.0.1", server.port(), server.user(),
                    server.remotePath(www), null);
            SshUpload.Outcome outcome = upload.start(target, files, prompts, progress::add).result().get(60, TimeUnit.SECONDS);

            assertThat(outcome.ok()).as(outcome.message()).isTrue();
            assertThat(outcome.message()).startsWith("Uploaded 3 files to 127.0.0.1").doesNotContain("backups");
            assertThat(asked.get(0)).isEqualTo(server.fingerprint());
            assertThat(Files.readString(www.resolve(".well-known/matrix/server"))).contains("matrix.example.com:443");
            assertThat(Files.exists(www.resolve("nginx"))).as("only web-root files are uploaded").isFalse();
            assertThat(progress).isNotEmpty();

            SshUpload.Outcome again = upload.start(target, files, prompts, progress::add).result().get(60, TimeUnit.SECONDS);
            assertThat(again.message()).isEqualTo("127.0.0.1 already has exactly these files; nothing was written.");
        }
    }
    @Test
    void rollbackPutsTheReplacedFileBack() throws Exception {
        ClientKeys keys = ClientKeys.create(dir.resolve("client"));
        try (MinaSshServer server = new MinaSshServer(dir.resolve("server/root"), keys)) {
            Path www = Files.createDirectories(server.newDirectory("ui").resolve("www"));
            Path served = Files.createDirectories(www.resolve(".well-known/matrix")).resolve("server");
            Files.writeString(served, "{\"m.server\": \"old.example.com:8448\"}\n");
            SshUpload upload = CoreServices.deployer(environment(server), texts, WizardFixture.EXECUTOR);
            List<PlannedFile> files = CoreServices.generator(Locale.ENGLISH).generate(SamplePlan.plan());
            RecordingPrompts prompts = new RecordingPrompts(server.password());
            SshUpload.Target target = new SshUpload.Target("127.0.0.1", server.port(), server.user(),
                    server.remotePath(www), null);

            SshUpload.Outcome uploaded = upload.start(target, files, prompts, s -> { }).result().get(60, TimeUnit.SECONDS);
            assertThat(uploaded.ok()).as(uploaded.message()).isTrue();
            assertThat(uploaded.backupsKept()).isTrue();
            assertThat(Files.readString(served)).contains("matrix.example.com:443");

            List<String> progress = new ArrayList<>();
            SshUpload.Outcome rolledBack = upload.rollback(target, files, prompts, progress::add)
                    .result().get(60, TimeUnit.SECONDS);
            assertThat(rolledBack.ok()).as(rolledBack.message()).isTrue();
            assertThat(rolledBack.message()).startsWith("Rolled back 1 files on 127.0.0.1 to their backups");
            assertThat(Files.readString(served)).isEqualTo("{\"m.server\": \"old.example.com:8448\"}\n");
            assertThat(progress).isNotEmpty();
        }
    }

    @Test
    void theChosenPrivateKeyLogsInWithoutAPassword() throws Exception {
        ClientKeys keys = ClientKeys.create(dir.resolve("client"));
        try (MinaSshServer server = new MinaSshServer(dir.resolve("server/root"), keys)) {
            Path www = Files.createDirectories(server.newDirectory("ui").resolve("www"));
            SshUpload upload = CoreServices.deployer(environment(server), texts, WizardFixture.EXECUTOR);
            List<PlannedFile> files = CoreServices.generator(Locale.ENGLISH).generate(SamplePlan.plan());
            RecordingPrompts prompts = new RecordingPrompts(null);

            SshUpload.Target withoutKey = new SshUpload.Target("127.0.0.1", server.port(), server.user(),
                    server.remotePath(www), null, null);
            SshUpload.Outcome refused = upload.start(withoutKey, files, prompts, s -> { }).result().get(60, TimeUnit.SECONDS);
            assertThat(refused.ok()).as("no key and no password: the server must refuse").isFalse();

            SshUpload.Target withKey = new SshUpload.Target("127.0.0.1", server.port(), server.user(),
                    server.remotePath(www), null, keys.ecdsa);
            int passwordQuestions = prompts.passwordQuestions;
            SshUpload.Outcome outcome = upload.start(withKey, files, prompts, s -> { }).result().get(60, TimeUnit.SECONDS);
            assertThat(outcome.ok()).as(outcome.message()).isTrue();
            assertThat(prompts.passwordQuestions).as("the key logged in, no password asked").isEqualTo(passwordQuestions);
            assertThat(Files.readString(www.resolve(".well-known/matrix/server"))).contains("matrix.example.com:443");
        }
    }

    private SshEnvironment environment(MinaSshServer server) throws Exception {
        Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        return new SshEnvironment(sshConfig, knownHosts, null, List.of());
    }

    /** Answers like a user who trusts the host and confirms; gives {@code password} when asked (null: cancels). */
    private static final class RecordingPrompts implements SshUpload.Prompts {
        private final String password;
        volatile int passwordQuestions;

        RecordingPrompts(String password) {
            this.password = password;
        }

        @Override
        public SshUpload.HostKeyAnswer unknownHostKey(String host, String keyType, String fingerprint) {
            return SshUpload.HostKeyAnswer.ACCEPT_ONCE;
        }

        @Override
        public char[] password(String userAtHost, boolean retry) {
            passwordQuestions++;
            return password == null ? null : password.toCharArray();
        }

        @Override
        public char[] passphrase(String keyName, boolean retry) {
            return null;
        }

        @Override
        public boolean confirmChanges(List<String> changedPaths) {
            return true;
        }
    }
}
