package dev.signpost.core.discovery;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.Response;
import dev.signpost.testkit.TestWorld;

/**
 * The world the apps lane tests share: example.com delegates federation to matrix.example.com (port 8448 at a
 * documentation address, served on loopback), its client well-known points at https://matrix.example.com with
 * CORS, and matrix.example.com runs a homeserver whose modern routes each test sets with {@link #modern}.
 */
final class AppsWorld implements AutoCloseable {

    static final String HS = "matrix.example.com";
    static final String CALLS = "livekit.example.com";

    final TestWorld world = new TestWorld();
    private String extraWellKnown = "";

    AppsWorld() {
        world.dns().a(HS, "203.0.113.5");
        world.serve("example.com", 443).serve(HS, 443).serve("203.0.113.5", 8448, HS).serve(CALLS, 443);
        world.https().route("example.com", "/.well-known/matrix/server",
                Response.json("{\"m.server\":\"" + HS + "\"}"));
        world.homeserver("example.com").installFederation(world.https(), HS).installClient(world.https(), HS);
        wellKnown("");
    }

    /** Adds raw JSON members (e.g. {@code ,"org.matrix.msc4143.rtc_foci":[...]}) to the client well-known. */
    AppsWorld wellKnown(String members) {
        extraWellKnown = members;
        world.https().route("example.com", "/.well-known/matrix/client", Response.json(
                "{\"m.homeserver\":{\"base_url\":\"https://" + HS + "\"}" + extraWellKnown + "}").withCors());
        return this;
    }

    /** A well-known naming one LiveKit JWT service. */
    AppsWorld foci(String url) {
        return wellKnown(",\"org.matrix.msc4143.rtc_foci\":[{\"type\":\"livekit\",\"livekit_service_url\":\""
                + url + "\"}]");
    }

    /** Replaces the homeserver's modern routes. */
    AppsWorld modern(ModernHomeserver homeserver) {
        homeserver.install(world.https(), HS);
        return this;
    }

    Report check() {
        return EngineTestSupport.check(world, "example.com");
    }

    static AppVerdict app(Report report, String id) {
        return report.apps().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no app " + id + " in " + report.apps()));
    }

    @Override
    public void close() {
        world.close();
    }
}
