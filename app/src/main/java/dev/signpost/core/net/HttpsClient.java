package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately small HTTP/1.1 client: one GET per connection ({@code Connection: close}), to an address chosen
 * by the caller, with the SNI and Host header chosen by the caller. Certificates are accepted during the
 * handshake and judged afterwards by {@link CertificateValidator}, so a bad certificate is reported precisely
 * instead of ending in a bare handshake exception. Redirects are not followed here: the engine follows them,
 * one recorded hop each.
 *
 * <p>Every blocking step is bounded by the per-operation timeout and by the caller's deadline; cancelling the
 * {@link CancelToken} closes the socket, which ends any blocked read at once.
 */
public final class HttpsClient {

    /** The largest response head accepted (status line and headers). */
    public static final int MAX_HEAD_BYTES = 64 * 1024;

    /** The {@link HttpResponse#errorDetail()} of a request that the caller's deadline cut off. */
    public static final String DEADLINE_DETAIL = "deadline reached";

    /** Timers fire a little early or late; a timeout this close to the deadline was the deadline's. */
    private static final long DEADLINE_SLACK_MILLIS = 25;

    private final Duration timeout;
    private final String userAgent;

    /**
     * @param timeout   limit for the connect, for the handshake, and for each read
     * @param userAgent the User-Agent header
     */
    public HttpsClient(Duration timeout, String userAgent) {
        this.timeout = timeout;
        this.userAgent = userAgent;
        freshContext();
    }

