package dev.signpost.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A minimal HTTPS client for the kit's own tests (the core has its own; this one only checks the kit). */
final class TlsClient {

    private final TrustManagerFactory factory;

    TlsClient(String rootPem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(rootPem.getBytes(StandardCharsets.US_ASCII)));
        store.setCertificateEntry("root", root);
        factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
    }

    /** Handshakes with {@code sni} (null for none), verifying the chain and, when given, the host name. */
    SSLSocket connect(InetSocketAddress address, String sni, String verifyHost) throws IOException {
        // A fresh context per connection: a shared one would resume a session made under another SNI for the
        // same address and port, so the certificate chosen for this SNI would never be seen.
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.connect(address, 3000);
        socket.setSoTimeout(3000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        if (verifyHost != null) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    /** Sends a GET and returns the whole raw response (the server closes after it). */
    String get(InetSocketAddress address, String sni, String host, String path) throws IOException {
        try (SSLSocket socket = connect(address, sni, null)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: kit-test\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
