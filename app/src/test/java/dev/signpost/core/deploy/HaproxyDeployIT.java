package dev.signpost.core.deploy;

import dev.signpost.testkit.TestCa;

import java.nio.file.Path;

/** The loopback deploy against the real HAProxy (own config, master-worker mode, high port, no root). */
class HaproxyDeployIT extends LoopbackDeploySuite {

    @Override
    LoopbackWebServer start(Path prefix, TestCa ca) throws Exception {
        return new LoopbackHaproxy(prefix, ca, false);
    }

    /** The config names an error page removed since the last reload: haproxy -c refuses the config as it is. */
    @Override
    LoopbackWebServer startBroken(Path prefix, TestCa ca) throws Exception {
        return new LoopbackHaproxy(prefix, ca, true);
    }

    @Override
    String brokenMessage() {
        return "errorfile : error opening file";
    }

    @Override
    String noRoutesReason() {
        return "deploy does not install the call and sign-in routes for HAProxy: they need a backend section, so"
                + " docs/deploy.md has haproxy/signpost-federation.cfg pasted by hand";
    }
}
