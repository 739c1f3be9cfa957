package dev.signpost.core.deploy;

import dev.signpost.core.model.Report;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The install transaction against the real OpenSSH sshd, with the web server's commands replaced by stand-ins:
 * sudo ({@link SudoShim}: a stand-in that wants a password on standard input, so the test needs no root and no
 * sudoers), and a live check that gets worse.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SetupInstallerTest {

    static final String SITE = "server {\n    listen 443 ssl;\n    server_name example.org;\n    root /srv;\n}\n";
    static final String SUDO_PASSWORD = "correct horse battery";

    Path base;
    ClientKeys keys;
    OpenSshServer sshd;
    Path knownHosts;
    Path etc;
    Path site;
    Path sudo;
    int run;

    @BeforeAll
    void start() throws Exception {
        base = Files.createTempDirectory("signpost-setup-");
        keys = ClientKeys.create(base.resolve("client"));
        sshd = new OpenSshServer(base.resolve("sshd"), keys);
        knownHosts = Files.writeString(base.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
        sudo = SudoShim.write(base.resolve("sudo"), SUDO_PASSWORD).program;
    }

    @AfterAll
    void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void freshConfig() throws Exception {
        etc = Files.createDirectories(base.resolve("etc" + ++run + "/nginx"));
        site = Files.writeString(Files.createDirectories(etc.resolve("sites-enabled")).resolve("example.org"), SITE);
    }

    SetupRequest request(SetupRequest.SudoMode sudoMode) {
        SshTarget target = new SshTarget("127.0.0.1", sshd.port(), sshd.user(), keys.ecdsa, Duration.ofSeconds(15),
                Duration.ofSeconds(15));
        DelegationPlan plan = DelegationPlan.defaultsFor("example.org").toBuilder().webServer(WebServerKind.NGINX)
                .build();
        return new SetupRequest(target, plan, ServerLayout.Distribution.DEBIAN, site.toString(), "echo config-ok",
                "echo reloaded", null, sudoMode, sudo.toString(), 5, false);
    }

    Deployer deployer() {
        return new Deployer(new SshEnvironment(null, knownHosts, null, List.of()), Locale.ENGLISH);
    }

    List<String> everything() throws Exception {
        try (Stream<Path> walk = Files.walk(etc)) {
            return walk.map(p -> etc.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aWrongSudoPasswordChangesNothing() throws Exception {
        List<String> before = everything();
        ScriptedPrompts prompts = new ScriptedPrompts();
        prompts.passwords.add("wrong");
        SetupResult r = deployer().install(request(SetupRequest.SudoMode.ALWAYS), prompts, DeployListener.NONE,
                new Cancellation(), null);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains("did not accept the password").contains("nothing was changed");
        assertThat(prompts.passwordRequests).containsExactly("sudo on " + sshd.user() + "@127.0.0.1:" + sshd.port());
        assertThat(Files.readString(site)).isEqualTo(SITE);
        assertThat(everything()).isEqualTo(before);
        assertThat(prompts.secretsHandedOut).allSatisfy(s -> assertThat(s).containsOnly('\0'));
    }

    @Test
    void theSudoPasswordIsAskedOnceAndTheCommandsRunThroughSudo() throws Exception {
        ScriptedPrompts prompts = new ScriptedPrompts();
        prompts.passwords.add(SUDO_PASSWORD);
        SetupResult r = deployer().install(request(SetupRequest.SudoMode.ALWAYS), prompts, DeployListener.NONE,
                new Cancellation(), null);
        assertThat(r.outcome()).as(r.message()).isEqualTo(DeployOutcome.DEPLOYED);
        assertThat(prompts.passwordRequests).hasSize(1);
        assertThat(r.commands()).containsExactly(sudo + " echo config-ok", sudo + " echo reloaded");
        assertThat(r.ran()).extracting(CommandResult::output)
                .containsExactly("as root: echo config-ok\nconfig-ok\n", "as root: echo reloaded\nreloaded\n");
        assertThat(Files.readString(site)).contains("include " + etc.resolve("snippets/signpost-wellknown.conf") + ";");
        assertThat(Files.readString(etc.resolve("snippets/signpost-wellknown.conf")))
                .contains("location = /.well-known/matrix/server");
    }

    @Test
    void aLiveCheckWorseThanBeforePutsTheOldConfigBackAndReloadsAgain() throws Exception {
        AtomicInteger checks = new AtomicInteger();
        LiveProbe gettingWorse = c -> new LiveCheckResult(report(), checks.incrementAndGet() == 1 ? List.of()
                : List.of("the server file is gone"), null);
        SetupResult r = deployer().install(request(SetupRequest.SudoMode.NEVER), new ScriptedPrompts(),
                DeployListener.NONE, new Cancellation(), gettingWorse);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains("more problems (1) than before (0)").contains("put back");
        assertThat(r.ran()).extracting(CommandResult::command)
                .containsExactly("echo config-ok", "echo reloaded", "echo reloaded");
        assertThat(Files.readString(site)).isEqualTo(SITE);
        assertThat(etc.resolve("snippets/signpost-wellknown.conf")).doesNotExist();
    }

    @Test
    void aFailedTestPutsTheOldConfigBackAndNeverReloads() throws Exception {
        SetupRequest failing = new SetupRequest(request(SetupRequest.SudoMode.NEVER).target(),
                request(SetupRequest.SudoMode.NEVER).plan(), ServerLayout.Distribution.DEBIAN, site.toString(),
                "echo 'nginx: [emerg] unknown directive' >&2; exit 1", "echo reloaded", null,
                SetupRequest.SudoMode.NEVER, null, 5, false);
        SetupResult r = deployer().install(failing, new ScriptedPrompts(), DeployListener.NONE, new Cancellation(),
                null);
        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.message()).contains("nothing was reloaded").contains("  nginx: [emerg] unknown directive");
        assertThat(r.ran()).hasSize(1);
        assertThat(Files.readString(site)).isEqualTo(SITE);
    }

    @Test
    void callAndSignInRoutesGoIntoTheClientHostsSiteOnceAndASecondRunChangesNothing() throws Exception {
        String twoSites = SITE + "server {\n    listen 443 ssl;\n    server_name matrix.example.org;\n"
                + "    root /srv/matrix;\n}\n";
        Files.writeString(site, twoSites);
        DelegationPlan plan = request(SetupRequest.SudoMode.NEVER).plan().toBuilder().federationProxy(true)
                .homeserverUpstream("http://127.0.0.1:8008")
                .callServiceUrl("https://rtc.example.org/livekit/jwt")
                .authIssuerUrl("https://auth.example.org/").build();
        SetupRequest withRoutes = new SetupRequest(request(SetupRequest.SudoMode.NEVER).target(), plan,
                ServerLayout.Distribution.DEBIAN, site.toString(), "echo config-ok", "echo reloaded", null,
                SetupRequest.SudoMode.NEVER, null, 5, false);

        SetupResult first = deployer().install(withRoutes, new ScriptedPrompts(), DeployListener.NONE,
                new Cancellation(), null);

        assertThat(first.outcome()).as(first.message()).isEqualTo(DeployOutcome.DEPLOYED);
        Path routes = etc.resolve("snippets/signpost-routes.conf");
        assertThat(first.changes()).extracting(FileChange::remotePath).containsExactly(
                etc.resolve("snippets/signpost-wellknown.conf").toString(), routes.toString(), site.toString());
        String edited = Files.readString(site);
        String matrixBlock = edited.substring(edited.indexOf("server_name matrix.example.org;"));
        String exampleBlock = edited.substring(0, edited.indexOf("server_name matrix.example.org;"));
        assertThat(matrixBlock).contains("include " + routes + ";").doesNotContain("signpost-wellknown");
        assertThat(exampleBlock).contains("include " + etc.resolve("snippets/signpost-wellknown.conf") + ";")
                .doesNotContain("signpost-routes");
        assertThat(Files.readString(routes))
                .contains("location ~ ^/_matrix/client/[^/]+/(login|logout|refresh)(/|$) {")
                .contains("proxy_pass https://auth.example.org:443;")
                .contains("location /_matrix/ {").contains("proxy_pass http://127.0.0.1:8008;");
        assertThat(Files.readString(etc.resolve("snippets/signpost-wellknown.conf")))
                .contains("org.matrix.msc4143.rtc_foci");

        SetupResult second = deployer().install(withRoutes, new ScriptedPrompts(), DeployListener.NONE,
                new Cancellation(), null);
        assertThat(second.outcome()).as(second.message()).isEqualTo(DeployOutcome.UNCHANGED);
        assertThat(Files.readString(site)).isEqualTo(edited);
    }

    @Test
    void withoutASiteForTheClientHostNothingIsWrittenAndTheSentenceNamesIt() throws Exception {
        DelegationPlan plan = request(SetupRequest.SudoMode.NEVER).plan().toBuilder().federationProxy(true)
                .homeserverUpstream("http://127.0.0.1:8008").authIssuerUrl("https://auth.example.org/").build();
        SetupRequest withRoutes = new SetupRequest(request(SetupRequest.SudoMode.NEVER).target(), plan,
                ServerLayout.Distribution.DEBIAN, site.toString(), "echo config-ok", "echo reloaded", null,
                SetupRequest.SudoMode.NEVER, null, 5, false);
        List<String> before = everything();

        SetupResult r = deployer().install(withRoutes, new ScriptedPrompts(), DeployListener.NONE,
                new Cancellation(), null);

        assertThat(r.outcome()).isEqualTo(DeployOutcome.FAILED);
        assertThat(r.remoteUnchanged()).isTrue();
        assertThat(r.message()).contains("matrix.example.org").contains(site.toString());
        assertThat(everything()).isEqualTo(before);
        assertThat(Files.readString(site)).isEqualTo(SITE);
    }

    private static Report report() {
        return new Report("example.org", "example.org", Instant.EPOCH, Duration.ZERO, "test", null, null, List.of(),
                List.of());
    }
}
