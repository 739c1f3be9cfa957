package dev.signpost.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.signpost.core.net.NetOptions;

/**
 * One DNS server, one CA and one HTTPS server (on 127.0.0.1), wired together, plus the CLI options that
 * point Signpost at them. A typical test:
 *
 * <pre>{@code
 * try (TestWorld world = new TestWorld()) {
 *     world.dns().srv("_matrix-fed._tcp.example.com", 10, 0, 8448, "matrix.example.com")
 *                .a("matrix.example.com", "203.0.113.5");
 *     world.serve("example.com", 443);          // well-known host: cert for example.com, resolve entry
 *     world.serve("203.0.113.5", 8448, "matrix.example.com");  // the address DNS gave, cert for the SRV target
 *     world.https().route("example.com", "/.well-known/matrix/server", Response.json("{...}"));
 *     world.homeserver("example.com").installFederation(world.https(), "*");
 *     int exit = SignpostCommand.run(out, err, world.args("check", "example.com", "--json"));
 * }
 * }</pre>
 *
 * <p>{@link #serve} adds a {@code --resolve} entry sending connections for {@code host:port} to the HTTPS
 * server, and registers a certificate for the SNI name. It does not touch DNS: add records yourself. The
 * key may be a DNS name or an IP literal (IPv6 in brackets or bare), so DNS can answer documentation
 * addresses (203.0.113.0/24, 2001:db8::/32) while connections land on loopback.
 */
public final class TestWorld implements AutoCloseable {

    private final TestDnsServer dns;
    private final TestCa ca;
    private final TestHttpsServer https;
    private final Map<String, String> resolve = new LinkedHashMap<>();
    private final List<AutoCloseable> extra = new ArrayList<>();

    /** Starts a DNS server, a CA and an HTTPS server whose default certificate is for 127.0.0.1. */
    public TestWorld() {
        dns = new TestDnsServer();
        ca = new TestCa();
        https = new TestHttpsServer(ca.leaf("127.0.0.1", "localhost"));
    }

    public TestDnsServer dns() {
        return dns;
    }

    public TestCa ca() {
        return ca;
    }

    public TestHttpsServer https() {
        return https;
    }

    /**
     * Sends connections for {@code host:port} to the HTTPS server and gives it a good certificate for
     * {@code host} (for an IP literal: the default certificate with that IP SAN).
     */
    public TestWorld serve(String host, int port) {
        return serve(host, port, host);
    }

    /**
     * Sends connections for {@code host:port} to the HTTPS server, with a good certificate for
     * {@code certificateName} served under that SNI. Use when the connection is made to an address (the key
     * is an IP literal) while the SNI is a name — e.g. the SRV target or the delegated host.
     */
    public TestWorld serve(String host, int port, String certificateName) {
        return serve(host, port, certificateName, ca.leaf(certificateName));
    }

    /** Sends connections for {@code host:port} to the HTTPS server, serving {@code identity} under SNI {@code sni}. */
    public TestWorld serve(String host, int port, String sni, ServerIdentity identity) {
        if (TestCa.isIpLiteral(sni)) {
            https.defaultCertificate(identity);
        } else {
            https.certificate(sni, identity);
        }
        return resolve(host, port, https.hostPort());
    }

    /**
     * Adds a {@code --resolve} entry: connect to {@code address} (e.g. {@code 127.0.0.1:40123}) when
     * {@code host:port} is wanted. IPv6 hosts are bracketed automatically.
     */
    public TestWorld resolve(String host, int port, String address) {
        resolve.put(key(host, port), address);
        return this;
    }

    /** Starts another HTTPS server on {@code bindAddress}, closed with the world. */
    public TestHttpsServer newHttpsServer(String bindAddress, ServerIdentity defaultIdentity) {
        TestHttpsServer server = new TestHttpsServer(defaultIdentity, bindAddress);
        extra.add(server);
        return server;
    }

    /** A homeserver identity (Ed25519 key) for {@code serverName}; install it on a server with its methods. */
    public TestHomeserver homeserver(String serverName) {
        return new TestHomeserver(serverName);
    }

    /**
     * {@code name}'s homeserver on {@code matrix.<name>}, whose A record is {@code address}: federation (version and
     * keys) answers on {@code address:8448}, clients on {@code matrix.<name>:443}, and the web server of {@code name}
     * answers on 443, each with a good certificate. No well-known files and no SRV record: add them to delegate.
     */
    public TestWorld homeserverReady(String name, String address) {
        String host = "matrix." + name;
        dns.a(host, address);
        serve(name, 443).serve(address, 8448, host).serve(host, 443);
        TestHomeserver hs = homeserver(name);
        hs.installFederation(https, host);
        hs.installClient(https, host);
        return this;
    }

    /** The resolve entries, key {@code host:port} → {@code addr:port}. */
    public Map<String, String> resolveEntries() {
        return Map.copyOf(resolve);
    }

    /** {@code --dns 127.0.0.1:P --ca-file ROOT.pem --resolve host:port:addr ...}, in that order. */
    public List<String> args() {
        List<String> args = new ArrayList<>();
        args.add("--dns");
        args.add(dns.hostPort());
        args.add("--ca-file");
        args.add(ca.rootPemFile().toString());
        for (Map.Entry<String, String> entry : resolve.entrySet()) {
            args.add("--resolve");
            args.add(entry.getKey() + ":" + entry.getValue());
        }
        return args;
    }

    /** {@code leading} (e.g. {@code "check", "example.com", "--json"}) followed by {@link #args()}. */
    public String[] args(String... leading) {
        List<String> all = new ArrayList<>(List.of(leading));
        all.addAll(args());
        return all.toArray(String[]::new);
    }

    /** The same settings as {@link #args()}, for calling the engine directly. */
    public NetOptions netOptions(Duration timeout) {
        return new NetOptions(dns.address(), List.of(ca.rootPemFile()), resolve, timeout, "Signpost-test");
    }

    /** {@link #netOptions(Duration)} with a 5-second timeout. */
    public NetOptions netOptions() {
        return netOptions(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        for (AutoCloseable resource : extra) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        https.close();
        dns.close();
        ca.close();
    }

    /** {@code host:port} as NetOptions keys it: lower-case, IPv6 in brackets. */
    static String key(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.contains(":") && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return h + ":" + port;
    }
}
