package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports built by hand from a {@link Shape}, for the property tests of the layout and the writers, which need
 * shapes by the hundred (any method, any number of addresses, a failure anywhere). Their hop ids are close to the
 * engine's but not the same (TLS, version and keys ids carry the port); tests of one fixed case use the engine's
 * own reports instead ({@code dev.signpost.testkit.EngineFixtures}).
 */
public final class ChainFixtures {

    public static final Instant CHECKED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private ChainFixtures() {
    }

    /** What a generated report should look like. */
    public record Shape(FederationMethod method, List<String> addresses, int failAt, boolean keysUnderTls,
                        boolean corsFailure, boolean identityAndSupport) {
    }

    /** A healthy well-known + SRV delegation with one IPv4 and one IPv6 address. */
    public static Report healthy() {
        return build(new Shape(FederationMethod.WELL_KNOWN_SRV_MATRIX_FED, List.of("203.0.113.5", "2001:db8::5"),
                -1, false, false, true));
    }

    /** A delegation whose delegated host's certificate does not match: the TLS hop on every address fails. */
    public static Report brokenDelegation() {
        Report base = build(new Shape(FederationMethod.WELL_KNOWN_EXPLICIT_PORT,
                List.of("203.0.113.5", "2001:db8::5"), -1, false, false, false));
        List<Hop> hops = new ArrayList<>();
        for (Hop hop : base.hops()) {
            if (hop.kind() == HopKind.TLS) {
                hops.add(hop.withOutcome(Status.FAIL,
                        "Certificate is for example.net, not matrix.example.com", hop.evidence(), hop.elapsed()));
            } else if (hop.kind() == HopKind.FEDERATION_VERSION || hop.kind() == HopKind.SERVER_KEYS) {
                hops.add(hop.withOutcome(Status.SKIP, "Not reached: TLS failed", List.of(), null));
            } else {
                hops.add(hop);
            }
        }
        List<Check> checks = new ArrayList<>();
        for (Check c : base.checks()) {
            if (c.id().equals("federation.tls")) {
                checks.add(new Check(c.id(), Status.FAIL,
                        "The certificate of matrix.example.com:443 is not valid for matrix.example.com",
                        "Install a certificate for matrix.example.com (for example with certbot) and serve the full"
                                + " chain.",
                        c.hopIds(), c.evidence()));
            } else if (c.id().equals("federation.version") || c.id().equals("federation.keys")) {
                checks.add(new Check(c.id(), Status.SKIP, "Not reached: TLS failed", null, c.hopIds(), List.of()));
            } else {
                checks.add(c);
            }
        }
        return new Report(base.serverName(), base.asciiServerName(), base.checkedAt(), base.elapsed(),
                base.signpostVersion(), base.federation(), base.client(), hops, checks);
    }

    /** A well-known + SRV delegation whose target has six addresses, one IPv6 address broken. */
    public static Report sixAddressFanOut() {
        return build(new Shape(FederationMethod.WELL_KNOWN_SRV_MATRIX_FED,
                List.of("203.0.113.5", "203.0.113.6", "203.0.113.7", "2001:db8::5", "2001:db8::6", "2001:db8::7"),
                -1, false, false, false), "fed.tls.[2001:db8::6]:8448");
    }

    /** A healthy federation lane with a client well-known served without CORS headers. */
    public static Report clientCorsFailure() {
        return build(new Shape(FederationMethod.WELL_KNOWN_DEFAULT_PORT, List.of("203.0.113.5"), -1, false, true,
                false));
    }

    /** Builds a report of the given shape. */
    public static Report build(Shape shape) {
        return build(shape, null);
    }

