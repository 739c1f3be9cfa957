package dev.signpost.core.deploy;

import com.jcraft.jsch.SocketFactory;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The SSH connection's socket, watched: whether the network side ended (end of stream, reset) while the handshake
 * was still running. JSch reports a connection cut during the login as a refused login ("Auth fail"), which would
 * tell the user to check their key; with this the cut is reported as what it was.
 */
final class WatchedSockets implements SocketFactory {

    private final int connectTimeoutMillis;
    private volatile boolean lost;

    WatchedSockets(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** Whether a read or write found the connection gone. */
    boolean lost() {
        return lost;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        return new FilterInputStream(socket.getInputStream()) {
            @Override
            public int read() throws IOException {
                return seen(watch(() -> super.read()));
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return seen(watch(() -> super.read(b, off, len)));
            }
        };
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                watch(() -> {
                    out.write(b, off, len);
                    return 0;
                });
            }

            @Override
            public void flush() throws IOException {
                watch(() -> {
                    out.flush();
                    return 0;
                });
            }
        };
    }

    private int seen(int read) {
        if (read < 0) {
            lost = true;
        }
        return read;
    }

    private int watch(Io io) throws IOException {
        try {
            return io.run();
        } catch (java.net.SocketTimeoutException e) {
            // A slow server is a timeout, reported as such by the connector, not a cut.
            throw e;
        } catch (IOException e) {
            lost = true;
            throw e;
        }
    }

    private interface Io {
        int run() throws IOException;
    }
}
