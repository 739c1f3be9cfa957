package dev.signpost.core.generate;

import com.sun.net.httpserver.HttpServer;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.net.CancelToken;
import dev.signpost.core.net.HttpResponse;
import dev.signpost.core.net.HttpTarget;
import dev.signpost.core.net.HttpsClient;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.InvalidPlanException;
import dev.signpost.testkit.ModernHomeserver;
import dev.signpost.testkit.ServerIdentity;
import dev.signpost.testkit.TestCa;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A generated plan laid out in a test directory the way an admin would deploy it: the output tree, the
 * well-known files copied to the web root, certificates from the test CA, loopback ports, and a stand-in
 * homeserver for the proxy to forward to.
 */
final class Deployment implements AutoCloseable {

    static final String UPSTREAM_BODY = "{\"server\": {\"name\": \"stand-in\", \"version\": \"1\"}}";

    static final String VERSIONS_BODY = "{\"versions\": [\"v1.11\"], "
            + "\"unstable_features\": {\"org.matrix.simplified_msc3575\": true}}";
    /** Synapse's answer on an authenticated route asked without a token (media). */
    static final String MISSING_TOKEN_BODY = "{\"errcode\": \"M_MISSING_TOKEN\", \"error\": \"Missing access token\"}";
    /** Synapse's answer for an endpoint it does not offer (no sign-in service, no call transports). */
    static final String UNRECOGNIZED_BODY = "{\"errcode\": \"M_UNRECOGNIZED\", \"error\": \"Unrecognized request\"}";
    static final String APP_BODY = "<!doctype html><title>app</title>";

    final Path work;
    final Path out;
    final int httpsPort;
    final int federationPort;
    final int httpPort;
    final List<GeneratedFile> files;
    final GenerationContext context;
    private final HttpServer upstream;

    /**
     * @param mergedFederation whether the federation proxy listens on the site's own port
     */
    Deployment(Path work, TestCa ca, DelegationPlan plan, boolean mergedFederation)
            throws IOException, InvalidPlanException {
        this(work, ca, plan, mergedFederation, null);
    }

