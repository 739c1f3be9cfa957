package dev.signpost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The worlds behind the advice tests: each is a shape a self-hoster really meets, built from the test kit's real
 * DNS and HTTPS servers on loopback. The server name is not an example domain, so a fix that names it proves it
 * speaks of the user's own names.
 */
public final class AdviceWorlds {

    /** The user's server name in every world. */
    public static final String NAME = "fernweh.test";
    /** The host the user's homeserver runs on. */
    public static final String HOMESERVER = "matrix.fernweh.test";

    private AdviceWorlds() {
    }

    /**
     * No delegation yet: no well-known, no SRV, and the homeserver already answers on {@code NAME:8448} with its own
     * certificate for {@code HOMESERVER}. The client side is healthy, so only federation is wrong.
     */
    public static TestWorld noDelegationYet() {
        TestWorld w = new TestWorld();
        w.serve(NAME, 443).serve(HOMESERVER, 443);
        TestHttpsServer federation = w.newHttpsServer("127.0.0.1", w.ca().leaf(HOMESERVER));
        w.resolve(NAME, 8448, federation.hostPort());
        TestHomeserver hs = w.homeserver(NAME);
        hs.installFederation(federation, "*");
        hs.installClient(w.https(), HOMESERVER);
        w.https().route(NAME, "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://" + HOMESERVER + "\"}}").withCors());
        return w;
    }

    /**
     * The well-known files copied into nginx's web root without the generated snippet: the client file is answered
     * with nginx's default type and without CORS. Federation is delegated and works.
     */
    public static TestWorld wellKnownWithoutSnippet() {
        TestWorld w = delegated(HOMESERVER + ":443");
        w.https().route(NAME, "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://" + HOMESERVER + "\"}}")
                        .withoutHeader("Content-Type").withHeader("Content-Type", "application/octet-stream")
                        .withHeader("Server", "nginx/1.22.1"));
        return w;
    }

    /** {@code m.server} names the homeserver without a port, there is no SRV, and nothing listens on 8448. */
    public static TestWorld mServerWithoutPort() {
        TestWorld w = delegated(HOMESERVER);
        w.resolve(HOMESERVER, 8448, "127.0.0.1:" + closedTcpPort("127.0.0.1"));
        return w;
    }

    /**
     * DNS answers, but every connection is refused, on two different addresses: the path from this computer is
     * what fails, not one server.
     */
    public static TestWorld everyConnectionRefused() {
        TestWorld w = new TestWorld();
        w.resolve(NAME, 443, "127.0.0.2:" + closedTcpPort("127.0.0.2"));
        w.resolve(NAME, 8448, "127.0.0.3:" + closedTcpPort("127.0.0.3"));
        return w;
    }

    /**
     * The CLI arguments of a world whose DNS server cannot be reached: {@code --dns} points at a loopback UDP port
     * nobody listens on, the rest (CA, resolve entries) as in the world.
     */
    public static List<String> argsWithUnreachableDns(TestWorld world) {
        List<String> args = new ArrayList<>(world.args());
        args.set(args.indexOf("--dns") + 1, "127.0.0.1:" + closedUdpPort());
        return args;
    }

    /** A UDP port on 127.0.0.1 that was free a moment ago: queries to it get no answer. */
    public static int closedUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TCP port on {@code address} that was free a moment ago: connections to it are refused. */
    public static int closedTcpPort(String address) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NAME delegating to {@code mServer}, with a working homeserver on HOMESERVER:443 and a good client file. */
    private static TestWorld delegated(String mServer) {
        TestWorld w = new TestWorld();
        w.serve(NAME, 443).serve(HOMESERVER, 443);
        w.https().route(NAME, "/.well-known/matrix/server", Response.json("{\"m.server\":\"" + mServer + "\"}"));
        w.https().route(NAME, "/.well-known/matrix/client",
                Response.json("{\"m.homeserver\":{\"base_url\":\"https://" + HOMESERVER + "\"}}").withCors());
        TestHomeserver hs = w.homeserver(NAME);
        hs.installFederation(w.https(), HOMESERVER);
        hs.installClient(w.https(), HOMESERVER);
        return w;
    }
}
