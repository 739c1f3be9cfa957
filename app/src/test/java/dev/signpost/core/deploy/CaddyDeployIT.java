package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.nio.file.Path;

/** The loopback deploy against the real Caddy (own Caddyfile, storage and admin endpoint, high port). */
class CaddyDeployIT extends LoopbackDeploySuite {

    @Override
    LoopbackWebServer start(Path prefix, TestCa ca) throws Exception {
        return new LoopbackCaddy(prefix, ca, false);
    }

    /** The site imports a file removed since the last reload: caddy validate refuses the Caddyfile as it is. */
    @Override
    LoopbackWebServer startBroken(Path prefix, TestCa ca) throws Exception {
        return new LoopbackCaddy(prefix, ca, true);
    }

    @Override
    String brokenMessage() {
        return "File to import not found";
    }
}
