package dev.signpost.ui;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Hand-made reports for view-model tests: one where delegation works, one where the well-known points elsewhere. */
public final class SampleReports {

    private SampleReports() {
    }

    /** A valid plan: example.com delegated to matrix.example.com:443, Caddy in front, Dendrite behind. */
    public static dev.signpost.core.plan.DelegationPlan plan() {
        return new dev.signpost.core.plan.DelegationPlan("example.com", dev.signpost.core.plan.FederationMode.WELL_KNOWN,
                "matrix.example.com", 443, "https://matrix.example.com", null,
                List.of(new dev.signpost.core.plan.SupportContact("m.role.admin", null, "a@example.com")), null,
                java.util.Map.of(), dev.signpost.core.plan.WebServerKind.CADDY,
                dev.signpost.core.plan.HomeserverKind.DENDRITE, true, "http://127.0.0.1:8008", null, null);
    }

    public static Report passing(String name, String mServer, String baseUrl) {
        List<Hop> hops = List.of(
                hop("fed.name", Lane.FEDERATION, HopKind.SERVER_NAME, null, name, Status.PASS, null),
                hop("fed.well-known", Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, "fed.name",
                        "https://" + name + "/.well-known/matrix/server", Status.PASS, "GET → 200"),
                hop("fed.delegated", Lane.FEDERATION, HopKind.DELEGATED_SERVER, "fed.well-known", mServer,
                        Status.PASS, "explicit port → no SRV lookup"),
                hop("client.start", Lane.CLIENT, HopKind.CLIENT_START, null, name, Status.PASS, null),
                hop("client.base-url", Lane.CLIENT, HopKind.BASE_URL, "client.start", baseUrl, Status.PASS, null));
        List<Check> checks = List.of(
                new Check("federation.well-known", Status.PASS, "The server well-known delegates to " + mServer,
                        null, List.of("fed.well-known"), List.of()),
                new Check("client.well-known", Status.PASS, "Clients are sent to " + baseUrl, null,
                        List.of("client.base-url"), List.of()));
        return report(name, new WellKnownResult("https://" + name + "/.well-known/matrix/server", 200, mServer, null),
                new ClientResult(ClientState.SUCCESS, "https://" + name + "/.well-known/matrix/client", 200, baseUrl,
                        null), hops, checks);
    }

    public static Report failing(String name) {
        List<Hop> hops = List.of(
                hop("fed.name", Lane.FEDERATION, HopKind.SERVER_NAME, null, name, Status.PASS, null),
                hop("fed.well-known", Lane.FEDERATION, HopKind.SERVER_WELL_KNOWN, "fed.name",
                        "https://" + name + "/.well-known/matrix/server", Status.FAIL, "404 → SRV fallback"));
        List<Check> checks = List.of(
                new Check("federation.well-known", Status.FAIL, "No server well-known at " + name,
                        "Serve /.well-known/matrix/server with {\"m.server\": \"matrix." + name + ":443\"}.",
                        List.of("fed.well-known"), List.of()));
        return report(name, new WellKnownResult("https://" + name + "/.well-known/matrix/server", 404, null,
                "404 Not Found"), new ClientResult(ClientState.IGNORE, "https://" + name + "/.well-known/matrix/client",
                404, null, null), hops, checks);
    }

    private static Report report(String name, WellKnownResult wellKnown, ClientResult client, List<Hop> hops,
                                 List<Check> checks) {
        FederationResult federation = new FederationResult(
                wellKnown.mServer() == null ? null : FederationMethod.WELL_KNOWN_EXPLICIT_PORT, wellKnown, List.of(),
                null, null, null, null, List.of(), List.of());
        return new Report(name, name, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(120), "test",
                federation, client, hops, checks);
    }

    private static Hop hop(String id, Lane lane, HopKind kind, String parent, String label, Status status, String rule) {
        return new Hop(id, lane, kind, parent, label, status, rule, true, null, List.of(), Duration.ofMillis(5));
    }
}
