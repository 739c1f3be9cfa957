package dev.signpost.core.generate;

import dev.signpost.testkit.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real server binary started by a test; {@link #close()} always stops it and its children. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Runs {@code command} to completion (e.g. a config test) and returns its exit status and output. */
    static Result run(List<String> command, Map<String, String> environment, Path log, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return new Result(-1, "timed out: " + command + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Starts {@code command} and waits until every port accepts connections on 127.0.0.1. */
    static ServerProcess start(List<String> command, Map<String, String> environment, Path log, int... ports)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(builder.start(), log);
        try {
            server.awaitPorts(ports);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void awaitPorts(int... ports) throws IOException, InterruptedException {
        for (int port : ports) {
            boolean open = Await.holdsWithin(Duration.ofSeconds(15), () -> !process.isAlive() || accepts(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
            }
            if (!open) {
                throw new IllegalStateException("port " + port + " never opened:\n" + output());
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** What the server has written to its console so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            child.destroy();
            try {
                child.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                child.destroyForcibly();
            }
        }
    }

    /** Exit status and console output of a finished command. */
    record Result(int status, String output) {
    }
}
