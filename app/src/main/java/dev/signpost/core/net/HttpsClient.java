package dev.signpost.core.net;

import dev.signpost.core.io.UiThreadRule;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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

    /** What Matrix requests ask for. */
    private static final String JSON_ACCEPT = "application/json, */*;q=0.5";

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
        return get(target, JSON_ACCEPT, bodyCap, cancel, deadline);
    }

    /** As {@link #get(HttpTarget, int, CancelToken, Instant)}, asking for {@code accept} (an Accept header value). */
    public HttpResponse get(HttpTarget target, String accept, int bodyCap, CancelToken cancel, Instant deadline) {
        UiThreadRule.forbidBlockingIo("an HTTPS request");
        long start = System.nanoTime();
        // From here on the deadline is measured on the monotonic clock: a wall clock that is set or slewed
        // during the request must not stretch or cut a wait.
        long until = start + Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        HttpExchange ex = new HttpExchange(target, start);
        Socket plain = new Socket();
        cancel.register(plain);
        Socket socket = plain;
        try {
            ex.phase = HttpResponse.Phase.CONNECT;
            checkAlive(cancel, until);
            plain.connect(target.address(), millis(until));
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
                ssl.setSoTimeout(millis(until));
                checkAlive(cancel, until);
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
            out.write(requestHead(target, accept).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ex.phase = HttpResponse.Phase.RESPONSE;
            InputStream in = new java.io.BufferedInputStream(new DeadlineInputStream(socket, cancel, until));
            HttpResponseReader.read(in, ex, bodyCap);
            return ex.result(null, null);
        } catch (IOException | RuntimeException e) {
            // A read whose timeout was shortened to the deadline's rest ran out because of the deadline, not
            // because the peer was slower than the per-operation limit; the sentence must blame the right one.
            Throwable why = e instanceof SocketTimeoutException
                    && until - System.nanoTime() <= TimeUnit.MILLISECONDS.toNanos(DEADLINE_SLACK_MILLIS)
                    ? new DeadlineException() : e;
            // A response whose body broke off is no response: the head is kept as evidence, the failure says why.
            return ex.result(e instanceof HttpResponseReader.FramingException ? HttpResponse.Failure.INCOMPLETE
                    : classify(why, cancel, until), describe(why));
        } finally {
            closeQuietly(socket);
            closeQuietly(plain);
            cancel.unregister(plain);
            cancel.unregister(socket);
        }
    }

    private String requestHead(HttpTarget target, String accept) {
        return "GET " + target.path() + " HTTP/1.1\r\n"
                + "Host: " + target.hostHeader() + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: " + accept + "\r\n"
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

    private HttpResponse.Failure classify(Throwable e, CancelToken cancel, long until) {
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
        if (e instanceof HttpResponseReader.ProtocolException) {
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
        if (e instanceof SocketException && System.nanoTime() - until >= 0) {
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

    private int millis(long until) throws DeadlineException {
        long left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime());
        if (left <= 0) {
            throw new DeadlineException();
        }
        return (int) Math.max(1, Math.min(left, timeout.toMillis()));
    }

    private static void checkAlive(CancelToken cancel, long until) throws IOException {
        if (cancel.isCancelled()) {
            throw new SocketException("cancelled");
        }
        if (System.nanoTime() - until >= 0) {
            throw new DeadlineException();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Done with it either way.
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
        private final long until;

        DeadlineInputStream(Socket socket, CancelToken cancel, long until) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.cancel = cancel;
            this.until = until;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            checkAlive(cancel, until);
            socket.setSoTimeout(millis(until));
            return in.read(b, off, len);
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
