package dev.signpost.core.deploy;

import java.nio.file.Path;

/** The deployment suite against Apache MINA SSHD running in this JVM. */
class MinaSshDeployTest extends SshDeploySuite {

    @Override
    TestSshServer startServer(Path dir, ClientKeys keys) throws Exception {
        return new MinaSshServer(dir.resolve("root"), keys);
    }
}
