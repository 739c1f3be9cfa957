package dev.signpost.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.testkit.TestCa;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built jar against a loopback "VPS": the real OpenSSH sshd (ed25519 host key, recorded in known_hosts) and a
 * real web server (nginx, Apache, Caddy, HAProxy) serving example.org from an empty web root with a site config
 * that has no Matrix lines. {@code signpost deploy --web-server KIND} must install the snippet and the line that
 * takes it in (HAProxy: the lines themselves, between markers), test the config before reloading, and leave a
 * site on which every check of {@code signpost check} passes; a second run changes nothing; a failed config test
 * reloads nothing and puts the old config back. One subclass per server.
 */
abstract class LoopbackDeploySuite extends LoopbackDeployKit {

    /** The server with a site that serves example.org and nothing of Matrix. */
    abstract LoopbackWebServer start(Path prefix, TestCa ca) throws Exception;

    /** The same, able to proxy to a homeserver (the modules a reverse proxy needs are loaded). */
    LoopbackWebServer startProxying(Path prefix, TestCa ca) throws Exception {
        return start(prefix, ca);
    }

    /** The same, set up so that the configuration test fails once the snippet is taken in. */
    abstract LoopbackWebServer startBroken(Path prefix, TestCa ca) throws Exception;

    /** A piece of the server's own error line for {@link #startBroken}. */
    abstract String brokenMessage();

    /**
     * Why deploy does not install the call and sign-in routes for this server, or null when it does (HAProxy: its
     * routes need a backend section of the admin's, so docs/deploy.md has them pasted by hand).
     */
    String noRoutesReason() {
        return null;
    }

