package dev.signpost.core.deploy;

import java.nio.file.Path;

/** The deployment suite against the real OpenSSH {@code sshd}, when installed. */
class OpenSshDeployTest extends SshDeploySuite {

    @Override
    TestSshServer startServer(Path dir, ClientKeys keys) throws Exception {
        return new OpenSshServer(dir, keys);
    }
}
