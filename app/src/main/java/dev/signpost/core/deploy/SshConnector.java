package dev.signpost.core.deploy;

import dev.signpost.core.io.UiThreadRule;
import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.OpenSSHConfig;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import com.jcraft.jsch.UnixDomainSocketFactory;
import dev.signpost.core.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * Opens SSH sessions the way OpenSSH would for the same arguments: the SSH config for the alias, host keys
 * checked against known_hosts, then the agent's keys, the key files, and last a password.
 */
final class SshConnector {

    private static final int PASSWORD_ATTEMPTS = 3;
    private static final int MAX_JUMPS = 4;

    private final SshEnvironment environment;
    private final Texts texts;

    SshConnector(SshEnvironment environment, Texts texts) {
        this.environment = environment;
        this.texts = texts;
    }

    /** Where a target ends up after reading the SSH config. */
    record Resolved(String alias, String hostName, int port, String user, List<Path> identities, String proxyJump) {
        String description() {
            return user + "@" + hostName + (port == 22 ? "" : ":" + port);
        }
    }

    Resolved resolve(SshTarget target) throws DeployException {
        ConfigRepository.Config config = null;
        if (environment.sshConfig() != null) {
            try {
                config = OpenSSHConfig.parseFile(environment.sshConfig().toString()).getConfig(target.host());
            } catch (IOException e) {
                throw new DeployException(texts.get("ssh.config.unreadable", environment.sshConfig(), e.getMessage()),
                        true, e);
            }
        }
        String hostName = config != null && config.getHostname() != null ? config.getHostname() : target.host();
        int port = target.port() > 0 ? target.port() : config != null && config.getPort() > 0 ? config.getPort() : 22;
        String user = target.user() != null ? target.user()
                : config != null && config.getUser() != null ? config.getUser() : System.getProperty("user.name");
        List<Path> keys = new ArrayList<>();
        if (target.identityFile() != null) {
            if (!Files.isReadable(target.identityFile())) {
                throw failure(null, SshFailure.of(SshFailure.Reason.KEY_FILE_MISSING,
                        target.identityFile().toString()));
            }
            keys.add(target.identityFile());
        }
        if (config != null && config.getValues("IdentityFile") != null) {
            for (String value : config.getValues("IdentityFile")) {
                Path p = expand(value, hostName, port, user);
                if (Files.isReadable(p) && !keys.contains(p)) {
                    keys.add(p);
                }
            }
        }
        if (keys.isEmpty()) {
            environment.defaultIdentities().stream().filter(Files::isReadable).forEach(keys::add);
        }
        String jump = config == null ? null : config.getValue("ProxyJump");
        if (jump != null && (jump.isBlank() || jump.equalsIgnoreCase("none"))) {
            jump = null;
        }
        return new Resolved(target.host(), hostName, port, user, List.copyOf(keys), jump);
    }

    /** Expands {@code ~} and the tokens OpenSSH allows in IdentityFile ({@code %d %u %h %r %p %%}). */
    static Path expand(String value, String host, int port, String user) {
        String v = value.strip();
        if (v.length() > 1 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        String home = System.getProperty("user.home");
        if (v.equals("~") || v.startsWith("~/")) {
            v = home + v.substring(1);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '%' || i + 1 == v.length()) {
                out.append(c);
                continue;
            }
            char token = v.charAt(++i);
            switch (token) {
                case 'd' -> out.append(home);
                case 'u' -> out.append(System.getProperty("user.name"));
                case 'h' -> out.append(host);
                case 'r' -> out.append(user);
                case 'p' -> out.append(port);
                case '%' -> out.append('%');
                default -> out.append('%').append(token);
            }
        }
        return Path.of(out.toString());
    }

    /** Connects and logs in; every failure becomes a sentence naming the host and what to check. */
    SshConnection connect(SshTarget target, DeployPrompts prompts, DeployListener listener, Cancellation cancellation)
            throws DeployException {
        UiThreadRule.forbidBlockingIo("an SSH connection");
        return connect(target, prompts, listener, cancellation, 0);
    }

