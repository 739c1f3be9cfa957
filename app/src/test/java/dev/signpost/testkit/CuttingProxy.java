package dev.signpost.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP forwarder on 127.0.0.1 that drops every connection at once when the bytes sent from clients to the
 * target pass a limit, as a network failure would at that point of a session. With no limit it only counts, so a
 * test can first measure how many bytes a whole session sends and then cut at points spread across it.
 */
public final class CuttingProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final ExecutorService executor = DaemonThreads.cached("cutting-proxy");
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private volatile long cutAfter;
    private volatile boolean cut;

    /** @param cutAfter client-to-target bytes after which every connection is dropped, or {@code Long.MAX_VALUE} */
    public CuttingProxy(InetSocketAddress target, long cutAfter) throws IOException {
        this.target = target;
        this.cutAfter = cutAfter;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        executor.execute(this::accept);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Bytes clients have sent towards the target so far. */
    public long upstreamBytes() {
        return upstreamBytes.get();
    }

    /** Whether the limit was reached and the connections were dropped. */
    public boolean cut() {
        return cut;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(target.getAddress(), target.getPort());
                sockets.add(client);
                sockets.add(server);
                executor.execute(() -> pump(client, server, true));
                executor.execute(() -> pump(server, client, false));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (upstream) {
                    long before = upstreamBytes.getAndAdd(n);
                    if (before + n > cutAfter) {
                        int allowed = (int) Math.max(0, cutAfter - before);
                        out.write(buffer, 0, allowed);
                        out.flush();
                        dropAll();
                        return;
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side closed: close the other too.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void dropAll() {
        cut = true;
        for (Socket s : sockets) {
            try {
                // RST rather than FIN: the connection is gone, not politely ended.
                s.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // already closed
            }
            closeQuietly(s);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(CuttingProxy::closeQuietly);
        executor.shutdownNow();
    }
}