    /**
     * A new context per connection: no session is ever resumed, so every address shows its own certificate
     * (a resumed session would report the certificate of an earlier handshake, maybe with another server).
     */
    private static SSLContext freshContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {new AcceptAllTrustManager()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS implementation", e);
        }
    }

    /**
     * Sends {@code GET target.path()} and reads the response, its body capped at {@code bodyCap} bytes.
     * Never throws for network trouble: failures are in the result.
     */
    public HttpResponse get(HttpTarget target, int bodyCap, CancelToken cancel, Instant deadline) {
        long start = System.nanoTime();
        Exchange ex = new Exchange(target, start);
        Socket plain = new Socket();
        cancel.register(plain);
        Socket socket = plain;
        try {
            ex.phase = HttpResponse.Phase.CONNECT;
            checkAlive(cancel, deadline);
            plain.connect(target.address(), millis(deadline));
            if (target.tls()) {
                ex.phase = HttpResponse.Phase.TLS_HANDSHAKE;
                SSLSocket ssl = (SSLSocket) freshContext().getSocketFactory().createSocket(plain,
                        target.sniHost() != null ? target.sniHost() : target.addressText(),
                        target.address().getPort(), true);
                socket = ssl;
                cancel.register(ssl);
                SSLParameters params = ssl.getSSLParameters();
                params.setServerNames(serverNames(target.sniHost()));
                params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                params.setEndpointIdentificationAlgorithm(null);
                ssl.setSSLParameters(params);
                ssl.setSoTimeout(millis(deadline));
                checkAlive(cancel, deadline);
                ssl.startHandshake();
                SSLSession session = ssl.getSession();
                for (Certificate c : session.getPeerCertificates()) {
                    if (c instanceof X509Certificate x) {
                        ex.chain.add(x);
                    }
                }
                ex.tlsVersion = session.getProtocol();
                ex.cipherSuite = session.getCipherSuite();
            }
            ex.phase = HttpResponse.Phase.REQUEST;
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(target).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ex.phase = HttpResponse.Phase.RESPONSE;
            InputStream in = new java.io.BufferedInputStream(new DeadlineInputStream(socket, cancel, deadline));
            readResponse(in, ex, bodyCap);
            return ex.result(null, null);
        } catch (IOException | RuntimeException e) {
            // A read whose timeout was shortened to the deadline's rest ran out because of the deadline, not
            // because the peer was slower than the per-operation limit; the sentence must blame the right one.
            Throwable why = e instanceof SocketTimeoutException
                    && !Instant.now().plusMillis(DEADLINE_SLACK_MILLIS).isBefore(deadline) ? new DeadlineException() : e;
            // A response whose body broke off is no response: the head is kept as evidence, the failure says why.
            return ex.result(e instanceof FramingException ? HttpResponse.Failure.INCOMPLETE
                    : classify(why, cancel, deadline), describe(why));
        } finally {
            closeQuietly(socket);
            closeQuietly(plain);
            cancel.unregister(plain);
            cancel.unregister(socket);
        }
    }

    private String requestHead(HttpTarget target) {
        return "GET " + target.path() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: application/json, */*;q=0.5\r\n"
                + "Connection: close\r\n"
                + "\r\n";
    }

    private static List<SNIServerName> serverNames(String sniHost) {
        if (sniHost == null || sniHost.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(new SNIHostName(DnsClient.stripDot(sniHost)));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private void readResponse(InputStream in, Exchange ex, int bodyCap) throws IOException {
        int[] headBudget = {MAX_HEAD_BYTES};
        while (true) {
            String statusLine = readLine(in, headBudget);
            if (statusLine == null) {
                throw new EOFException("connection closed before a response");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new ProtocolException("not an HTTP/1.x status line: " + truncate(statusLine));
            }
            List<Evidence.Header> headers = new ArrayList<>();
            String line;
            while ((line = readLine(in, headBudget)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new Evidence.Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                }
            }
            if (line == null) {
                throw new EOFException("connection closed inside the response headers");
            }
            int code = Integer.parseInt(parts[1]);
            if (code >= 100 && code < 200) {
                continue; // interim response (100 Continue, 103 Early Hints): the real one follows
            }
            ex.statusLine = statusLine;
            ex.statusCode = code;
            ex.headers = headers;
            break;
        }
        if (ex.statusCode == 204 || ex.statusCode == 304) {
            return;
        }
        String transferEncoding = ex.header("Transfer-Encoding").toLowerCase(Locale.ROOT);
        String contentLength = ex.header("Content-Length");
        if (transferEncoding.contains("chunked")) {
            readChunked(in, ex, bodyCap);
        } else if (!contentLength.isEmpty()) {
            long length;
            try {
                length = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: " + truncate(contentLength));
            }
            if (length < 0) {
                throw new ProtocolException("bad Content-Length: " + truncate(contentLength));
            }
            long read = readFixed(in, ex, Math.min(length, (long) bodyCap + 1), bodyCap);
            if (!ex.truncated && read < length) {
                throw new FramingException("the connection closed after " + read + " of the " + length
                        + " bytes announced by Content-Length");
            }
        } else {
            readFixed(in, ex, (long) bodyCap + 1, bodyCap);
        }
    }

    /** Reads up to {@code limit} bytes (less at end of stream) and returns how many came. */
    private static long readFixed(InputStream in, Exchange ex, long limit, int bodyCap) throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = limit;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                break;
            }
            ex.append(buffer, n, bodyCap);
            remaining -= n;
            if (ex.truncated) {
                break;
            }
        }
        return limit - remaining;
    }

    private static void readChunked(InputStream in, Exchange ex, int bodyCap) throws IOException {
        int[] budget = {MAX_HEAD_BYTES};
        while (true) {
            String sizeLine = readLine(in, budget);
            if (sizeLine == null) {
                throw new FramingException("the connection closed before the final (zero-size) chunk");
            }
            String hex = sizeLine.split(";", 2)[0].strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size: " + truncate(sizeLine));
            }
            if (size < 0) {
                throw new ProtocolException("bad chunk size: " + truncate(sizeLine));
            }
            if (size == 0) {
                return; // trailers, if any, are not needed
            }
            long remaining = size;
            byte[] buffer = new byte[8192];
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new FramingException("the connection closed inside a chunk, " + remaining
                            + " bytes before its end");
                }
                ex.append(buffer, n, bodyCap);
                if (ex.truncated) {
                    return;
                }
                remaining -= n;
            }
            String end = readLine(in, budget);
            if (end == null) {
                throw new FramingException("the connection closed before the final (zero-size) chunk");
            }
            if (!end.isEmpty()) {
                throw new ProtocolException("a chunk is longer than its announced size");
            }
        }
    }

    /** Reads a CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream before any byte. */
    private static String readLine(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (--budget[0] < 0) {
                throw new ProtocolException("response head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return any ? line.toString(StandardCharsets.ISO_8859_1) : null;
    }

    private HttpResponse.Failure classify(Throwable e, CancelToken cancel, Instant deadline) {
        if (cancel.isCancelled()) {
            return HttpResponse.Failure.CANCELLED;
        }
        if (e instanceof SocketTimeoutException || e instanceof DeadlineException) {
            return HttpResponse.Failure.TIMEOUT;
        }
        if (e instanceof ConnectException) {
            return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("refused")
                    ? HttpResponse.Failure.REFUSED : HttpResponse.Failure.UNREACHABLE;
        }
        if (e instanceof NoRouteToHostException) {
            return HttpResponse.Failure.UNREACHABLE;
        }
        if (e instanceof ProtocolException) {
            return HttpResponse.Failure.PROTOCOL;
        }
        if (e instanceof EOFException) {
            return HttpResponse.Failure.CLOSED;
        }
        if (e instanceof SSLException) {
            // A peer that closes during the handshake shows up as an SSLException too.
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            return m.contains("closed") || m.contains("eof") ? HttpResponse.Failure.CLOSED : HttpResponse.Failure.TLS;
        }
        if (e instanceof SocketException && !Instant.now().isBefore(deadline)) {
            return HttpResponse.Failure.TIMEOUT;
        }
        if (e instanceof SocketException s && String.valueOf(s.getMessage()).toLowerCase(Locale.ROOT)
                .contains("reset")) {
            return HttpResponse.Failure.CLOSED;
        }
        return HttpResponse.Failure.IO;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private int millis(Instant deadline) throws DeadlineException {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
            throw new DeadlineException();
        }
        return (int) Math.max(1, Math.min(left, timeout.toMillis()));
    }

    private static void checkAlive(CancelToken cancel, Instant deadline) throws IOException {
        if (cancel.isCancelled()) {
            throw new SocketException("cancelled");
        }
        if (!Instant.now().isBefore(deadline)) {
            throw new DeadlineException();
        }
    }

    private static String truncate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Done with it either way.
        }
    }

    /** The response is not HTTP/1.x. */
    private static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    /** The body ended before its framing (Content-Length or chunked encoding) said it would. */
    private static final class FramingException extends IOException {
        FramingException(String message) {
            super(message);
        }
    }

    /** The caller's deadline passed. */
    private static final class DeadlineException extends IOException {
        DeadlineException() {
            super(DEADLINE_DETAIL);
        }
    }

    /** Sets the read timeout to min(per-op timeout, time to deadline) before every read. */
    private final class DeadlineInputStream extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final CancelToken cancel;
        private final Instant deadline;

        DeadlineInputStream(Socket socket, CancelToken cancel, Instant deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.cancel = cancel;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkAlive(cancel, deadline);
            socket.setSoTimeout(millis(deadline));
            return in.read(b, off, len);
        }
    }

    /** Mutable state of one exchange, turned into an immutable {@link HttpResponse} at the end. */
    private static final class Exchange {
        final HttpTarget target;
        final long start;
        HttpResponse.Phase phase = HttpResponse.Phase.CONNECT;
        final List<X509Certificate> chain = new ArrayList<>();
        String tlsVersion;
        String cipherSuite;
        Integer statusCode;
        String statusLine;
        List<Evidence.Header> headers = List.of();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated;

        Exchange(HttpTarget target, long start) {
            this.target = target;
            this.start = start;
        }

        String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Evidence.Header::value)
                    .findFirst().orElse("");
        }

        void append(byte[] buffer, int n, int cap) {
            int room = cap - body.size();
            if (n > room) {
                body.write(buffer, 0, Math.max(0, room));
                truncated = true;
            } else {
                body.write(buffer, 0, n);
            }
        }

        HttpResponse result(HttpResponse.Failure failure, String detail) {
            return new HttpResponse(target, failure, failure == null ? null : phase, detail, statusCode, statusLine,
                    headers, body.toByteArray(), truncated, chain, tlsVersion, cipherSuite,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Accepts every chain during the handshake; {@link CertificateValidator} judges it afterwards. */
    private static final class AcceptAllTrustManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