    @Test
    void deployInstallsEverythingEveryCheckPassesAndASecondRunChangesNothing() throws Exception {
        use(start(prefix(), world.ca()));
        assertThat(fetch(web.port, "/.well-known/matrix/server").statusCode()).isEqualTo(404);
        long reloadsBefore = web.reloads();

        List<String> args = deployArgs(sshd.port());
        args.addAll(world.args());
        Result first = signpost(args);
        assertThat(first.exit()).as(first.both()).isZero();
        assertThat(first.out()).contains(installedFile().toString())
                .contains("these commands will run on the server")
                .contains("installed; the configuration test and the reload succeeded.")
                .contains("Live check: example.org now serves what was planned.");
        assertThat(first.err()).contains("Testing the configuration").contains("Reloading");
        assertThat(web.reloads()).as(web.logs()).isEqualTo(reloadsBefore + 1);
        if (web.snippet() != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(web.snippet())))
                    .isEqualTo("rw-r--r--");
        } else {
            assertThat(Files.readString(web.site)).contains(SiteConfigEdit.BEGIN).contains(SiteConfigEdit.END);
        }
        HttpResponse served = fetch(web.port, "/.well-known/matrix/server");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.bodyText()).isEqualTo(SERVER);
        System.out.println("[measure] deploy --web-server " + web.kind() + " on loopback (two live checks): "
                + first.millis() + " ms");

        // Skipped by design, not by failure: SRV is not consulted when the well-known delegates, the loopback
        // homeserver has no IPv6 address, the plan has no call service, and the live check runs with its own DNS
        // server (a lab, never compared with public DNS).
        assertThat(notPassed()).containsExactlyInAnyOrder("federation.srv=skip", "federation.ipv6=skip",
                "client.rtc=skip", "dns.outside-view=skip");

        String siteAfterFirst = Files.readString(web.site);
        Result second = signpost(args);
        assertThat(second.exit()).as(second.both()).isZero();
        assertThat(second.out()).contains("The server already has exactly these files. Nothing was written.");
        assertThat(second.err()).doesNotContain("Reloading");
        assertThat(web.reloads()).isEqualTo(reloadsBefore + 1);
        assertThat(Files.readString(web.site)).isEqualTo(siteAfterFirst);
        System.out.println("[measure] second deploy --web-server " + web.kind() + " (nothing to change): "
                + second.millis() + " ms");
    }

    @Test
    void callAndSignInRoutesAreInstalledWithTheRestAndEveryNewCheckPassesThroughThem() throws Exception {
        Assumptions.assumeTrue(noRoutesReason() == null, noRoutesReason());
        try (CallsAndSignInWorld apps = new CallsAndSignInWorld(world)) {
            use(startProxying(prefix(), world.ca()));
            long reloadsBefore = web.reloads();
            List<String> args = deployArgs(sshd.port(), "--client-base-url", "https://example.org",
                    "--federation-proxy", "--upstream", apps.upstream(), "--call-service", apps.callService(),
                    "--auth-issuer", apps.issuer());
            args.addAll(world.args());

            Result first = signpost(args);

            assertThat(first.exit()).as(first.both() + "\n" + web.logs()).isZero();
            Path routes = web.snippet().resolveSibling(web.kind().equals("caddy")
                    ? "signpost-routes.caddy" : "signpost-routes.conf");
            assertThat(first.out()).contains(web.snippet().toString()).contains(routes.toString());
            assertThat(routes).exists();
            assertThat(Files.readString(web.site)).contains(routes.toString());
            assertThat(web.reloads()).as(web.logs()).isEqualTo(reloadsBefore + 1);
            Result check = signpost(List.of(world.args("check", "example.org", "--json", "--timeout", "5")));
            JsonNode report = new ObjectMapper().readTree(check.out());
            for (String id : List.of("client.sliding-sync", "client.auth", "client.rtc", "client.media",
                    "federation.media")) {
                List<String> statuses = new ArrayList<>();
                report.path("checks").forEach(c -> {
                    if (c.path("id").asText().equals(id)) {
                        statuses.add(c.path("status").asText() + ": " + c.path("summary").asText());
                    }
                });
                assertThat(statuses).as(id + "\n" + check.out()).singleElement().satisfies(s -> assertThat(s).startsWith("pass"));
            }
            for (String path : List.of("/_matrix/client/versions", "/_matrix/client/v1/auth_metadata",
                    "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports", "/_matrix/client/v1/media/config",
                    "/_matrix/client/v3/no-such-endpoint", "/_matrix/federation/v1/media/download/x")) {
                HttpResponse response = fetch(web.port, path);
                assertThat(response.header("Content-Type").orElse("")).as(path + " " + response.bodyText())
                        .startsWith("application/json");
                assertThat(response.bodyText()).as(path).startsWith("{").doesNotContain("<html");
            }
            assertThat(apps.homeserverSaw()).contains("/_matrix/client/v1/auth_metadata",
                    "/_matrix/client/unstable/org.matrix.msc4143/rtc/transports");

            String siteAfterFirst = Files.readString(web.site);
            Result second = signpost(args);
            assertThat(second.exit()).as(second.both()).isZero();
            assertThat(second.out()).contains("The server already has exactly these files. Nothing was written.");
            assertThat(web.reloads()).isEqualTo(reloadsBefore + 1);
            assertThat(Files.readString(web.site)).isEqualTo(siteAfterFirst);
        }
    }

    @Test
    void aFailedConfigTestReloadsNothingAndPutsTheOldConfigBack() throws Exception {
        use(startBroken(prefix(), world.ca()));
        long reloadsBefore = web.reloads();
        Result r = signpost(deployArgs(sshd.port(), "--skip-live-check"));
        assertThat(r.exit()).as(r.both()).isEqualTo(1);
        assertThat(r.err()).contains("The configuration test").contains("nothing was reloaded")
                .contains(brokenMessage()).doesNotContain("Exception");
        assertThat(Files.readString(web.site)).isEqualTo(web.originalSite);
        if (web.snippet() != null) {
            assertThat(web.snippet()).doesNotExist();
        }
        assertThat(web.reloads()).isEqualTo(reloadsBefore);
        assertThat(fetch(web.port, "/.well-known/matrix/server").statusCode()).isEqualTo(404);
    }
}
