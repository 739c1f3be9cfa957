package dev.signpost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Worlds that try Signpost's limits, for the bounds test of the built jar and the bounds benchmark: thousands of
 * addresses that never answer, hundreds that answer with huge heads and bodies, and a well-known that never
 * answers. Every address is on loopback (127.0.0.0/8); each world picks its own 127.R.0.0/16 block at random, so
 * two runs on one machine do not meet.
 */
public final class BoundsWorlds implements AutoCloseable {

    /** The server name checked in every world. */
    public static final String NAME = "example.com";
    /** The federation target host whose A records the worlds fill. */
    public static final String TARGET = "hs.example.com";

    private final TestWorld world = new TestWorld();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final int block = ThreadLocalRandom.current().nextInt(64, 250);

    private BoundsWorlds() {
    }

    /**
     * {@code count} A records for the SRV target, on as many loopback addresses, each listening and never
     * accepting: the TCP connection is made by the kernel, the TLS handshake never answered.
     */
    public static BoundsWorlds hangingAddresses(int count) {
        BoundsWorlds w = new BoundsWorlds();
        w.world.serve(NAME, 443);
        int port = -1;
        for (int i = 0; i < count; i++) {
            String ip = w.address(i);
            port = w.listenWithoutAccepting(ip, port < 0 ? 0 : port);
            w.world.dns().a(TARGET, ip);
        }
        w.world.dns().srv("_matrix-fed._tcp." + NAME, 10, 0, port, TARGET);
        return w;
    }

    /**
     * {@code count} A records for the SRV target, every one sent by {@code --resolve} to one HTTPS server that
     * answers every request (the well-knowns, version, keys, …) with {@code headerBytes} of headers and a JSON
     * body of {@code bodyBytes}.
     */
    public static BoundsWorlds largeAnswers(int count, int headerBytes, int bodyBytes) {
        BoundsWorlds w = new BoundsWorlds();
        w.world.serve(NAME, 443);
        w.world.https().certificate(TARGET, w.world.ca().leaf(TARGET));
        Response response = Response.large(bodyBytes);
        char[] filler = new char[1000];
        Arrays.fill(filler, 'x');
        for (int i = 0; i * (filler.length + 20) < headerBytes; i++) {
            response = response.withHeader("X-Padding-" + i, new String(filler));
        }
        w.world.https().fallback(Responder.of(response));
        for (int i = 0; i < count; i++) {
            String ip = w.address(i);
            w.world.dns().a(TARGET, ip);
            w.world.resolve(ip, 8448, w.world.https().hostPort());
        }
        w.world.dns().srv("_matrix-fed._tcp." + NAME, 10, 0, 8448, TARGET);
        return w;
    }

    /**
     * A well-known that never answers: port 443 of the name and port 8448 of its address accept connections and
     * never send a byte. DNS answers at once.
     */
    public static BoundsWorlds silentWellKnown() {
        BoundsWorlds w = new BoundsWorlds();
        HangingServer hanging = HangingServer.plain();
        w.resources.add(hanging);
        w.world.dns().a(NAME, "127.0.0.1");
        w.world.resolve(NAME, 443, hanging.hostPort()).resolve("127.0.0.1", 8448, hanging.hostPort());
        return w;
    }

    /** {@code leading} followed by the options that point Signpost at this world. */
    public String[] args(String... leading) {
        return world.args(leading);
    }

    public TestWorld world() {
        return world;
    }

    /** The i-th address of this world's block: 250 per /24, from .1. */
    private String address(int i) {
        return "127." + block + "." + (i / 250) + "." + (i % 250 + 1);
    }

    /** Listens on {@code ip:port} (0: any free port) without ever accepting; returns the port. */
    private int listenWithoutAccepting(String ip, int port) {
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            resources.add(channel);
            channel.bind(new InetSocketAddress(ip, port), 8);
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + ip + ":" + port, e);
        }
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing anyway
            }
        }
        world.close();
    }
}
