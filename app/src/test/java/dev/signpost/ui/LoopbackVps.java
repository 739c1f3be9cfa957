package dev.signpost.ui;

import dev.signpost.core.deploy.ClientKeys;
import dev.signpost.core.deploy.LoopbackNginx;
import dev.signpost.core.deploy.OpenSshServer;
import dev.signpost.core.deploy.SshEnvironment;
import dev.signpost.core.discovery.Discovery;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.SupportContact;
import dev.signpost.core.text.Texts;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestWorld;
import dev.signpost.ui.steps.SshUpload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A loopback "VPS" for the wizard: the real OpenSSH sshd (ed25519, ECDSA and RSA host keys; known_hosts written by
 * OpenSSH's own ssh; an ed25519 user key), the real nginx serving example.org from its own prefix with an empty web
 * root and a site without Matrix lines, and the test kit's DNS and HTTPS for the homeserver at matrix.example.org.
 * Skips (JUnit assumptions) with the reason when sshd, ssh or nginx is missing.
 */
final class LoopbackVps implements AutoCloseable {

    final Path base;
    final ClientKeys keys;
    final OpenSshServer sshd;
    final Path knownHosts;
    final TestWorld world;
    LoopbackNginx nginx;
    private int nginxCount;

    LoopbackVps() throws Exception {
        base = Files.createTempDirectory("vps");
        keys = ClientKeys.create(base.resolve("client"));
        sshd = new OpenSshServer(base.resolve("sshd"), keys, List.of("ed25519", "ecdsa", "rsa"), List.of());
        knownHosts = base.resolve("known_hosts");
        sshd.recordKnownHosts(knownHosts, keys.ed25519, null, true);
        world = new TestWorld();
        world.dns().a("matrix.example.org", "127.0.0.1");
        world.serve("matrix.example.org", 443).serve("127.0.0.1", 8448, "matrix.example.org");
        TestHomeserver homeserver = world.homeserver("example.org");
        homeserver.installFederation(world.https(), "matrix.example.org");
        homeserver.installClient(world.https(), "matrix.example.org");
    }

    /** Starts nginx for example.org (its site with {@code extraSiteLines}); the checks reach it from now on. */
    LoopbackNginx startNginx(String extraSiteLines) throws Exception {
        closeNginx();
        nginx = new LoopbackNginx(base.resolve("nginx" + ++nginxCount), world.ca(), extraSiteLines);
        world.resolve("example.org", 443, "127.0.0.1:" + nginx.port);
        return nginx;
    }

    /**
     * The plan the wizard remembers: example.org delegated to matrix.example.org:8448, served by nginx, with an
     * admin contact (so the support file is served and checked too).
     */
    static DelegationPlan plan() {
        return DelegationPlan.defaultsFor("example.org").toBuilder().addSupportContact(new SupportContact(
                SupportContact.ROLE_ADMIN, "@admin:example.org", null)).build();
    }

    /**
     * The engine the wizard's checks use. Made on first use, so it sees the address of the nginx started by then
     * (the network options are copied when an engine is made).
     */
    Discovery discovery() {
        Discovery[] engine = new Discovery[1];
        return (name, listener) -> {
            synchronized (engine) {
                if (engine[0] == null) {
                    try {
                        engine[0] = new DiscoveryEngine(world.netOptions(Duration.ofSeconds(20)), Locale.ENGLISH,
                                WizardFixture.EXECUTOR);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            return engine[0].start(name, listener);
        };
    }

    /** The app's deployer with this machine's known_hosts and no other keys than the one the user names. */
    SshUpload upload(Discovery discovery) throws Exception {
        Path sshConfig = Files.writeString(base.resolve("ssh_config"), "");
        SshEnvironment environment = new SshEnvironment(sshConfig, knownHosts, null, List.of());
        return CoreServices.deployer(environment, new Texts(WizardDependencies.BUNDLE, Locale.ENGLISH),
                WizardFixture.EXECUTOR, () -> discovery);
    }

    void closeNginx() throws Exception {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    @Override
    public void close() throws Exception {
        closeNginx();
        world.close();
        sshd.close();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
