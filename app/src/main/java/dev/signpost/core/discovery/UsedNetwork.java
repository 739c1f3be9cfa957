package dev.signpost.core.discovery;

import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.net.IpText;
import dev.signpost.core.net.NetOptions;
import dev.signpost.core.net.ResolveOverrides;

import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;

/**
 * The one rule that turns the options an engine runs with into what its reports record: the DNS server as
 * {@code address:port}, each CA file with the certificates read from it (the very ones trusted), each override
 * as {@code name:port → address:port} in the form the connection used.
 */
final class UsedNetwork {

    private UsedNetwork() {
    }

    /**
     * @param options  the engine's options
     * @param caFiles  each of {@code options.caFiles()} with the certificates the engine trusts from it, in order
     */
    static CheckNetwork of(NetOptions options, Map<Path, List<X509Certificate>> caFiles) {
        String dns = options.dnsServer() == null ? null : hostPort(options.dnsServer());
        List<CheckNetwork.CaFile> files = new ArrayList<>();
        caFiles.forEach((path, certificates) -> files.add(new CheckNetwork.CaFile(path.toString(),
                certificates.stream().map(UsedNetwork::certificate).toList())));
        List<CheckNetwork.ResolveOverride> overrides = new ArrayList<>();
        // Keyed as the engine looks them up (two spellings of one address are one override), in a stable order.
        Map<String, String> sorted = new TreeMap<>(new ResolveOverrides(options.resolve()).entries());
        sorted.forEach((key, value) -> {
            int port = Integer.parseInt(key.substring(key.lastIndexOf(':') + 1));
            overrides.add(new CheckNetwork.ResolveOverride(key,
                    hostPort(ResolveOverrides.parseTarget(value, port))));
        });
        return new CheckNetwork(dns, files, overrides);
    }

    private static String hostPort(InetSocketAddress address) {
        String host = IpText.format(address.getAddress());
        return (address.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    private static CheckNetwork.CaCertificate certificate(X509Certificate certificate) {
        return new CheckNetwork.CaCertificate(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                fingerprint(certificate));
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // Every JDK has SHA-256, and a certificate the factory just parsed has an encoding.
            throw new IllegalStateException(e);
        }
    }
}
