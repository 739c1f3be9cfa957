package dev.signpost.core.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.signpost.testkit.JwtServiceStub;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.TestHttpsServer;
import dev.signpost.testkit.TestWorld;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a plan with Element Call and a sign-in service points at, on loopback: a homeserver behind the proxy (plain
 * http, as Synapse listens) that answers as a current Synapse with calls and a sign-in service does, the LiveKit
 * JWT service stub at {@code rtc.example.org}, and a sign-in service whose issuer the homeserver's metadata names.
 */
final class CallsAndSignInWorld implements AutoCloseable {

    private static final String UNRECOGNIZED = "{\"errcode\":\"M_UNRECOGNIZED\",\"error\":\"Unrecognized request\"}";
    private static final String MISSING_TOKEN = "{\"errcode\":\"M_MISSING_TOKEN\",\"error\":\"Missing access token\"}";

    private final HttpServer homeserver;
    private final TestHttpsServer signIn;
    private final TestHttpsServer jwt;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final String issuer;

    CallsAndSignInWorld(TestWorld world) throws IOException {
        signIn = world.newHttpsServer("127.0.0.1", world.ca().leaf("127.0.0.1"));
        jwt = world.newHttpsServer("127.0.0.1", world.ca().leaf("rtc.example.org"));
        JwtServiceStub.install(jwt, "*", "/livekit/jwt", JwtServiceStub.Mode.ALIVE);
        world.resolve("rtc.example.org", 443, jwt.hostPort());
        issuer = "https://127.0.0.1:" + signIn.port() + "/";
        ModernHomeserver synapse = new ModernHomeserver().flags(ModernHomeserver.SLIDING_SYNC, ModernHomeserver.RTC,
                ModernHomeserver.DELAYED_EVENTS);
        homeserver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        homeserver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            seen.add(path);
            if (path.equals(ModernHomeserver.VERSIONS_PATH)) {
                answer(exchange, 200, synapse.versionsJson());
            } else if (path.equals(ModernHomeserver.AUTH_STABLE_PATH)
                    || path.equals(ModernHomeserver.AUTH_UNSTABLE_PATH)) {
                answer(exchange, 200, ModernHomeserver.metadataJson(issuer, "https"));
            } else if (path.equals(ModernHomeserver.TRANSPORTS_PATH) || path.startsWith("/_matrix/client/v1/media/")
                    || path.startsWith("/_matrix/federation/v1/media/")) {
                answer(exchange, 401, MISSING_TOKEN);
            } else {
                answer(exchange, 404, UNRECOGNIZED);
            }
        });
        homeserver.start();
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    /** The homeserver as the proxy reaches it ({@code --upstream}). */
    String upstream() {
        return "http://127.0.0.1:" + homeserver.getAddress().getPort();
    }

    /** The LiveKit JWT service's URL ({@code --call-service}). */
    String callService() {
        return "https://rtc.example.org/livekit/jwt";
    }

    /** The sign-in service's issuer ({@code --auth-issuer}). */
    String issuer() {
        return issuer;
    }

    /** Every path the homeserver was asked for, in order. */
    List<String> homeserverSaw() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        homeserver.stop(0);
        signIn.close();
        jwt.close();
    }
}
