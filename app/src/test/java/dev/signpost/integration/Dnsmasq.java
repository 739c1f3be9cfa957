package dev.signpost.integration;

import dev.signpost.testkit.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/**
 * A real dnsmasq on 127.0.0.1 and a free high port, run as the current user with its own configuration file in a
 * temporary directory (never {@code /etc/dnsmasq.conf}), answering only from that configuration. Closing it stops
 * the process and deletes the directory.
 */
final class Dnsmasq implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Path directory;
    private final int port;
    private final Thread stopOnExit;

    private Dnsmasq(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
        // A JVM that ends without running close() (a crashed test run) must not leave dnsmasq behind.
        this.stopOnExit = new Thread(process::destroyForcibly, "dnsmasq-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** The dnsmasq executable, when installed (PATH, then the usual sbin directories). */
    static Optional<Path> binary() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "dnsmasq"));
            }
        }
        for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/sbin")) {
            candidates.add(Path.of(dir, "dnsmasq"));
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts dnsmasq with {@code records} (dnsmasq configuration lines such as {@code host-record=…},
     * {@code srv-host=…}, {@code local=/zone/}) and waits until it answers {@code probeName}.
     *
     * @throws IllegalStateException with dnsmasq's own output when it does not come up
     */
    static Dnsmasq start(Path binary, List<String> records, String probeName) {
        String lastOutput = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            Path directory = null;
            Process process = null;
            try {
                directory = Files.createTempDirectory("signpost-dnsmasq");
                int port = freePort();
                Path config = directory.resolve("dnsmasq.conf");
                List<String> lines = new ArrayList<>(List.of(
                        "port=" + port,
                        "listen-address=127.0.0.1",
                        "bind-interfaces",
                        "no-resolv",
                        "no-hosts",
                        "no-negcache",
                        "log-queries",
                        "log-facility=" + directory.resolve("dnsmasq.log"),
                        "pid-file=" + directory.resolve("dnsmasq.pid"),
                        // dnsmasq started as root switches to "nobody", who could not write the files above.
                        "user=" + System.getProperty("user.name")));
                lines.addAll(records);
                Files.write(config, lines, StandardCharsets.UTF_8);
                process = new ProcessBuilder(binary.toString(), "--no-daemon", "--conf-file=" + config)
                        .redirectErrorStream(true)
                        .redirectOutput(directory.resolve("output.txt").toFile())
                        .start();
                Dnsmasq dnsmasq = new Dnsmasq(process, directory, port);
                if (dnsmasq.awaitAnswer(probeName)) {
                    return dnsmasq;
                }
                lastOutput = dnsmasq.output();
                dnsmasq.close();
            } catch (IOException e) {
                if (process != null) {
                    process.destroyForcibly();
                }
                deleteQuietly(directory);
                lastOutput = e.toString();
            }
        }
        throw new IllegalStateException("dnsmasq did not start: " + lastOutput);
    }

    /** {@code 127.0.0.1:PORT}, for {@code --dns}. */
    String hostPort() {
        return "127.0.0.1:" + port;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    /** dnsmasq's query log so far ({@code query[SRV] _matrix-fed._tcp.example.test from 127.0.0.1} …). */
    String log() {
        return read(directory.resolve("dnsmasq.log"));
    }

    /** What dnsmasq printed on its console (startup errors). */
    String output() {
        return read(directory.resolve("output.txt"));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; nothing left to do
        }
        deleteQuietly(directory);
    }

    private boolean awaitAnswer(String probeName) {
        return Await.holdsWithin(STARTUP, () -> !process.isAlive() || answers(probeName)) && process.isAlive();
    }

    private boolean answers(String probeName) {
        try {
            SimpleResolver resolver = new SimpleResolver(address());
            resolver.setTimeout(Duration.ofMillis(300));
            resolver.send(Message.newQuery(Record.newRecord(Name.fromString(probeName + "."), Type.A, DClass.IN)));
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 a moment ago; dnsmasq binds both. */
    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
