package dev.signpost.testkit;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the server certificate by the SNI the client sent: an identity registered for that exact name, else
 * the default identity (also used when no SNI was sent, as for IP-literal connections). Reports the SNI seen
 * for each socket so the server can record it even when the handshake then fails.
 */
final class SniKeyManager extends X509ExtendedKeyManager {

    private static final String DEFAULT_ALIAS = "";

    private final Map<String, ServerIdentity> byName = new ConcurrentHashMap<>();
    private volatile ServerIdentity defaultIdentity;
    private final BiConsumer<Socket, String> sniObserver;

    SniKeyManager(ServerIdentity defaultIdentity, BiConsumer<Socket, String> sniObserver) {
        this.defaultIdentity = defaultIdentity;
        this.sniObserver = sniObserver;
    }

    void put(String sniName, ServerIdentity identity) {
        byName.put(sniName.toLowerCase(Locale.ROOT), identity);
    }

    void setDefault(ServerIdentity identity) {
        defaultIdentity = identity;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        String sni = null;
        if (socket instanceof SSLSocket ssl) {
            sni = sniOf(ssl.getHandshakeSession());
        }
        sniObserver.accept(socket, sni);
        String alias = sni != null && byName.containsKey(sni) ? sni : DEFAULT_ALIAS;
        ServerIdentity identity = identity(alias);
        return identity != null && matchesKeyType(identity, keyType) ? alias : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        String sni = sniOf(engine.getHandshakeSession());
        String alias = sni != null && byName.containsKey(sni) ? sni : DEFAULT_ALIAS;
        ServerIdentity identity = identity(alias);
        return identity != null && matchesKeyType(identity, keyType) ? alias : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServerIdentity identity = identity(alias);
        return identity == null ? null : identity.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ServerIdentity identity = identity(alias);
        return identity == null ? null : identity.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {DEFAULT_ALIAS};
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    private ServerIdentity identity(String alias) {
        if (alias == null) {
            return null;
        }
        return DEFAULT_ALIAS.equals(alias) ? defaultIdentity : byName.get(alias);
    }

    private static boolean matchesKeyType(ServerIdentity identity, String keyType) {
        String algorithm = identity.key().getAlgorithm();
        if (keyType == null) {
            return true;
        }
        if ("EC".equals(algorithm)) {
            return keyType.startsWith("EC");
        }
        if ("RSA".equals(algorithm)) {
            return keyType.equals("RSA") || keyType.equals("RSASSA-PSS");
        }
        return keyType.equalsIgnoreCase(algorithm);
    }

    private static String sniOf(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            List<SNIServerName> names = extended.getRequestedServerNames();
            for (SNIServerName name : names) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }
}
