package dev.signpost.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.signpost.testkit.DelayProxy;
import dev.signpost.testkit.ServerIdentity;
import dev.signpost.testkit.TestCa;
import dev.signpost.testkit.TestDnsServer;
import dev.signpost.testkit.TestDohServer;
import dev.signpost.testkit.TestHomeserver;
import dev.signpost.testkit.TestHttpsServer;

/**
 * The local servers of one benchmark scenario: a DNS server, a CA and one HTTPS server, reached only through
 * {@link DelayProxy} instances — one in front of the DNS server and one per {@code --resolve} entry — for each
 * latency measured. The same servers answer both latencies, so the difference between them is the latency alone.
 *
 * <p>A fixture {@link #withoutDns() without DNS} runs as users do who have no DNS server of their own: no
 * {@code --dns}, every name pinned with {@code --resolve} ({@link #endpoint} with a name), and the outside view
 * either turned off ({@code --no-public-dns}) or {@link #outsideView() on}, asking the test kit's DoH resolver
 * through a proxy of its own, so that its exchanges cost round trips like every other.
 */
final class BenchFixture implements AutoCloseable {

    private final TestDnsServer dns = new TestDnsServer();
    private final TestCa ca = new TestCa("bench");
    private final TestHttpsServer https = new TestHttpsServer(ca.leaf("127.0.0.1", "localhost"));
    /** {@code address:port} keys that the check must reach through a proxy. */
    private final List<String> endpoints = new ArrayList<>();
    private final Map<Duration, Proxies> proxies = new LinkedHashMap<>();
    private boolean labDns = true;
    private TestDohServer doh;

    /** The proxies for one latency: DNS, the DoH resolver (or null), and one TCP proxy per endpoint. */
    private record Proxies(DelayProxy dns, DelayProxy doh, Map<String, DelayProxy> tcp) {
    }

    TestDnsServer dns() {
        return dns;
    }

    TestCa ca() {
        return ca;
    }

    TestHttpsServer https() {
        return https;
    }

    /** The public resolver of {@link #outsideView()}, or null. */
    TestDohServer doh() {
        return doh;
    }

    /** No {@code --dns}: the check resolves only what {@code --resolve} pins; the outside view is off. */
    BenchFixture withoutDns() {
        labDns = false;
        return this;
    }

    /**
     * No {@code --dns}, and the outside view on: {@code --public-dns} names the test kit's DoH resolver, reached
     * through a {@link DelayProxy} of its own. Its zone answers what {@code --resolve} pins (add the records).
     */
    BenchFixture outsideView() {
        labDns = false;
        doh = new TestDohServer(ca);
        return this;
    }

    TestHomeserver homeserver(String serverName) {
        return new TestHomeserver(serverName);
    }

    /** Serves a good certificate for {@code name} to clients sending it as SNI. */
    BenchFixture certificate(String name) {
        ServerIdentity identity = ca.leaf(name);
        https.certificate(name, identity);
        return this;
    }

    /**
     * Declares that the check connects to {@code address:port} (an address DNS answers, e.g. 203.0.113.5, or a name
     * the check does not ask DNS about): each latency gets a {@code --resolve address:port:PROXY} entry whose proxy
     * forwards to the HTTPS server.
     */
    BenchFixture endpoint(String address, int port) {
        String host = address.contains(":") ? "[" + address + "]" : address;
        endpoints.add(host + ":" + port);
        return this;
    }

    /** The CLI arguments for {@code signpost check serverName --json} through proxies adding {@code latency}. */
    String[] checkArgs(String serverName, Duration latency) {
        Proxies p = proxies.computeIfAbsent(latency, this::startProxies);
        List<String> args = new ArrayList<>(List.of("check", serverName, "--json", "--timeout", "10",
                "--ca-file", ca.rootPemFile().toString()));
        if (labDns) {
            args.addAll(List.of("--dns", p.dns().hostPort()));
        } else if (p.doh() == null) {
            args.add("--no-public-dns");
        } else {
            args.addAll(List.of("--public-dns", "https://" + p.doh().hostPort() + TestDohServer.PATH));
        }
        for (Map.Entry<String, DelayProxy> entry : p.tcp().entrySet()) {
            args.add("--resolve");
            args.add(entry.getKey() + ":" + entry.getValue().hostPort());
        }
        return args.toArray(String[]::new);
    }

    private Proxies startProxies(Duration latency) {
        Map<String, DelayProxy> tcp = new LinkedHashMap<>();
        for (String endpoint : endpoints) {
            tcp.put(endpoint, DelayProxy.tcp(https.address(), latency));
        }
        DelayProxy dohProxy = doh == null ? null : DelayProxy.tcp(doh.address(), latency);
        return new Proxies(DelayProxy.udp(dns.address(), latency), dohProxy, tcp);
    }

    @Override
    public void close() {
        for (Proxies p : proxies.values()) {
            p.tcp().values().forEach(DelayProxy::close);
            p.dns().close();
            if (p.doh() != null) {
                p.doh().close();
            }
        }
        if (doh != null) {
            doh.close();
        }
        https.close();
        dns.close();
        ca.close();
    }
}
