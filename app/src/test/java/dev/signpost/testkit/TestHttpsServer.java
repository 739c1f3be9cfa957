package dev.signpost.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A small HTTPS (HTTP/1.1, TLS 1.2 and 1.3) server for tests, on a chosen loopback address and an ephemeral
 * port.
 *
 * <p><b>Certificates:</b> chosen by the SNI the client sends: {@link #certificate(String, ServerIdentity)}
 * registers an identity for one exact SNI name (it need not match the certificate — that is how a wrong-name
 * certificate is served); anything else, including connections without SNI, gets the default identity.
 *
 * <p><b>Routes:</b> {@link #route(String, String, Responder)} matches the Host header's host (port ignored,
 * {@code "*"} for any host) and the path (query ignored). Unmatched requests get the fallback: 404 by default,
 * see {@link #fallback(Responder)} and {@link #catchAllHtml()}. Every response is followed by
 * {@code Connection: close}.
 *
 * <p><b>Observation:</b> {@link #requests()} lists every request with the SNI, Host, method, target, headers
 * and remote address; {@link #handshakes()} lists every TLS handshake attempt with its SNI, including failed
 * ones (a client rejecting the certificate).
 */
public final class TestHttpsServer implements AutoCloseable {

    /**
     * One TLS handshake attempt.
     *
     * @param sni       the SNI received, or null when none was sent
     * @param completed whether the handshake finished (false when the client aborted, e.g. untrusted cert)
     * @param protocol  the negotiated protocol (e.g. {@code TLSv1.3}), or null when it did not complete
     */
    public record Handshake(String sni, boolean completed, String protocol) {
    }

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final SSLServerSocket serverSocket;
    private final SniKeyManager keyManager;
    private final ExecutorService executor = DaemonThreads.cached("test-https");
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final Map<Socket, String> sniBySocket = Collections.synchronizedMap(new WeakHashMap<>());
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Responder fallback = Responder.of(Response.status(404)
            .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("not found"));
    private volatile boolean closed;

    /** Starts on 127.0.0.1 with {@code defaultIdentity} for every SNI. */
    public TestHttpsServer(ServerIdentity defaultIdentity) {
        this(defaultIdentity, "127.0.0.1");
    }

    /**
     * Starts on {@code bindAddress} (e.g. {@code 127.0.0.2} or {@code ::1}) and an ephemeral port.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. no IPv6 loopback)
     */
    public TestHttpsServer(ServerIdentity defaultIdentity, String bindAddress) {
        keyManager = new SniKeyManager(defaultIdentity, sniBySocket::put);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keyManager}, null, null);
            serverSocket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 100, InetAddress.getByName(stripBrackets(bindAddress)));
            serverSocket.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        executor.execute(this::acceptLoop);
    }

    /** Whether {@code ::1} can be bound here (tests needing IPv6 loopback should assume this). */
    public static boolean ipv6LoopbackAvailable() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- configuration ----------------------------------------------------------------------------------------

    /** Serves {@code identity} to clients sending SNI {@code sniName}. */
    public TestHttpsServer certificate(String sniName, ServerIdentity identity) {
        keyManager.put(sniName, identity);
        return this;
    }

    /** Replaces the identity served without SNI or for unregistered SNI names. */
    public TestHttpsServer defaultCertificate(ServerIdentity identity) {
        keyManager.setDefault(identity);
        return this;
    }

    /** Answers requests whose Host is {@code host} (any port; {@code "*"} for any) and path is {@code path}. */
    public TestHttpsServer route(String host, String path, Responder responder) {
        routes.put(routeKey(host, path), responder);
        return this;
    }

    /** Shorthand for a route that always gives the same response. */
    public TestHttpsServer route(String host, String path, Response response) {
        return route(host, path, Responder.of(response));
    }

    /** Removes a route. */
    public TestHttpsServer unroute(String host, String path) {
        routes.remove(routeKey(host, path));
        return this;
    }

    /** Answers every unmatched request with {@code responder} (default: 404 text). */
    public TestHttpsServer fallback(Responder responder) {
        fallback = responder;
        return this;
    }

    /** Answers every unmatched path with 200 HTML, like a web site's single-page-app catch-all. */
    public TestHttpsServer catchAllHtml() {
        return fallback(Responder.of(Response.html("<!doctype html><html><body>Welcome</body></html>")));
    }

    // ---- observation ------------------------------------------------------------------------------------------

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received for this path (query ignored). */
    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every TLS handshake attempt so far, in order. */
    public List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    /** Forgets recorded requests and handshakes. */
    public void clearRecords() {
        requests.clear();
        handshakes.clear();
    }

    /** The bound address and port. */
    public InetSocketAddress address() {
        return new InetSocketAddress(serverSocket.getInetAddress(), serverSocket.getLocalPort());
    }

    /** The bound port. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** {@code "127.0.0.1:PORT"} or {@code "[::1]:PORT"}: the ADDR part of a {@code --resolve} entry. */
    public String hostPort() {
        String host = serverSocket.getInetAddress().getHostAddress();
        if (host.contains(":")) {
            int scope = host.indexOf('%');
            host = "[" + (scope < 0 ? host : host.substring(0, scope)) + "]";
            host = host.equals("[0:0:0:0:0:0:0:1]") ? "[::1]" : host;
        }
        return host + ":" + port();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        executor.shutdownNow();
    }

    // ---- serving ----------------------------------------------------------------------------------------------

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(socket);
            executor.execute(() -> serve((SSLSocket) socket));
        }
    }

    private void serve(SSLSocket socket) {
        try {
            socket.setSoTimeout(30_000);
            try {
                socket.startHandshake();
            } catch (IOException handshakeFailed) {
                handshakes.add(new Handshake(sniBySocket.get(socket), false, null));
                return;
            }
            String sni = sniBySocket.containsKey(socket) ? sniBySocket.get(socket) : sniOfSession(socket);
            handshakes.add(new Handshake(sni, true, socket.getSession().getProtocol()));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RecordedRequest request = readRequest(in, socket, sni);
            if (request == null) {
                return;
            }
            requests.add(request);
            Response response = respond(request);
            if (!response.delay().isZero()) {
                // The delay is the behaviour under test (a slow server), not synchronisation.
                Thread.sleep(response.delay().toMillis());
            }
            write(socket.getOutputStream(), response, !"HEAD".equals(request.method()));
        } catch (IOException | RuntimeException clientGone) {
            // a client that disconnects or sends garbage must not disturb the other tests
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private Response respond(RecordedRequest request) {
        String host = request.hostWithoutPort();
        Responder responder = host == null ? null : routes.get(routeKey(host, request.path()));
        if (responder == null) {
            responder = routes.get(routeKey("*", request.path()));
        }
        if (responder == null) {
            responder = fallback;
        }
        try {
            return responder.respond(request);
        } catch (RuntimeException e) {
            return Response.status(500).withHeader("Content-Type", "text/plain").withBody(String.valueOf(e));
        }
    }

    /** A resumed session skips the key manager, so the SNI is read from the session instead. */
    private static String sniOfSession(SSLSocket socket) {
        if (socket.getSession() instanceof javax.net.ssl.ExtendedSSLSession session) {
            for (javax.net.ssl.SNIServerName name : session.getRequestedServerNames()) {
                if (name instanceof javax.net.ssl.SNIHostName host) {
                    return host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    private static RecordedRequest readRequest(InputStream in, SSLSocket socket, String sni) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            return null;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String host = null;
        long contentLength = 0;
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            headers.add(Map.entry(name, value));
            if (name.equalsIgnoreCase("Host") && host == null) {
                host = value;
            } else if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            }
        }
        byte[] body = in.readNBytes((int) Math.min(contentLength, 1 << 20));
        return new RecordedRequest(sni, host, parts[0], parts[1],
                (InetSocketAddress) socket.getRemoteSocketAddress(),
                (InetSocketAddress) socket.getLocalSocketAddress(), headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (line.size() > MAX_HEADER_BYTES) {
                throw new IOException("header line too long");
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static void write(OutputStream out, Response response, boolean withBody) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason()).append("\r\n");
        for (Map.Entry<String, String> header : response.headers()) {
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        byte[] body = response.body();
        if (response.header("Content-Length") == null && response.header("Transfer-Encoding") == null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (response.header("Connection") == null) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (withBody) {
            out.write(body);
        }
        out.flush();
    }

    private static String routeKey(String host, String path) {
        return host.toLowerCase(Locale.ROOT) + " " + path;
    }

    private static String stripBrackets(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
