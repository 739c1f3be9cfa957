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
import java.util.List;

/** A realistic report (well-known + SRV delegation, two addresses) for examples. */
final class ReportJsonSamples {

    private ReportJsonSamples() {
    }

    static Report wellKnownSrv() {
        Evidence.Http wellKnownFetch = new Evidence.Http("GET", "https://example.com/.well-known/matrix/server",
                "203.0.113.5", 443, "example.com", "example.com", 200, "HTTP/1.1 200 OK",
                List.of(new Evidence.Header("Content-Type", "application/json")),
                "{\"m.server\":\"matrix.example.com\"}", false, Duration.ofMillis(42), null);
        Evidence.Dns srvLookup = new Evidence.Dns("_matrix-fed._tcp.matrix.example.com", "SRV", "NOERROR",
                "127.0.0.1:5353", List.of(new Evidence.DnsRecord("_matrix-fed._tcp.matrix.example.com.", "SRV", 300,
                "10 5 8448 hs1.example.com.")), Duration.ofNanos(1_234_567));
        Evidence.Certificates chain = new Evidence.Certificates(List.of(new Evidence.CertificateInfo(
                "CN=matrix.example.com", List.of("matrix.example.com"), "CN=Test CA",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"), "ab:cd", false)),
                "TLSv1.3", "TLS_AES_128_GCM_SHA256");
        FederationResult federation = new FederationResult(FederationMethod.WELL_KNOWN_SRV_MATRIX_FED,
                new WellKnownResult("https://example.com/.well-known/matrix/server", 200, "matrix.example.com", null),
                List.of(new SrvEntry("_matrix-fed._tcp.matrix.example.com", "hs1.example.com", 8448, 10, 5, 300)),
                "hs1.example.com", 8448, "matrix.example.com", "matrix.example.com",
                List.of("203.0.113.5", "2001:db8::5"),
                List.of(new ConnectionResult("203.0.113.5", 8448, true, null, new ServerVersion("Synapse", "1.120.0")),
                        new ConnectionResult("2001:db8::5", 8448, false, "connection refused", null)));
        ClientResult client = new ClientResult(ClientState.SUCCESS, "https://example.com/.well-known/matrix/client",
                200, "https://matrix.example.com", null);
        List<Hop> hops = List.of(
                new Hop("fed.server-name", Lane.FEDERATION, HopKind.SERVER_NAME, null, "example.com", Status.PASS, null,
                        true, null, List.of(), null),
                new Hop("fed.well-known", Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, "fed.server-name",
                        "example.com:443", Status.PASS, "no port → well-known", true, null, List.of(wellKnownFetch),
                        Duration.ofMillis(42)),
                new Hop("fed.srv.matrix-fed", Lane.FEDERATION, HopKind.SRV, "fed.well-known", "hs1.example.com:8448",
                        Status.PASS, "m.server without port → SRV", true, null, List.of(srvLookup),
                        Duration.ofNanos(1_234_567)),
                new Hop("fed.srv.matrix", Lane.FEDERATION, HopKind.SRV, "fed.well-known", "_matrix._tcp",
                        Status.SKIP, null, false, "not consulted: _matrix-fed exists", List.of(), null));
        List<Check> checks = List.of(
                new Check("federation.well-known", Status.PASS, "The server well-known delegates to matrix.example.com.",
                        null, List.of("fed.well-known"), List.of(wellKnownFetch)),
                new Check("federation.tls", Status.FAIL, "IPv6 address 2001:db8::5 refuses connections.",
                        "Open port 8448 on IPv6 or remove the AAAA record.", List.of(), List.of(chain,
                        new Evidence.Note("address", "2001:db8::5"))));
        return new Report("example.com", "example.com", Instant.parse("2026-11-22T01:30:00.123456789Z"),
                Duration.ofMillis(1500), "0.1.0", federation, client, hops, checks);
    }
}
