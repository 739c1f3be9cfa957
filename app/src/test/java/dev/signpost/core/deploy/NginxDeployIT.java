package dev.signpost.core.deploy;

import dev.signpost.core.net.HttpResponse;
import dev.signpost.testkit.Await;
import dev.signpost.testkit.CuttingProxy;
import dev.signpost.testkit.TestCa;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loopback deploy against the real nginx, and a connection cut at 20 points of a deploy: the live site serves
 * only the old or the new files, never a mix.
 */
class NginxDeployIT extends LoopbackDeploySuite {

    @Override
    LoopbackWebServer start(Path prefix, TestCa ca) throws Exception {
        return new LoopbackNginx(prefix, ca, "");
    }

    /** The admin once answered the well-known by hand: with the snippet included, nginx -t refuses the duplicate. */
    @Override
    LoopbackWebServer startBroken(Path prefix, TestCa ca) throws Exception {
        return LoopbackNginx.conflicting(prefix, ca);
    }

    @Override
    String brokenMessage() {
        return "duplicate location";
    }

    /** The proxy is the same server under another port: known_hosts must say so, as it would for a tunnel. */
    private CuttingProxy proxy(long cutAfter) throws Exception {
        CuttingProxy proxy = new CuttingProxy(new InetSocketAddress("127.0.0.1", sshd.port()), cutAfter);
        Files.writeString(knownHosts, sshd.knownHostsLine().replace("]:" + sshd.port() + " ", "]:" + proxy.port() + " ")
                + "\n", StandardOpenOption.APPEND);
        return proxy;
    }

    @Test
    void aConnectionCutAnywhereLeavesTheSiteServingOnlyTheOldOrTheNewFiles() throws Exception {
        use(start(prefix(), world.ca()));
        long total;
        try (CuttingProxy measure = proxy(Long.MAX_VALUE)) {
            Result whole = signpost(deployArgs(measure.port(), "--skip-live-check"));
            assertThat(whole.exit()).as(whole.both()).isZero();
            total = measure.upstreamBytes();
        }
        List<String> outcomes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // The cut run's session may still be finishing on the server (sshd works off what it received):
            // only then is the reset the last word.
            sshd.awaitIdle(Duration.ofSeconds(30));
            web.reset();
            awaitServes(false);
            long cutAt = total * i / 21;
            try (CuttingProxy proxy = proxy(cutAt)) {
                Result r = signpost(deployArgs(proxy.port(), "--skip-live-check"));
                // A cut is a lost connection wherever it falls, never a refused key or a password question.
                assertThat(r.err()).as(r.both()).doesNotContain("\tat ").doesNotContain("refused the login")
                        .doesNotContain("wants a password");
                for (String text : HandshakeCutTest.LIBRARY_TEXT) {
                    assertThat(r.err()).as(r.both()).doesNotContain(text);
                }
                if (r.err().contains("Reading the current files")) {
                    // Past the login, every failure is Signpost's own sentence (the SSH handshake's wording
                    // belongs to the connector).
                    assertThat(r.err()).as(r.both()).doesNotContain("Exception");
                }
                boolean installed;
                if (r.exit() == 0) {
                    // The cut came after the last step that mattered: the run is complete.
                    awaitServes(true);
                    installed = true;
                } else {
                    assertThat(r.exit()).as(r.both()).isEqualTo(1);
                    installed = servesNew();
                    assertServes(installed);
                }
                outcomes.add(cutAt + "/" + total + (installed ? " new" : " old") + " exit " + r.exit());
            }
        }
        System.out.println("[measure] cuts: " + outcomes);
        Result finish = signpost(deployArgs(sshd.port(), "--skip-live-check"));
        assertThat(finish.exit()).as(finish.both()).isZero();
        assertServes(true);
        try (Stream<Path> files = Files.walk(web.prefix)) {
            assertThat(files.map(Path::toString).filter(p -> p.contains(RemoteFiles.TEMP_MARK)).toList()).isEmpty();
        }
    }

    /**
     * nginx swaps its workers a moment after a reload (longer on a loaded machine): wait, bounded, until no worker of
     * the earlier configuration is left and the site answers as expected; on time-out the failure carries nginx's
     * own logs.
     */
    private void awaitServes(boolean installed) throws InterruptedException {
        int expected = installed ? 200 : 404;
        // A failed fetch (nginx reconfiguring) is neither answer: only the expected status from a settled nginx ends
        // the wait.
        Await.holdsWithin(Duration.ofSeconds(60), () -> web.settled()
                && fetch(web.port, "/.well-known/matrix/server").statusCode() == expected);
        assertThat(servesNew()).as("the site serves the %s files\n%s", installed ? "new" : "old", web.logs())
                .isEqualTo(installed);
        assertServes(installed);
    }

    private boolean servesNew() {
        return fetch(web.port, "/.well-known/matrix/server").statusCode() == 200;
    }

    /** The live site serves either none of the files (the old site) or all of the new ones, never a mix. */
    private void assertServes(boolean installed) {
        HttpResponse server = fetch(web.port, "/.well-known/matrix/server");
        HttpResponse client = fetch(web.port, "/.well-known/matrix/client");
        if (installed) {
            assertThat(server.statusCode()).isEqualTo(200);
            assertThat(server.bodyText()).isEqualTo(SERVER);
            assertThat(client.statusCode()).isEqualTo(200);
            assertThat(client.bodyText()).contains("https://matrix.example.org");
        } else {
            assertThat(server.statusCode()).isEqualTo(404);
            assertThat(client.statusCode()).isEqualTo(404);
        }
    }
}
