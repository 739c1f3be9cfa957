package dev.signpost.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A server on 127.0.0.1 that accepts connections and never answers, for timeout tests:
 * {@link #plain()} never sends a byte (a TLS client hangs in the handshake); {@link #afterTls(ServerIdentity)}
 * completes the TLS handshake and then never sends an HTTP response. Connections are held open until
 * {@link #close()}.
 */
public final class HangingServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final boolean tls;
    private final ExecutorService executor = DaemonThreads.cached("hanging-server");
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger hungUp = new AtomicInteger();
    private volatile boolean closed;

    private HangingServer(ServerSocket serverSocket, boolean tls) {
        this.serverSocket = serverSocket;
        this.tls = tls;
        executor.execute(this::acceptLoop);
    }

    /** Accepts TCP connections and never sends anything. */
    public static HangingServer plain() {
        try {
            return new HangingServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Completes the TLS handshake with {@code identity}, then never sends an HTTP response. */
    public static HangingServer afterTls(ServerIdentity identity) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SniKeyManager(identity, (socket, sni) -> { })}, null, null);
            return new HangingServer(context.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Connections the client has closed so far (this server saw their end of stream or a reset). */
    public int hungUp() {
        return hungUp.get();
    }

    /** TLS handshakes completed so far (always 0 for {@link #plain()}). */
    public int handshakes() {
        return handshakes.get();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code "127.0.0.1:PORT"}, the ADDR part of a {@code --resolve} entry. */
    public String hostPort() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : held) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        executor.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                held.add(socket);
                accepted.incrementAndGet();
                if (tls) {
                    executor.execute(() -> handshakeThenHang((SSLSocket) socket));
                } else {
                    executor.execute(() -> readUntilClientCloses(socket));
                }
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void handshakeThenHang(SSLSocket socket) {
        try {
            socket.startHandshake();
            handshakes.incrementAndGet();
        } catch (IOException clientGone) {
            countHangUp();
            return;
        }
        readUntilClientCloses(socket);
    }

    /** Reads (and ignores) the request so the client's write never blocks; never answers. */
    private void readUntilClientCloses(Socket socket) {
        try {
            byte[] buffer = new byte[4096];
            while (socket.getInputStream().read(buffer) >= 0) {
                // discard
            }
            countHangUp();
        } catch (IOException clientGone) {
            countHangUp();
        }
    }

    private void countHangUp() {
        if (!closed) {
            hungUp.incrementAndGet();
        }
    }
}
