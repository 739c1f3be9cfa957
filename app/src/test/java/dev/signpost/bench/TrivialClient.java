package dev.signpost.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

import dev.signpost.core.net.ResolveOverrides;

/**
 * The calibration client: one DNS query, then one HTTPS GET over a fresh TLS 1.3 connection, strictly one after
 * the other — three round trips the proxy can see, nothing else. What the benchmark measures for it beyond 3 is
 * the harness's own overhead (proxy scheduling, a busy machine), to be read against Signpost's figures.
 */
final class TrivialClient {

    private TrivialClient() {
    }

    /**
     * Runs against the {@code --dns} server and the first {@code --resolve} entry of {@code checkArgs}.
     *
     * @return null on success, else what went wrong
     */
    static String run(String[] checkArgs, X509Certificate root) {
        List<String> args = List.of(checkArgs);
        String dns = args.get(args.indexOf("--dns") + 1);
        String resolve = args.get(args.indexOf("--resolve") + 1);
        // "203.0.113.1:443:127.0.0.1:PORT": the proxy is the part after the key.
        String[] parts = resolve.split(":");
        InetSocketAddress proxy = ResolveOverrides.parseTarget(parts[2] + ":" + parts[3], 443);
        try {
            SimpleResolver resolver = new SimpleResolver(ResolveOverrides.parseTarget(dns, 53));
            resolver.setTimeout(Duration.ofSeconds(10));
            Message answer = resolver.send(Message.newQuery(
                    Record.newRecord(Name.fromString("example.com."), Type.A, DClass.IN)));
            if (answer.getRcode() != Rcode.NOERROR || answer.getSection(1).isEmpty()) {
                return "DNS: " + Rcode.string(answer.getRcode());
            }
            try (Socket plain = new Socket()) {
                plain.connect(proxy, 10_000);
                SSLSocket tls = (SSLSocket) context(root).getSocketFactory()
                        .createSocket(plain, "example.com", 443, true);
                SSLParameters params = tls.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName("example.com")));
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setProtocols(new String[] {"TLSv1.3"});
                tls.setSSLParameters(params);
                tls.setSoTimeout(10_000);
                tls.startHandshake();
                tls.getOutputStream().write(("GET /.well-known/matrix/client HTTP/1.1\r\nHost: example.com\r\n"
                        + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                tls.getOutputStream().flush();
                String response = readAll(tls.getInputStream());
                return response.startsWith("HTTP/1.1 200") ? null : "HTTP: " + response.lines().findFirst().orElse("");
            }
        } catch (IOException | GeneralSecurityException e) {
            return e.toString();
        }
    }

    private static SSLContext context(X509Certificate root) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("root", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