    private SshConnection connect(SshTarget target, DeployPrompts prompts, DeployListener listener,
                                  Cancellation cancellation, int depth) throws DeployException {
        Resolved r = resolve(target);
        listener.stage(DeployStage.CONNECTING, texts.get("stage.connecting", r.description()));
        JSch jsch = new JSch();
        VerifyingHostKeyRepository hostKeys = new VerifyingHostKeyRepository(loadKnownHosts(),
                environment.knownHosts(), prompts);
        List<Identity> keyIdentities = loadKeys(jsch, r, target.identityFile(), prompts, cancellation);
        List<Identity> agentIdentities = agentIdentities();

        SshConnection jumpConnection = null;
        if (r.proxyJump() != null) {
            if (depth >= MAX_JUMPS) {
                throw new DeployException(texts.get("ssh.jump.loop", r.alias()), true);
            }
            jumpConnection = connect(parseJump(r.proxyJump(), target), prompts, listener, cancellation, depth + 1);
        }
        try {
            List<Identity> all = new ArrayList<>(agentIdentities);
            all.addAll(keyIdentities);
            JSchException last = null;
            // Always try keys first, even none: that reaches the server and checks its host key before anyone is
            // asked for a password.
            try {
                return new SshConnection(open(jsch, r, target, hostKeys, all, null, cancellation, listener,
                        jumpConnection), target.operationTimeout(), r.description(), cancellation, jumpConnection);
            } catch (JSchException e) {
                if (!isAuthFailure(e) || cancellation.isCancelled()) {
                    throw translate(e, r, target, hostKeys, cancellation);
                }
                last = e;
            }
            for (int attempt = 0; attempt < PASSWORD_ATTEMPTS && !cancellation.isCancelled(); attempt++) {
                char[] password = prompts.password(r.user() + "@" + r.hostName(), attempt > 0);
                if (password == null) {
                    break;
                }
                byte[] bytes = Secrets.utf8(password);
                Secrets.wipe(password);
                try {
                    return new SshConnection(open(jsch, r, target, hostKeys, List.of(), bytes, cancellation, listener,
                            jumpConnection), target.operationTimeout(), r.description(), cancellation, jumpConnection);
                } catch (JSchException e) {
                    if (!isAuthFailure(e) || cancellation.isCancelled()) {
                        throw translate(e, r, target, hostKeys, cancellation);
                    }
                    last = e;
                } finally {
                    Secrets.wipe(bytes);
                }
            }
            if (cancellation.isCancelled()) {
                throw new DeployException(texts.get("cancelled"), true);
            }
            throw failure(last, SshFailure.of(SshFailure.Reason.AUTH_REFUSED, r.description(), r.user(),
                    r.hostName(), all.size(), offered(all)));
        } catch (DeployException e) {
            if (jumpConnection != null) {
                jumpConnection.close();
            }
            throw e;
        }
    }

    private SshTarget parseJump(String spec, SshTarget target) {
        // Only the first hop of a comma-separated list is honoured per level; its own config may jump further.
        String first = spec.split(",")[0].strip();
        String user = null;
        int at = first.lastIndexOf('@');
        if (at >= 0) {
            user = first.substring(0, at);
            first = first.substring(at + 1);
        }
        int port = 0;
        int colon = first.lastIndexOf(':');
        if (colon > 0 && first.indexOf(':') == colon) {
            port = Integer.parseInt(first.substring(colon + 1));
            first = first.substring(0, colon);
        }
        return new SshTarget(first, port, user, null, target.connectTimeout(), target.operationTimeout());
    }

    private Session open(JSch jsch, Resolved r, SshTarget target, VerifyingHostKeyRepository hostKeys,
                         List<Identity> identities, byte[] password, Cancellation cancellation,
                         DeployListener listener, SshConnection jump) throws JSchException {
        Session session = jsch.getSession(r.user(), r.hostName(), r.port());
        session.setHostKeyRepository(hostKeys);
        session.setIdentityRepository(new FixedIdentityRepository(identities));
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", password == null ? "publickey" : "password,keyboard-interactive");
        // As OpenSSH does, ask first for the key types known_hosts has for this host: JSch reads them through
        // hostKeys.getHostKey(host, null). Set here so that a system property cannot turn it off.
        session.setConfig("prefer_known_host_key_types", "yes");
        if (password != null) {
            session.setPassword(password);
        }
        WatchedSockets sockets = null;
        if (jump != null) {
            session.setProxy(new JumpProxy(jump));
        } else {
            sockets = new WatchedSockets(SshConnection.timeoutMillis(target.connectTimeout()));
            session.setSocketFactory(sockets);
        }
        int op = SshConnection.timeoutMillis(target.operationTimeout());
        // A silent server is probed, then dropped: every blocking read ends within about twice the limit.
        session.setServerAliveInterval(Math.max(1000, op / 2));
        session.setServerAliveCountMax(2);
        try (AutoCloseable ignored = cancellation.onCancel(session::disconnect)) {
            listener.stage(DeployStage.AUTHENTICATING, texts.get("stage.authenticating", r.description()));
            session.connect(SshConnection.timeoutMillis(target.connectTimeout()));
        } catch (JSchException e) {
            session.disconnect();
            if (sockets != null && sockets.lost() && isAuthFailure(e)) {
                // The network ended the login, not the server's verdict on the key: say so, never "refused".
                throw new JSchException("connection lost during the login", new java.io.EOFException());
            }
            throw e;
        } catch (Exception e) {
            session.disconnect();
            throw new JSchException(e.toString(), e);
        }
        return session;
    }

    private KnownHostsFile loadKnownHosts() throws DeployException {
        Path file = environment.knownHosts();
        try {
            return KnownHostsFile.read(file);
        } catch (IOException e) {
            throw new DeployException(texts.get("ssh.knownhosts.unreadable", file, e.getMessage()), true, e);
        }
    }