    /**
     * @param modern when not null, the stand-in homeserver answers as this one does (its {@code /versions} flags,
     *               valid sign-in metadata for the plan's issuer, the transports route, JSON 404
     *               {@code M_UNRECOGNIZED} for unknown paths as Synapse does), and the proxy trusts the test CA
     *               for the sign-in service
     */
    Deployment(Path work, TestCa ca, DelegationPlan plan, boolean mergedFederation, ModernHomeserver modern)
            throws IOException, InvalidPlanException {
        this.work = work;
        this.out = work.resolve("out");
        this.upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        if (modern != null) {
            upstream.createContext("/_matrix/", exchange -> answer(exchange, modernAnswer(modern, plan,
                    exchange.getRequestURI().getPath())));
        } else {
            upstream.createContext("/_matrix/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                boolean versions = path.equals("/_matrix/client/versions");
                boolean media = path.startsWith("/_matrix/client/v1/media/")
                        || path.startsWith("/_matrix/federation/v1/media/");
                boolean unoffered = path.endsWith("/auth_metadata")
                        || path.endsWith("/org.matrix.msc4143/rtc/transports");
                byte[] body = (versions ? VERSIONS_BODY : media ? MISSING_TOKEN_BODY : unoffered ? UNRECOGNIZED_BODY
                        : UPSTREAM_BODY).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(media ? 401 : unoffered ? 404 : 200, body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            });
        }
        // Everything else is an application that answers 200 with HTML: the catch-all that hides well-knowns.
        upstream.createContext("/", exchange -> {
            byte[] body = APP_BODY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        upstream.start();
        DelegationPlan withUpstream = plan.toBuilder()
                .homeserverUpstream("http://127.0.0.1:" + upstream.getAddress().getPort()).build();
        ServerIdentity identity = ca.leaf("example.com", "matrix.example.com");
        ServerIdentity.PemFiles pem = identity.writePem(work.resolve("tls"));
        this.httpsPort = freePort();
        this.federationPort = mergedFederation ? httpsPort : freePort();
        this.httpPort = freePort();
        GenerateOptions options = new GenerateOptions("127.0.0.1", httpsPort, federationPort,
                pem.fullchain().toString(), pem.key().toString(), pem.combined().toString(),
                work.resolve("www").toString(), modern == null ? null : ca.rootPemFile().toString());
        this.files = new ConfigGenerator(Locale.ENGLISH).generate(withUpstream, options);
        this.context = new GenerationContext(dev.signpost.core.plan.PlanValidator.normalize(withUpstream,
                Locale.ENGLISH), options, Locale.ENGLISH);
        for (GeneratedFile file : files) {
            RealServer.write(out.resolve(file.path()), file.content());
        }
        for (WellKnownDocument document : context.documents()) {
            RealServer.write(work.resolve("www").resolve(document.relativePath()), document.body());
        }
        worldReadable(work);
    }

    /** What a Synapse configured like {@code modern} answers for {@code path} through the proxy. */
    private static Answer modernAnswer(ModernHomeserver modern, DelegationPlan plan, String path) {
        if (path.equals(ModernHomeserver.VERSIONS_PATH)) {
            return new Answer(200, modern.versionsJson());
        }
        if (path.equals(ModernHomeserver.AUTH_STABLE_PATH) || path.equals(ModernHomeserver.AUTH_UNSTABLE_PATH)) {
            return plan.hasAuthIssuer() ? new Answer(200, ModernHomeserver.metadataJson(plan.authIssuerUrl(), "https"))
                    : new Answer(404, UNRECOGNIZED_BODY);
        }
        if (path.equals(ModernHomeserver.TRANSPORTS_PATH) || path.startsWith("/_matrix/client/v1/media/")
                || path.startsWith("/_matrix/federation/v1/media/")) {
            return new Answer(401, MISSING_TOKEN_BODY);
        }
        if (path.startsWith("/_matrix/federation/v1/version")) {
            return new Answer(200, UPSTREAM_BODY);
        }
        return new Answer(404, UNRECOGNIZED_BODY);
    }

    private record Answer(int status, String body) {
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }

    /** The stand-in application's port: where an existing site proxies everything it does not serve itself. */
    int upstreamPort() {
        return upstream.getAddress().getPort();
    }

    /** The generated file at {@code path}. */
    String file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    /** Servers that drop privileges (Apache and nginx workers as root) must read the tree. */
    private static void worldReadable(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        for (Path dir = root.getParent(); dir != null && dir.startsWith(System.getProperty("java.io.tmpdir"))
                && !dir.equals(Path.of(System.getProperty("java.io.tmpdir"))); dir = dir.getParent()) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** GET {@code path} from 127.0.0.1:{@code port}, sending {@code host} as SNI and Host header. */
    static HttpResponse fetch(int port, String host, String path) {
        HttpsClient client = new HttpsClient(Duration.ofSeconds(5), "Signpost-test");
        return client.get(new HttpTarget(true, new InetSocketAddress("127.0.0.1", port), host, host, path),
                1 << 20, new CancelToken(), Instant.now().plusSeconds(15));
    }

    /** Asserts what a Matrix client or server would notice about a served well-known document. */
    static void assertServed(HttpResponse response, WellKnownDocument document, TestCa ca) {
        String where = document.urlPath() + " " + response.errorDetail();
        assertThat(response.responded()).as(where).isTrue();
        assertThat(response.statusCode()).as(where).isEqualTo(200);
        assertThat(response.body()).as(where + " body bytes")
                .isEqualTo(document.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.header("Content-Type")).as(where).hasValue("application/json");
        assertThat(response.header("Access-Control-Allow-Origin")).as(where).hasValue("*");
        assertThat(response.header("Access-Control-Allow-Methods")).as(where)
                .hasValue("GET, POST, PUT, DELETE, OPTIONS");
        assertThat(response.header("Access-Control-Allow-Headers")).as(where)
                .hasValue("X-Requested-With, Content-Type, Authorization");
        assertChainTrusted(response, ca);
    }

    static void assertChainTrusted(HttpResponse response, TestCa ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("root", ca.rootCertificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(store);
            X509TrustManager trust = (X509TrustManager) factory.getTrustManagers()[0];
            trust.checkServerTrusted(response.peerChain().toArray(new X509Certificate[0]), "ECDHE_ECDSA");
        } catch (CertificateException e) {
            throw new AssertionError("the served chain does not lead to the test CA: " + e.getMessage(), e);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts that federation reaches the stand-in homeserver through the generated proxy. */
    void assertProxies() {
        HttpResponse response = fetch(federationPort, context.federationName(), "/_matrix/federation/v1/version");
        assertThat(response.statusCode()).as("proxied " + response.errorDetail()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(UPSTREAM_BODY);
    }

    /** Every log file the servers wrote into {@code work}, for failure messages. */
    static String logs(Path work) {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path log : walk.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
                out.append("--- ").append(log.getFileName()).append('\n')
                        .append(Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            out.append("(logs unreadable: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    static String headers(HttpResponse response) {
        return response.headers().stream().map(Evidence.Header::toString).toList().toString();
    }

    @Override
    public void close() {
        upstream.stop(0);
    }
}
