package dev.signpost.bench;

import java.util.List;

import dev.signpost.bench.RoundTripBenchmark.Expect;
import dev.signpost.bench.RoundTripBenchmark.Scenario;
import dev.signpost.testkit.JwtServiceStub;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestHomeserver;

/**
 * The delegations {@link RoundTripBenchmark} measures, each with the critical path a perfect client needs: DNS
 * answers documentation addresses (203.0.113.0/24, 2001:db8::/32), each mapped to its own delaying proxy with
 * {@code --resolve}; the scenarios without a DNS server pin names instead.
 */
final class RoundTripScenarios {

    private RoundTripScenarios() {
    }

    /** The benchmark's delegations; documentation addresses in DNS, mapped to proxies by {@code --resolve}. */
    static List<Scenario> all() {
        return List.of(
                new Scenario(RoundTripBenchmark.CALIBRATION, "example.com", null, 0, 3, 4,
                        "not Signpost: a trivial client asks DNS for example.com A, then one HTTPS GET — measures"
                                + " the harness itself",
                        RoundTripScenarios::commonWellKnownHost),
                new Scenario("well-known + SRV", "example.com", "well-known-srv-matrix-fed", 1, 7, 9,
                        "DNS A∥AAAA example.com, TLS, GET well-known, DNS SRV, DNS A∥AAAA target, TLS,"
                                + " GET version∥keys (client lane: 6, in parallel)",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().srv("_matrix-fed._tcp.matrix.example.com", 10, 5, 8448, "hs.example.com")
                                    .a("hs.example.com", "203.0.113.5");
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com");
                        }),
                new Scenario("well-known explicit port", "example.com", "well-known-explicit-port", 1, 6, 8,
                        "DNS A∥AAAA example.com, TLS, GET well-known, DNS A∥AAAA, TLS, GET version∥keys"
                                + " (client lane: 6, in parallel)",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                        }),
                new Scenario("multi-address (2 A + 2 AAAA)", "example.com", "well-known-explicit-port", 4, 6, 8,
                        "as above; the four addresses in parallel",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().a("matrix.example.com", "203.0.113.6")
                                    .aaaa("matrix.example.com", "2001:db8::5")
                                    .aaaa("matrix.example.com", "2001:db8::6");
                            for (String ip : List.of("203.0.113.5", "203.0.113.6", "2001:db8::5", "2001:db8::6")) {
                                f.endpoint(ip, 8448);
                                f.endpoint(ip, 443);
                            }
                            wellKnown(f, "matrix.example.com:8448");
                        }),
                new Scenario("calls and sign-in (explicit port)", "example.com", "well-known-explicit-port", 1, 6,
                        8, "as well-known explicit port; the apps lane's auth metadata, transports, media and the"
                                + " LiveKit service (DNS, TLS, GET) leave with the client lane's /versions",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                            callsAndSignIn(f);
                        }),
                new Scenario("server name with port", "example.com:8448", "explicit-port", 1, 6, 8,
                        "client lane: DNS A∥AAAA, TLS, GET client well-known, DNS A∥AAAA base_url host, TLS,"
                                + " GET versions (federation lane: 3, in parallel)",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.1", 8448);
                            // The server name, port included, is what the keys must name.
                            f.homeserver("example.com:8448").installFederation(f.https(), "example.com");
                        }),
                new Scenario("default port (no well-known, no SRV)", "example.com", "default-port", 1, 6, 8,
                        "DNS A∥AAAA example.com, TLS, GET well-known (404), DNS SRV _matrix-fed∥_matrix,"
                                + " TLS to example.com:8448 (its addresses are known from the first step),"
                                + " GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.1", 8448);
                            f.homeserver("example.com").installFederation(f.https(), "example.com");
                        }),
                new Scenario("SRV (no well-known)", "example.com", "srv-matrix-fed", 1, 7, 9,
                        "DNS A∥AAAA example.com, TLS, GET well-known (404), DNS SRV, DNS A∥AAAA target, TLS,"
                                + " GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().srv("_matrix-fed._tcp.example.com", 10, 5, 8448, "hs.example.com")
                                    .a("hs.example.com", "203.0.113.7");
                            f.certificate("hs.example.com");
                            f.endpoint("203.0.113.7", 8448);
                            f.homeserver("example.com").installFederation(f.https(), "example.com");
                        }),
                new Scenario("legacy SRV _matrix._tcp (no well-known)", "example.com", "srv-matrix", 1, 7, 9,
                        "DNS A∥AAAA example.com, TLS, GET well-known (404), DNS SRV _matrix-fed∥_matrix (asked at"
                                + " once; the legacy answer counts because _matrix-fed does not exist), DNS A∥AAAA"
                                + " target, TLS, GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().srv("_matrix._tcp.example.com", 10, 5, 8448, "hs.example.com")
                                    .a("hs.example.com", "203.0.113.7");
                            f.endpoint("203.0.113.7", 8448);
                            f.homeserver("example.com").installFederation(f.https(), "example.com");
                        }),
                new Scenario("plain well-known (no port, no SRV)", "example.com", "well-known-default-port", 1,
                        6, 8,
                        "DNS A∥AAAA example.com, TLS, GET well-known, DNS SRV _matrix-fed∥_matrix of"
                                + " matrix.example.com, TLS (its addresses are known: the client lane asked them"
                                + " one step earlier), GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com");
                        }),
                new Scenario("redirected well-known (308)", "example.com", "well-known-explicit-port", 1, 8, 11,
                        "DNS A∥AAAA example.com, TLS, GET well-known (308 to www.example.com), DNS A∥AAAA www,"
                                + " TLS, GET well-known, TLS to matrix.example.com:8448 (its addresses are known"
                                + " from the client lane), GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().a("www.example.com", "203.0.113.8");
                            f.certificate("www.example.com");
                            f.endpoint("203.0.113.8", 443).endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                            f.https().route("example.com", "/.well-known/matrix/server",
                                    Response.redirect(308, "https://www.example.com/.well-known/matrix/server"));
                            f.https().route("www.example.com", "/.well-known/matrix/server",
                                    Response.json("{\"m.server\": \"matrix.example.com:8448\"}"));
                        }),
                new Scenario("explicit port behind a CNAME", "example.com", "well-known-explicit-port", 1, 6, 8,
                        "DNS A∥AAAA example.com, TLS, GET well-known, DNS A∥AAAA fed.example.com (both answers"
                                + " carry the CNAME to hs.example.net and what it has: an A, no AAAA), TLS,"
                                + " GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.dns().cname("fed.example.com", "hs.example.net").a("hs.example.net", "203.0.113.9");
                            f.certificate("fed.example.com");
                            f.endpoint("203.0.113.9", 8448);
                            wellKnown(f, "fed.example.com:8448");
                        }),
                new Scenario(RoundTripBenchmark.OUTSIDE_OFF, "example.com", "well-known-explicit-port", 1, 4, 6,
                        "no DNS server: every name pinned with --resolve, --no-public-dns; TLS, GET well-known,"
                                + " TLS, GET version∥keys (client lane: TLS, GET, TLS, GET versions)",
                        f -> pinnedDelegation(f.withoutDns()),
                        Expect.client("SUCCESS", "dns.outside-view", "skip")),
                new Scenario(RoundTripBenchmark.OUTSIDE_ON, "example.com", "well-known-explicit-port", 1, 4, 6,
                        "as outside view off; the DoH questions (TLS, GET per question) leave when a lane pins a"
                                + " name: example.com at depth 0, matrix.example.com at depth 2, beside the lanes",
                        f -> {
                            pinnedDelegation(f.outsideView());
                            f.doh().zone().a("example.com", "127.0.0.1").a("matrix.example.com", "127.0.0.1");
                        },
                        Expect.client("SUCCESS", "dns.outside-view", "pass")),
                new Scenario("identity server (explicit port)", "example.com", "well-known-explicit-port", 1, 6,
                        8, "as well-known explicit port; the identity server named in the client well-known"
                                + " (DNS, TLS, GET /_matrix/identity/v2) is asked beside /versions",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                            identityServer(f);
                        },
                        Expect.client("SUCCESS", "client.identity", "pass")),
                new Scenario("no client well-known (Element X fallback)", "example.com",
                        "well-known-explicit-port", 1, 6, 8,
                        "as well-known explicit port (federation: 6); the client lane: DNS, TLS, GET client"
                                + " well-known (404), then Element X's TLS, GET example.com/_matrix/client/versions"
                                + " (5)",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                            withoutClientWellKnown(f);
                        },
                        Expect.client("IGNORE", "client.well-known", "warn")),
                new Scenario("server name with port, no client well-known", "example.com:8448", "explicit-port", 1,
                        3, 4, "federation: DNS A∥AAAA, TLS, GET version∥keys; the client lane's requests leave"
                                + " after the DNS answer too: client well-known (404), js-sdk's example.com:8448"
                                + " variant and Element X's example.com/_matrix/client/versions",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.1", 8448);
                            f.homeserver("example.com:8448").installFederation(f.https(), "example.com");
                            withoutClientWellKnown(f);
                        },
                        Expect.client("IGNORE", "client.well-known", "warn")),
                new Scenario("bot filter (403 unless Synapse's User-Agent)", "example.com",
                        "well-known-explicit-port", 1, 7, 10,
                        "DNS A∥AAAA example.com, TLS, GET well-known (403), TLS, GET well-known as Synapse (the"
                                + " retry, only after a 403), TLS to matrix.example.com:8448 (its addresses are"
                                + " known from the client lane), GET version∥keys",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                            Response file = Response.json("{\"m.server\": \"matrix.example.com:8448\"}");
                            f.https().route("example.com", "/.well-known/matrix/server", request -> {
                                String agent = request.header("User-Agent");
                                return agent != null && agent.startsWith("Synapse/") ? file
                                        : Response.status(403).withBody("Forbidden");
                            });
                        },
                        Expect.client("SUCCESS", "federation.bot-filter", "warn")),
                new Scenario("CDN in front of the server name", "example.com", "well-known-explicit-port", 1, 6, 8,
                        "as well-known explicit port; example.com answers with a CF-Ray header (the CDN is"
                                + " named from the answer the check has anyway)",
                        f -> {
                            commonWellKnownHost(f);
                            f.endpoint("203.0.113.5", 8448);
                            wellKnown(f, "matrix.example.com:8448");
                            f.https().route("example.com", "/.well-known/matrix/server",
                                    Response.json("{\"m.server\": \"matrix.example.com:8448\"}")
                                            .withHeader("CF-Ray", "8a1b2c3d4e5f6a7b-FRA")
                                            .withHeader("Server", "cloudflare"));
                        },
                        Expect.client("SUCCESS", "federation.cdn", "pass")));
    }

    /**
     * The explicit-port delegation without DNS: example.com (443) and matrix.example.com (443, 8448) are pinned
     * with {@code --resolve}, as a hosts-file entry would, so the check asks no DNS server at all.
     */
    private static void pinnedDelegation(BenchFixture f) {
        f.certificate("example.com").certificate("matrix.example.com");
        f.endpoint("example.com", 443).endpoint("matrix.example.com", 443).endpoint("matrix.example.com", 8448);
        f.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}}").withCors());
        f.homeserver("example.com").installClient(f.https(), "matrix.example.com");
        wellKnown(f, "matrix.example.com:8448");
    }

    /** The client well-known names an identity server on its own host and address (id.example.com, 203.0.113.10). */
    private static void identityServer(BenchFixture f) {
        f.dns().a("id.example.com", "203.0.113.10");
        f.certificate("id.example.com");
        f.endpoint("203.0.113.10", 443);
        f.https().route("example.com", "/.well-known/matrix/client", Response.json(
                "{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}, \"m.identity_server\":"
                        + " {\"base_url\": \"https://id.example.com\"}}").withCors());
        f.https().route("id.example.com", "/_matrix/identity/v2", TestHomeserver.identityResponder());
    }

    /**
     * No client well-known (404), and example.com answering {@code /_matrix/client/versions} itself, as Element X's
     * fallback asks.
     */
    private static void withoutClientWellKnown(BenchFixture f) {
        f.https().unroute("example.com", "/.well-known/matrix/client");
        f.https().route("example.com", "/_matrix/client/versions", TestHomeserver.clientVersionsResponder());
    }

    /**
     * example.com (203.0.113.1) serves the client well-known pointing at https://matrix.example.com, which is
     * 203.0.113.5 and serves the client API; certificates for both names.
     */
    private static void commonWellKnownHost(BenchFixture f) {
        f.dns().a("example.com", "203.0.113.1").a("matrix.example.com", "203.0.113.5");
        f.certificate("example.com").certificate("matrix.example.com");
        f.endpoint("203.0.113.1", 443).endpoint("203.0.113.5", 443);
        f.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}}").withCors());
        f.homeserver("example.com").installClient(f.https(), "matrix.example.com");
    }

    /**
     * A server with Element Call and a sign-in service: the client well-known names a LiveKit JWT service on its
     * own host (rtc.example.com, 203.0.113.9), the homeserver lists the call and delayed-event flags, serves valid
     * sign-in metadata and routes the call transports.
     */
    private static void callsAndSignIn(BenchFixture f) {
        f.dns().a("rtc.example.com", "203.0.113.9");
        f.certificate("rtc.example.com");
        f.endpoint("203.0.113.9", 443);
        f.https().route("example.com", "/.well-known/matrix/client", Response.json(
                "{\"m.homeserver\": {\"base_url\": \"https://matrix.example.com\"}, \"org.matrix.msc4143.rtc_foci\":"
                        + " [{\"type\": \"livekit\", \"livekit_service_url\": \"https://rtc.example.com/livekit/jwt\"}]}")
                .withCors());
        new ModernHomeserver().flags(ModernHomeserver.SLIDING_SYNC, ModernHomeserver.RTC,
                ModernHomeserver.DELAYED_EVENTS).auth(ModernHomeserver.Auth.VALID).issuer("https://auth.example.com/")
                .transports(ModernHomeserver.Transports.ROUTED).install(f.https(), "matrix.example.com");
        JwtServiceStub.install(f.https(), "rtc.example.com", "/livekit/jwt", JwtServiceStub.Mode.ALIVE);
    }

    /** example.com's server well-known names {@code mServer}; the homeserver answers for the delegated host. */
    private static void wellKnown(BenchFixture f, String mServer) {
        f.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\": \"" + mServer + "\"}"));
        TestHomeserver homeserver = f.homeserver("example.com");
        homeserver.installFederation(f.https(), mServer.replaceFirst(":\\d+$", ""));
    }
}