    /**
     * Loads the key files. One the user named ({@code explicit}) that cannot be used is an error with a sentence;
     * the config's and the default ones are skipped, as OpenSSH skips them.
     */
    private List<Identity> loadKeys(JSch jsch, Resolved r, Path explicit, DeployPrompts prompts,
                                    Cancellation cancellation) throws DeployException {
        for (Path key : r.identities()) {
            Path pub = Path.of(key + ".pub");
            try {
                jsch.addIdentity(key.toString(), Files.isReadable(pub) ? pub.toString() : null, null);
            } catch (JSchException e) {
                if (key.equals(explicit)) {
                    String kind = KeyFileFormat.describe(key)
                            .map(k -> k.equals(KeyFileFormat.PUBLIC_KEY) ? texts.get("ssh.keyFormat.public") : k)
                            .orElse(texts.get("ssh.keyFormat.unknown"));
                    throw failure(e, SshFailure.of(SshFailure.Reason.KEY_UNSUPPORTED, key.toString(), kind));
                }
            }
        }
        List<Identity> wrapped = new ArrayList<>();
        Vector<Identity> loaded = jsch.getIdentityRepository().getIdentities();
        for (Identity id : loaded) {
            wrapped.add(new PromptingIdentity(id, id.getName(), prompts, cancellation));
        }
        return wrapped;
    }

    /** The names of the keys offered, for the sentence when none was accepted. */
    private static String offered(List<Identity> identities) {
        List<String> names = new ArrayList<>();
        for (Identity id : identities) {
            String name = id.getName();
            names.add(name == null || name.isBlank() ? id.getAlgName() : name);
        }
        return String.join(", ", names);
    }

    /** The agent's keys, or none when there is no agent or it does not answer. */
    private List<Identity> agentIdentities() {
        Path socket = environment.agentSocket();
        if (socket == null || !Files.exists(socket)) {
            return List.of();
        }
        try {
            SSHAgentConnector connector = new SSHAgentConnector(new UnixDomainSocketFactory(), socket);
            if (!connector.isAvailable()) {
                return List.of();
            }
            return new ArrayList<>(new AgentIdentityRepository(connector).getIdentities());
        } catch (AgentProxyException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isAuthFailure(JSchException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("Auth fail") || m.startsWith("Auth cancel");
    }

    private DeployException translate(JSchException e, Resolved r, SshTarget target,
                                      VerifyingHostKeyRepository hostKeys, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return new DeployException(texts.get("cancelled"), true, e);
        }
        HostKeyInfo key = hostKeys.presented();
        String file = environment.knownHosts().toString();
        SshFailure failure = switch (hostKeys.verdict()) {
            case CHANGED -> SshFailure.of(SshFailure.Reason.HOST_KEY_CHANGED, key.host(), key.keyType(),
                    key.fingerprint(), file, hostKeys.decidingLine());
            case REVOKED -> SshFailure.of(SshFailure.Reason.HOST_KEY_REVOKED, key.host(), key.keyType(),
                    key.fingerprint(), file, hostKeys.decidingLine());
            case REJECTED -> SshFailure.of(key.onlyCertificateAuthority()
                            ? SshFailure.Reason.HOST_KEY_CERTIFIED_ONLY : SshFailure.Reason.HOST_KEY_NOT_TRUSTED,
                    key.host(), key.keyType(), key.fingerprint(), file, Fingerprints.serverKeyFile(key.keyType()));
            default -> SshFailures.classify(e, r.hostName(), r.port(), r.description(),
                    target.connectTimeout().toSeconds(), texts);
        };
        return failure(e, failure);
    }

    private DeployException failure(Throwable cause, SshFailure failure) {
        return new DeployException(failure.sentence(texts, "ssh.fix."), true, cause, failure);
    }

    /** The identities to offer for one attempt, in order; JSch asks this instead of its own key list. */
    private static final class FixedIdentityRepository implements IdentityRepository {
        private final List<Identity> identities;

        FixedIdentityRepository(List<Identity> identities) {
            this.identities = identities;
        }

        @Override
        public String getName() {
            return "signpost";
        }

        @Override
        public int getStatus() {
            return RUNNING;
        }

        @Override
        public Vector<Identity> getIdentities() {
            return new Vector<>(identities);
        }

        @Override
        public boolean add(byte[] identity) {
            return false;
        }

        @Override
        public boolean remove(byte[] blob) {
            return false;
        }

        @Override
        public void removeAll() {
        }
    }

    /** Tunnels the session through an already logged-in jump host, like OpenSSH's ProxyJump. */
    private static final class JumpProxy implements Proxy {
        private final SshConnection jump;
        private Channel channel;
        private InputStream in;
        private OutputStream out;

        JumpProxy(SshConnection jump) {
            this.jump = jump;
        }

        @Override
        public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
            channel = jump.session().getStreamForwarder(host, port);
            in = channel.getInputStream();
            out = channel.getOutputStream();
            channel.connect(timeout);
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public Socket getSocket() {
            return null;
        }

        @Override
        public void close() {
            // The jump session itself belongs to the SshConnection, which outlives failed login attempts.
            if (channel != null) {
                channel.disconnect();
            }
        }
    }
}
