package dev.signpost.testkit;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The test kit's DoH resolver answers RFC 8484 GET and POST from its zone, and misbehaves when told to. */
class TestDohServerTest {

    private static HttpClient client(TestCa ca) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("root", ca.rootCertificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static byte[] query() throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString("example.test."), Type.A, DClass.IN)).toWire();
    }

    private static String firstA(byte[] wire) throws Exception {
        return ((ARecord) new Message(wire).getSection(Section.ANSWER).get(0)).getAddress().getHostAddress();
    }

    @Test
    void answersGetAndPostFromItsZone() throws Exception {
        try (TestCa ca = new TestCa(); TestDohServer doh = new TestDohServer(ca)) {
            doh.zone().a("example.test", "127.0.0.3");
            HttpClient http = client(ca);
            String dns = Base64.getUrlEncoder().withoutPadding().encodeToString(query());
            HttpResponse<byte[]> get = http.send(HttpRequest.newBuilder(URI.create(doh.url() + "?dns=" + dns))
                    .header("Accept", "application/dns-message").timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(get.statusCode()).isEqualTo(200);
            assertThat(get.headers().firstValue("Content-Type")).hasValue("application/dns-message");
            assertThat(firstA(get.body())).isEqualTo("127.0.0.3");

            HttpResponse<byte[]> post = http.send(HttpRequest.newBuilder(URI.create(doh.url()))
                    .header("Content-Type", "application/dns-message").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(query())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(post.statusCode()).isEqualTo(200);
            assertThat(firstA(post.body())).isEqualTo("127.0.0.3");
            assertThat(doh.requests()).extracting(RecordedRequest::method).containsExactly("GET", "POST");
            assertThat(doh.queries()).containsExactly("example.test A", "example.test A");

            HttpResponse<byte[]> noQuery = http.send(HttpRequest.newBuilder(URI.create(doh.url()))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(noQuery.statusCode()).isEqualTo(400);

            doh.mode(TestDohServer.Mode.ERROR_500);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(doh.url() + "?dns=" + dns))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode())
                    .isEqualTo(500);
        }
    }
}
