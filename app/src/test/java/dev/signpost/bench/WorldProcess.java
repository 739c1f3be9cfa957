package dev.signpost.bench;

import dev.signpost.core.net.NetOptions;
import dev.signpost.testkit.TestWorld;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link FlowMemory}'s test world in a second JVM, so that the memory measured is the wizard's and not that of the
 * world's DNS and HTTPS servers and their test CA. The world prints its command-line options (what a user would
 * type as {@code --dns}, {@code --ca-file}, {@code --resolve}), one per line, then {@code ready}, and ends when its
 * standard input closes.
 */
final class WorldProcess implements AutoCloseable {

    private static final String READY = "ready";

    private final Process process;
    private final List<String> args;

    private WorldProcess(Process process, List<String> args) {
        this.process = process;
        this.args = args;
    }

    static WorldProcess start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                WorldProcess.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>();
        for (String line = out.readLine(); !READY.equals(line); line = out.readLine()) {
            if (line == null) {
                throw new IOException("the test world's JVM ended before it was ready");
            }
            args.add(line);
        }
        return new WorldProcess(process, args);
    }

    /** The world's {@code --dns}, {@code --ca-file} and {@code --resolve} as the engine's options. */
    NetOptions netOptions(Duration timeout) {
        InetSocketAddress dns = null;
        List<Path> caFiles = new ArrayList<>();
        Map<String, String> resolve = new HashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--dns" -> dns = new InetSocketAddress(value.substring(0, value.lastIndexOf(':')),
                        Integer.parseInt(value.substring(value.lastIndexOf(':') + 1)));
                case "--ca-file" -> caFiles.add(Path.of(value));
                case "--resolve" -> {
                    int address = value.lastIndexOf(':', value.lastIndexOf(':') - 1);
                    resolve.put(value.substring(0, address), value.substring(address + 1));
                }
                default -> throw new IllegalStateException("unknown option from the world: " + args.get(i));
            }
        }
        return new NetOptions(dns, caFiles, resolve, timeout, "Signpost-bench");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            in.flush();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public static void main(String[] ignored) throws IOException {
        try (TestWorld world = FlowMemory.goodWorld()) {
            world.args().forEach(System.out::println);
            System.out.println(READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Runs until the measuring JVM closes the pipe (or ends).
            }
        }
    }
}
