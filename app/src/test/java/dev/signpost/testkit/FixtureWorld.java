package dev.signpost.testkit;

import java.util.function.Supplier;

/**
 * The worlds whose reports the UI and renderer tests use: each is checked by the real engine, and the report is
 * stored as {@code src/test/resources/fixtures/reports/<id>.json} (see {@link EngineFixtures}). A test that needs a
 * chain shape adds a world here rather than building a report by hand, so every hop id, parent and sentence it sees
 * is one the engine really produces.
 */
public enum FixtureWorld {

    /**
     * example.com delegated with a cached well-known to {@code matrix.example.com:8448}, the homeserver answering
     * federation and clients, the client well-known with CORS: everything passes.
     */
    HEALTHY("healthy", "example.com", () -> delegated("matrix.example.com:8448", true)),

    /**
     * example.com's well-known points to {@code old.example.com:443}, a host DNS does not know: the delegation of
     * a plan that moved to matrix.example.com, not yet updated.
     */
    DELEGATED_ELSEWHERE("delegated-elsewhere", "example.com", () -> delegated("old.example.com:443", true)),

    /** {@link #HEALTHY}, but the client well-known is served without CORS headers: browser apps cannot read it. */
    CLIENT_WITHOUT_CORS("client-without-cors", "example.com", () -> delegated("matrix.example.com:8448", false)),

    /**
     * example.com delegated to {@code matrix.example.com:443}, which has an IPv4 and an IPv6 address; both (and the
     * client side on the same host) present a certificate for another name.
     */
    BROKEN_DELEGATION("broken-delegation", "example.com", () -> delegationOn443(true)),

    /** {@link #BROKEN_DELEGATION} after the fix: both addresses present a certificate for matrix.example.com. */
    FIXED_DELEGATION("fixed-delegation", "example.com", () -> delegationOn443(false)),

    /**
     * example.com delegated by well-known and SRV to {@code matrix.example.com:8448}, which has three IPv4 and
     * three IPv6 addresses; connections to 2001:db8::6 are refused.
     */
    SIX_ADDRESSES("six-addresses", "example.com", FixtureWorld::sixAddresses),

    /**
     * example.com before any delegation: no well-known files (404), no SRV record, nothing on port 8448 of the
     * name, which DNS does not know either.
     */
    NO_DELEGATION("no-delegation", "example.com", () -> {
        TestWorld w = new TestWorld();
        w.serve("example.com", 443);
        return w;
    });

    private static final String HOMESERVER = "matrix.example.com";

    private final String id;
    private final String serverName;
    private final Supplier<TestWorld> world;

    FixtureWorld(String id, String serverName, Supplier<TestWorld> world) {
        this.id = id;
        this.serverName = serverName;
        this.world = world;
    }

    /** The file name of the stored report, without {@code .json}. */
    public String id() {
        return id;
    }

    /** The server name the engine is asked to check. */
    public String serverName() {
        return serverName;
    }

    /** A fresh world, started; the caller closes it. */
    public TestWorld start() {
        return world.get();
    }

    private static TestWorld delegationOn443(boolean wrongCertificate) {
        TestWorld w = new TestWorld();
        ServerIdentity wrong = wrongCertificate ? w.ca().wrongNameLeaf() : w.ca().leaf(HOMESERVER);
        w.dns().a(HOMESERVER, "203.0.113.5").aaaa(HOMESERVER, "2001:db8::5");
        // No --resolve entry for the name: both lanes reach the homeserver through its DNS addresses.
        w.serve("example.com", 443).serve("203.0.113.5", 443, HOMESERVER, wrong)
                .serve("2001:db8::5", 443, HOMESERVER, wrong);
        wellKnowns(w, "matrix.example.com:443", true);
        TestHomeserver hs = w.homeserver("example.com");
        hs.installFederation(w.https(), HOMESERVER);
        hs.installClient(w.https(), HOMESERVER);
        return w;
    }

    private static TestWorld sixAddresses() {
        TestWorld w = new TestWorld();
        w.dns().srv("_matrix-fed._tcp." + HOMESERVER, 10, 0, 8448, HOMESERVER);
        for (int i = 5; i <= 7; i++) {
            w.dns().a(HOMESERVER, "203.0.113." + i).aaaa(HOMESERVER, "2001:db8::" + i);
            w.serve("203.0.113." + i, 8448, HOMESERVER);
            if (i == 6) {
                w.resolve("2001:db8::6", 8448, "127.0.0.1:1");
            } else {
                w.serve("2001:db8::" + i, 8448, HOMESERVER);
            }
        }
        w.serve("example.com", 443).serve(HOMESERVER, 443);
        wellKnowns(w, HOMESERVER, true);
        TestHomeserver hs = w.homeserver("example.com");
        hs.installFederation(w.https(), HOMESERVER);
        hs.installClient(w.https(), HOMESERVER);
        return w;
    }

    /** example.com delegating to {@code mServer}, with a working homeserver on matrix.example.com:8448 and :443. */
    private static TestWorld delegated(String mServer, boolean cors) {
        TestWorld w = new TestWorld().homeserverReady("example.com", "203.0.113.5");
        wellKnowns(w, mServer, cors);
        return w;
    }

    /** example.com's server well-known (cached for an hour) naming {@code mServer}, and its client well-known. */
    private static void wellKnowns(TestWorld w, String mServer, boolean cors) {
        w.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"" + mServer + "\"}").withHeader("Cache-Control", "max-age=3600"));
        Response client = Response.json("{\"m.homeserver\":{\"base_url\":\"https://" + HOMESERVER + "\"}}");
        w.https().route("example.com", "/.well-known/matrix/client", cors ? client.withCors() : client);
    }
}
