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
    HEALTHY("healthy", "example.com", () -> delegated("matrix.example.com:8448")),

    /**
     * example.com's well-known points to {@code old.example.com:443}, a host DNS does not know: the delegation of
     * a plan that moved to matrix.example.com, not yet updated.
     */
    DELEGATED_ELSEWHERE("delegated-elsewhere", "example.com", () -> delegated("old.example.com:443")),

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

    /** example.com delegating to {@code mServer}, with a working homeserver on matrix.example.com:8448 and :443. */
    private static TestWorld delegated(String mServer) {
        TestWorld w = new TestWorld().homeserverReady("example.com", "203.0.113.5");
        w.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"" + mServer + "\"}").withHeader("Cache-Control", "max-age=3600"));
        w.https().route("example.com", "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://" + HOMESERVER + "\"}}").withCors());
        return w;
    }
}