    private static Report build(Shape shape, String failHopId) {
        Builder b = new Builder();
        String name = switch (shape.method()) {
            case IP_LITERAL -> "203.0.113.9";
            case EXPLICIT_PORT -> "example.com:8448";
            default -> "example.com";
        };
        b.hop("fed.server-name", Lane.FEDERATION, HopKind.SERVER_NAME, null, name, null, true, null);
        String wellKnownUrl = "https://example.com/.well-known/matrix/server";
        String host;
        int port;
        String attach;
        List<SrvEntry> srv = new ArrayList<>();
        WellKnownResult wellKnown = null;
        switch (shape.method()) {
            case IP_LITERAL -> {
                b.notTaken("fed.well-known", HopKind.SERVER_WELL_KNOWN, "fed.server-name", "/.well-known/matrix/server",
                        "Not fetched: the server name is an IP address");
                host = "203.0.113.9";
                port = 8448;
                attach = "fed.server-name";
            }
            case EXPLICIT_PORT -> {
                b.notTaken("fed.well-known", HopKind.SERVER_WELL_KNOWN, "fed.server-name", "/.well-known/matrix/server",
                        "Not fetched: the server name has an explicit port");
                b.hop("fed.target", Lane.FEDERATION, HopKind.TARGET_HOST, "fed.server-name", "example.com:8448",
                        "explicit port → no well-known, no SRV", true, null);
                host = "example.com";
                port = 8448;
                attach = "fed.target";
            }
            default -> {
                boolean wellKnownUsed = shape.method().name().startsWith("WELL_KNOWN");
                Evidence.Http http = new Evidence.Http("GET", wellKnownUrl, "203.0.113.1", 443, "example.com",
                        "example.com", wellKnownUsed ? 200 : 404, wellKnownUsed ? "HTTP/1.1 200 OK" : "HTTP/1.1 404"
                        + " Not Found", List.of(new Evidence.Header("Content-Type", "application/json")),
                        wellKnownUsed ? "{\"m.server\":\"" + mServer(shape.method()) + "\"}" : "<h1>Not Found</h1>",
                        false, Duration.ofMillis(42), null);
                b.hop("fed.well-known", Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, "fed.server-name", wellKnownUrl,
                        "no port → GET /.well-known/matrix/server", true,
                        wellKnownUsed ? "m.server is " + mServer(shape.method()) : "404: the server falls back to SRV",
                        wellKnownUsed ? Status.PASS : Status.WARN, List.of(http));
                wellKnown = new WellKnownResult(wellKnownUrl, wellKnownUsed ? 200 : 404,
                        wellKnownUsed ? mServer(shape.method()) : null, wellKnownUsed ? null : "404 Not Found");
                String srvBase;
                String srvParent;
                if (wellKnownUsed) {
                    b.hop("fed.m-server", Lane.FEDERATION, HopKind.DELEGATED_SERVER, "fed.well-known",
                            mServer(shape.method()), "200 → m.server", true, null);
                    srvBase = "matrix.example.com";
                    srvParent = "fed.m-server";
                } else {
                    srvBase = "example.com";
                    srvParent = "fed.well-known";
                }
                switch (shape.method()) {
                    case WELL_KNOWN_IP_LITERAL -> {
                        host = "203.0.113.9";
                        port = 8448;
                        attach = "fed.m-server";
                    }
                    case WELL_KNOWN_EXPLICIT_PORT -> {
                        b.notTaken("fed.srv.matrix-fed", HopKind.SRV, "fed.m-server", "_matrix-fed._tcp." + srvBase,
                                "SRV not consulted: the well-known gave an explicit port");
                        b.hop("fed.target", Lane.FEDERATION, HopKind.TARGET_HOST, "fed.m-server",
                                "matrix.example.com:443", "explicit port → no SRV lookup", true, null);
                        host = "matrix.example.com";
                        port = 443;
                        attach = "fed.target";
                    }
                    default -> {
                        boolean fed = shape.method() == FederationMethod.WELL_KNOWN_SRV_MATRIX_FED
                                || shape.method() == FederationMethod.SRV_MATRIX_FED;
                        boolean legacy = shape.method() == FederationMethod.WELL_KNOWN_SRV_MATRIX
                                || shape.method() == FederationMethod.SRV_MATRIX;
                        String fedName = "_matrix-fed._tcp." + srvBase;
                        String rule = wellKnownUsed ? "no port → SRV lookup" : "404 → SRV fallback";
                        host = "matrix.example.com";
                        port = 8448;
                        if (fed) {
                            srv.add(new SrvEntry(fedName, "matrix.example.com.", 8448, 10, 5, 3600));
                            b.hop("fed.srv.matrix-fed", Lane.FEDERATION, HopKind.SRV, srvParent, fedName, rule, true,
                                    "1 record", Status.PASS, List.of(new Evidence.Dns(fedName, "SRV", "NOERROR",
                                            "127.0.0.53", List.of(new Evidence.DnsRecord(fedName, "SRV", 3600,
                                            "10 5 8448 matrix.example.com.")), Duration.ofMillis(8))));
                            b.hop("fed.target", Lane.FEDERATION, HopKind.TARGET_HOST, "fed.srv.matrix-fed",
                                    "matrix.example.com:8448", "SRV target, priority 10", true, null);
                            b.notTaken("fed.srv.matrix", HopKind.SRV, srvParent, "_matrix._tcp." + srvBase,
                                    "Legacy record not consulted: _matrix-fed exists");
                        } else {
                            b.hop("fed.srv.matrix-fed", Lane.FEDERATION, HopKind.SRV, srvParent, fedName, rule, true,
                                    "NXDOMAIN: no _matrix-fed record", Status.SKIP, List.of(new Evidence.Dns(fedName,
                                            "SRV", "NXDOMAIN", "127.0.0.53", List.of(), Duration.ofMillis(7))));
                            String legacyName = "_matrix._tcp." + srvBase;
                            if (legacy) {
                                srv.add(new SrvEntry(legacyName, "matrix.example.com.", 8448, 10, 0, 3600));
                            }
                            b.hop("fed.srv.matrix", Lane.FEDERATION, HopKind.SRV, "fed.srv.matrix-fed", legacyName,
                                    "no _matrix-fed → legacy _matrix", true,
                                    legacy ? "1 record (deprecated)" : "NXDOMAIN: no _matrix record",
                                    legacy ? Status.WARN : Status.SKIP, List.of());
                            b.hop("fed.target", Lane.FEDERATION, HopKind.TARGET_HOST, "fed.srv.matrix",
                                    "matrix.example.com:8448", legacy ? "SRV target" : "no SRV → port 8448", true,
                                    null);
                        }
                        attach = "fed.target";
                    }
                }
            }
        }
        List<ConnectionResult> connections = new ArrayList<>();
        for (String address : shape.addresses()) {
            boolean v6 = address.contains(":");
            String hostPort = (v6 ? "[" + address + "]" : address) + ":" + port;
            b.hop("fed.addr." + address, Lane.FEDERATION, HopKind.ADDRESS, attach, address,
                    v6 ? "AAAA " + host : "A " + host, true, null, Status.PASS,
                    List.of(new Evidence.Dns(host, v6 ? "AAAA" : "A", "NOERROR", "127.0.0.53",
                            List.of(new Evidence.DnsRecord(host + ".", v6 ? "AAAA" : "A", 300, address)),
                            Duration.ofMillis(5))));
            Evidence.Certificates certs = new Evidence.Certificates(List.of(
                    new Evidence.CertificateInfo("CN=" + host, List.of(host, "example.com"), "CN=Test CA R1",
                            Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-12-30T00:00:00Z"),
                            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23"
                                    + ":45:67:89", false),
                    new Evidence.CertificateInfo("CN=Test CA R1", List.of(), "CN=Test Root",
                            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"),
                            "01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"
                                    + ":AB:CD:EF", false)), "TLSv1.3", "TLS_AES_128_GCM_SHA256");
            b.hop("fed.tls." + hostPort, Lane.FEDERATION, HopKind.TLS, "fed.addr." + address, "TLS " + hostPort,
                    "TLS, SNI " + host, true, "Certificate valid for " + host, Status.PASS, List.of(certs));
            String versionUrl = "https://" + hostPort + "/_matrix/federation/v1/version";
            b.hop("fed.version." + hostPort, Lane.FEDERATION, HopKind.FEDERATION_VERSION, "fed.tls." + hostPort,
                    "Synapse 1.120.0", "GET /_matrix/federation/v1/version", true, null, Status.PASS,
                    List.of(new Evidence.Http("GET", versionUrl, address, port, host, host, 200, "HTTP/1.1 200 OK",
                            List.of(new Evidence.Header("Content-Type", "application/json")),
                            "{\"server\":{\"name\":\"Synapse\",\"version\":\"1.120.0\"}}", false,
                            Duration.ofMillis(12), null)));
            b.hop("fed.keys." + hostPort, Lane.FEDERATION, HopKind.SERVER_KEYS,
                    shape.keysUnderTls() ? "fed.tls." + hostPort : "fed.version." + hostPort, "ed25519:a_AbCd",
                    "GET /_matrix/key/v2/server", true, "1 key, signature verified", Status.PASS, List.of());
            connections.add(new ConnectionResult(address, port, true, null, new ServerVersion("Synapse", "1.120.0")));
        }

        // Client lane.
        String clientUrl = "https://example.com/.well-known/matrix/client";
        b.hop("client.start", Lane.CLIENT, HopKind.CLIENT_START, null, "example.com", null, true, null);
        List<Evidence.Header> clientHeaders = shape.corsFailure()
                ? List.of(new Evidence.Header("Content-Type", "application/json"))
                : List.of(new Evidence.Header("Content-Type", "application/json"),
                        new Evidence.Header("Access-Control-Allow-Origin", "*"));
        b.hop("client.well-known", Lane.CLIENT, HopKind.CLIENT_WELL_KNOWN, "client.start", clientUrl,
                "GET /.well-known/matrix/client", true,
                shape.corsFailure() ? "No Access-Control-Allow-Origin header: browser clients cannot read it"
                        : "m.homeserver.base_url is https://matrix.example.com",
                shape.corsFailure() ? Status.FAIL : Status.PASS,
                List.of(new Evidence.Http("GET", clientUrl, "203.0.113.1", 443, "example.com", "example.com", 200,
                        "HTTP/1.1 200 OK", clientHeaders,
                        "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}", false,
                        Duration.ofMillis(40), null)));
        b.hop("client.base-url", Lane.CLIENT, HopKind.BASE_URL, "client.well-known", "https://matrix.example.com",
                "m.homeserver.base_url", true, null);
        b.hop("client.versions", Lane.CLIENT, HopKind.CLIENT_VERSIONS, "client.base-url", "v1.1 … v1.12",
                "GET /_matrix/client/versions", true, null);
        if (shape.identityAndSupport()) {
            b.hop("client.identity", Lane.CLIENT, HopKind.IDENTITY_SERVER, "client.well-known",
                    "https://vector.im", "m.identity_server", true, null);
            b.hop("client.support", Lane.CLIENT, HopKind.SUPPORT, "client.start",
                    "https://example.com/.well-known/matrix/support", "GET /.well-known/matrix/support", true,
                    "1 contact (m.role.admin)", Status.PASS, List.of());
        }

        // Make one hop fail, as the engine does when something breaks.
        List<Hop> hops = b.hops;
        String failId = failHopId;
        if (failId == null && shape.failAt() >= 0) {
            List<Hop> candidates = hops.stream().filter(Hop::taken).toList();
            failId = candidates.get(shape.failAt() % candidates.size()).id();
        }
        if (failId != null) {
            for (int i = 0; i < hops.size(); i++) {
                if (hops.get(i).id().equals(failId)) {
                    Hop h = hops.get(i);
                    hops.set(i, h.withOutcome(Status.FAIL, "Connection timed out after 10 s", h.evidence(),
                            Duration.ofSeconds(10)));
                }
            }
        }

        List<String> tlsIds = hops.stream().filter(h -> h.kind() == HopKind.TLS).map(Hop::id).toList();
        List<String> versionIds = hops.stream().filter(h -> h.kind() == HopKind.FEDERATION_VERSION).map(Hop::id)
                .toList();
        List<String> keyIds = hops.stream().filter(h -> h.kind() == HopKind.SERVER_KEYS).map(Hop::id).toList();
        List<Check> checks = new ArrayList<>();
        checks.add(check("federation.well-known", hops, List.of("fed.well-known"),
                "The server well-known is served", null));
        checks.add(check("federation.srv", hops, hops.stream().filter(h -> h.kind() == HopKind.SRV)
                .map(Hop::id).toList(), "SRV records are consistent", null));
        checks.add(check("federation.tls", hops, tlsIds, "Every address has a valid certificate",
                "Serve a certificate for matrix.example.com with its full chain on every address."));
        checks.add(check("federation.version", hops, versionIds, "Every address answers /version", null));
        checks.add(check("federation.keys", hops, keyIds, "Server keys are signed and valid", null));
        checks.add(check("client.well-known", hops, List.of("client.well-known"), "The client well-known is valid",
                null));
        checks.add(new Check("client.cors", shape.corsFailure() ? Status.FAIL : Status.PASS,
                shape.corsFailure() ? "The client well-known has no Access-Control-Allow-Origin header"
                        : "The client well-known allows browser clients (CORS)",
                shape.corsFailure() ? "Add the header Access-Control-Allow-Origin: * to /.well-known/matrix/client"
                        + " in your web server." : null,
                List.of("client.well-known"), List.of(new Evidence.Note("Access-Control-Allow-Origin",
                shape.corsFailure() ? "missing" : "*"))));
        checks.add(check("client.content-type", hops, List.of("client.well-known"),
                "Served as application/json", null));
        checks.add(check("client.versions", hops, List.of("client.versions"), "The homeserver answers clients", null));

        FederationResult federation = new FederationResult(shape.method(), wellKnown, srv, host, port, host,
                host, shape.addresses(), connections);
        ClientResult client = new ClientResult(shape.corsFailure() ? ClientState.SUCCESS : ClientState.SUCCESS,
                clientUrl, 200, "https://matrix.example.com", shape.identityAndSupport() ? "https://vector.im" : null);
        return new Report(name, name, CHECKED_AT, Duration.ofMillis(1234), "0.1.0-test", federation, client, hops,
                checks);
    }

