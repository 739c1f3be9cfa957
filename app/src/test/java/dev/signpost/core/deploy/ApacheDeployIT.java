package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.nio.file.Path;

/** The loopback deploy against the real Apache httpd (own ServerRoot, high port). */
class ApacheDeployIT extends LoopbackDeploySuite {

    @Override
    LoopbackWebServer start(Path prefix, TestCa ca) throws Exception {
        return new LoopbackApache(prefix, ca, true);
    }

    @Override
    LoopbackWebServer startProxying(Path prefix, TestCa ca) throws Exception {
        return new LoopbackApache(prefix, ca, true, true);
    }

    /** mod_headers is not enabled: the snippet's Header lines are what apache2 -t refuses. */
    @Override
    LoopbackWebServer startBroken(Path prefix, TestCa ca) throws Exception {
        return new LoopbackApache(prefix, ca, false);
    }

    @Override
    String brokenMessage() {
        return "Invalid command 'Header'";
    }
}
