package dev.signpost.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A forwarder on 127.0.0.1 that adds latency, for the round-trip benchmark: every forwarded TCP chunk or UDP
 * datagram is held back half the configured round-trip time in each direction, so one request/response
 * exchange through it costs about one extra round trip. Order is preserved per direction.
 *
 * <p>The TCP handshake itself is completed by the kernel before the proxy sees the connection, so it is
 * <em>not</em> delayed: a fresh HTTPS request through the proxy costs about 2 L (TLS 1.3 handshake + HTTP
 * exchange), not 3 L. A benchmark counting round trips must leave TCP connect out of the minimum it compares
 * with, or add it back itself.
 *
 * <p>{@link #tcp(InetSocketAddress, Duration)} forwards TCP connections (HTTPS);
 * {@link #udp(InetSocketAddress, Duration)} forwards DNS: datagrams, and TCP (for a query retried over TCP) on
 * the same port to the same target port, as {@link TestDnsServer} listens. A zero round trip forwards at once.
 */
public final class DelayProxy implements AutoCloseable {

    private final Duration roundTrip;
    private final InetSocketAddress target;
    private final ServerSocket tcpListener;
    private final DatagramSocket udpListener;
    private final ExecutorService executor = DaemonThreads.cached("delay-proxy");
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private final Map<SocketAddress, DatagramSocket> udpUpstreams = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private DelayProxy(InetSocketAddress target, Duration roundTrip, boolean tcp) {
        this.target = target;
        this.roundTrip = roundTrip;
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            if (tcp) {
                tcpListener = new ServerSocket(0, 100, loopback);
                udpListener = null;
            } else {
                ServerSocket tcpSocket = null;
                DatagramSocket udpSocket = null;
                for (int attempt = 0; attempt < 20 && udpSocket == null; attempt++) {
                    tcpSocket = new ServerSocket(0, 100, loopback);
                    try {
                        udpSocket = new DatagramSocket(new InetSocketAddress(loopback, tcpSocket.getLocalPort()));
                    } catch (IOException busy) {
                        tcpSocket.close();
                    }
                }
                if (udpSocket == null) {
                    throw new IOException("no port free for both UDP and TCP");
                }
                tcpListener = tcpSocket;
                udpListener = udpSocket;
                executor.execute(this::udpLoop);
            }
            executor.execute(this::acceptLoop);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forwards TCP connections to {@code target}, each chunk delayed {@code roundTrip}/2 per direction. */
    public static DelayProxy tcp(InetSocketAddress target, Duration roundTrip) {
        return new DelayProxy(target, roundTrip, true);
    }

    /**
     * Forwards DNS to {@code target}: UDP datagrams, each delayed {@code roundTrip}/2 per direction, and TCP
     * connections on the same port (delayed per chunk like {@link #tcp}).
     */
    public static DelayProxy udp(InetSocketAddress target, Duration roundTrip) {
        return new DelayProxy(target, roundTrip, false);
    }

    /** The configured round-trip latency L. */
    public Duration roundTrip() {
        return roundTrip;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(tcpListener.getInetAddress(), tcpListener.getLocalPort());
    }

    /** {@code "127.0.0.1:PORT"}, for {@code --dns} or the ADDR part of {@code --resolve}. */
    public String hostPort() {
        return "127.0.0.1:" + address().getPort();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(tcpListener);
        closeQuietly(udpListener);
        resources.forEach(DelayProxy::closeQuietly);
        udpUpstreams.values().forEach(DelayProxy::closeQuietly);
        udpScheduler.shutdownNow();
        executor.shutdownNow();
    }

    // ---- TCP --------------------------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = tcpListener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            executor.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        resources.add(client);
        resources.add(upstream);
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target, 10_000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Direction up = new Direction(client, upstream);
        Direction down = new Direction(upstream, client);
        up.peer = down;
        down.peer = up;
        executor.execute(up::pump);
        executor.execute(down::pump);
    }

    /** One direction of a TCP connection; the single-thread scheduler keeps the chunks in order. */
    private final class Direction {
        private final Socket from;
        private final Socket to;
        private final ScheduledExecutorService scheduler = DaemonThreads.scheduled("delay-proxy-tcp", 1);
        private volatile Direction peer;
        private volatile boolean finished;

        Direction(Socket from, Socket to) {
            this.from = from;
            this.to = to;
        }

        void pump() {
            long delayNanos = roundTrip.toNanos() / 2;
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    byte[] chunk = Arrays.copyOf(buffer, n);
                    // Tasks with equal or later trigger times run in submission order on one thread.
                    scheduler.schedule(() -> write(out, chunk), delayNanos, TimeUnit.NANOSECONDS);
                }
            } catch (IOException e) {
                // connection ended
            }
            scheduler.schedule(this::finish, delayNanos, TimeUnit.NANOSECONDS);
        }

        private void write(OutputStream out, byte[] chunk) {
            try {
                out.write(chunk);
                out.flush();
            } catch (IOException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private void finish() {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
            finished = true;
            scheduler.shutdown();
            if (peer.finished) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }
    }

    // ---- UDP --------------------------------------------------------------------------------------------------

    private final ScheduledExecutorService udpScheduler = DaemonThreads.scheduled("delay-proxy-udp", 1);

    private void udpLoop() {
        long delayNanos = roundTrip.toNanos() / 2;
        byte[] buffer = new byte[65535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udpListener.receive(packet);
            } catch (IOException e) {
                udpScheduler.shutdownNow();
                return;
            }
            SocketAddress client = packet.getSocketAddress();
            byte[] data = Arrays.copyOfRange(packet.getData(), packet.getOffset(),
                    packet.getOffset() + packet.getLength());
            DatagramSocket upstream;
            try {
                upstream = upstreamFor(client);
            } catch (IOException e) {
                continue;
            }
            udpScheduler.schedule(() -> send(upstream, new DatagramPacket(data, data.length, target)),
                    delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private DatagramSocket upstreamFor(SocketAddress client) throws IOException {
        DatagramSocket existing = udpUpstreams.get(client);
        if (existing != null) {
            return existing;
        }
        DatagramSocket upstream = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        udpUpstreams.put(client, upstream);
        long delayNanos = roundTrip.toNanos() / 2;
        executor.execute(() -> {
            byte[] buffer = new byte[65535];
            while (!closed) {
                DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                try {
                    upstream.receive(reply);
                } catch (IOException e) {
                    return;
                }
                byte[] data = Arrays.copyOfRange(reply.getData(), reply.getOffset(),
                        reply.getOffset() + reply.getLength());
                udpScheduler.schedule(() -> send(udpListener, new DatagramPacket(data, data.length, client)),
                        delayNanos, TimeUnit.NANOSECONDS);
            }
        });
        return upstream;
    }

    private static void send(DatagramSocket socket, DatagramPacket packet) {
        try {
            socket.send(packet);
        } catch (IOException ignored) {
            // UDP: a lost datagram is what the client's retry is for
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