    private static Check check(String id, List<Hop> hops, List<String> hopIds, String summary, String fix) {
        Status status = hops.stream().filter(h -> hopIds.contains(h.id()) && h.taken()).map(Hop::status)
                .reduce(Status.SKIP, Status::worst);
        boolean bad = status == Status.FAIL || status == Status.WARN;
        return new Check(id, status, bad ? summary.replace("is ", "is not ") : summary,
                bad ? (fix != null ? fix : "See the hop's details for what the server answered.") : null,
                hopIds, List.of());
    }

    private static String mServer(FederationMethod method) {
        return switch (method) {
            case WELL_KNOWN_IP_LITERAL -> "203.0.113.9";
            case WELL_KNOWN_EXPLICIT_PORT -> "matrix.example.com:443";
            default -> "matrix.example.com";
        };
    }

    private static final class Builder {
        final List<Hop> hops = new ArrayList<>();

        void hop(String id, Lane lane, HopKind kind, String parent, String label, String rule, boolean taken,
                 String detail) {
            hop(id, lane, kind, parent, label, rule, taken, detail, Status.PASS, List.of());
        }

        void hop(String id, Lane lane, HopKind kind, String parent, String label, String rule, boolean taken,
                 String detail, Status status, List<Evidence> evidence) {
            hops.add(new Hop(id, lane, kind, parent, label, status, rule, taken, detail, evidence,
                    evidence.isEmpty() ? null : Duration.ofMillis(10)));
        }

        void notTaken(String id, HopKind kind, String parent, String label, String reason) {
            hops.add(new Hop(id, Lane.FEDERATION, kind, parent, label, Status.SKIP, null, false, reason, List.of(),
                    null));
        }
    }
}
