package dev.signpost.testkit;

/**
 * Makes a {@link TestHttpsServer} answer like the LiveKit JWT service (lk-jwt-service) Element Call gets its call
 * tokens from: {@code GET /healthz} 200 without CORS (it is for health checks), {@code GET /sfu/get} 405 with CORS
 * (the handler sets CORS for every method and accepts only POST and OPTIONS).
 */
public final class JwtServiceStub {

    public static final String HEALTH_PATH = "/healthz";
    public static final String SFU_PATH = "/sfu/get";

    /** How the service behaves. */
    public enum Mode {
        /** Alive, as deployed behind a proxy that passes it through. */
        ALIVE,
        /** Alive, but a proxy strips the CORS headers from {@code /sfu/get}. */
        NO_CORS,
        /** Not there: the proxy answers its HTML 404 on both paths. */
        MISSING
    }

    private JwtServiceStub() {
    }

    /** Routes the service's paths under {@code prefix} (e.g. {@code ""} or {@code "/livekit/jwt"}) for {@code host}. */
    public static void install(TestHttpsServer server, String host, String prefix, Mode mode) {
        switch (mode) {
            case ALIVE -> {
                server.route(host, prefix + HEALTH_PATH, Response.text("OK"));
                server.route(host, prefix + SFU_PATH, methodNotAllowed().withCors()
                        .withHeader("Access-Control-Allow-Methods", "POST")
                        .withHeader("Access-Control-Allow-Headers", "Accept, Content-Type, Content-Length, "
                                + "Accept-Encoding, X-CSRF-Token, Authorization"));
            }
            case NO_CORS -> {
                server.route(host, prefix + HEALTH_PATH, Response.text("OK"));
                server.route(host, prefix + SFU_PATH, methodNotAllowed());
            }
            case MISSING -> {
                server.route(host, prefix + HEALTH_PATH, ModernHomeserver.htmlNotFound());
                server.route(host, prefix + SFU_PATH, ModernHomeserver.htmlNotFound());
            }
        }
    }

    private static Response methodNotAllowed() {
        return Response.status(405).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody("Method Not Allowed");
    }
}
