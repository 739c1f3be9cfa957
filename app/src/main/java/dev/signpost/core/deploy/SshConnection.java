package dev.signpost.core.deploy;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/** A logged-in SSH session with its SFTP channel. Closing it closes both. */
final class SshConnection implements AutoCloseable {

    private static final int MAX_OUTPUT = 64 * 1024;
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(3);

    private final Session session;
    private final Duration operationTimeout;
    private final String description;
    private final AutoCloseable cancelRegistration;
    private final SshConnection via;
    private ChannelSftp sftp;

    /** @param via the jump host's connection this one tunnels through, or null */
    SshConnection(Session session, Duration operationTimeout, String description, Cancellation cancellation,
                  SshConnection via) {
        this.session = session;
        this.via = via;
        this.operationTimeout = operationTimeout;
        this.description = description;
        // Cancel first lets the worker stop the transfer and remove its temporary files over this session; only
        // if it is still open after a grace period (the worker is stuck) is it closed from here.
        this.cancelRegistration = cancellation.onCancel(() -> CompletableFuture.runAsync(this::close,
                CompletableFuture.delayedExecutor(CANCEL_GRACE.toMillis(), TimeUnit.MILLISECONDS)));
    }

    Session session() {
        return session;
    }

    /** {@code user@host:port} as connected. */
    String description() {
        return description;
    }

    synchronized ChannelSftp sftp() throws JSchException {
        if (sftp == null) {
            ChannelSftp channel = (ChannelSftp) session.openChannel("sftp");
            channel.connect(timeoutMillis(operationTimeout));
            sftp = channel;
        }
        return sftp;
    }

    /**
     * The SFTP channel, or the sentence saying why there is none: a connection that went down while the channel
     * opened is a lost connection, not a server without SFTP.
     */
    ChannelSftp sftp(dev.signpost.core.text.Texts texts) throws DeployException {
        try {
            return sftp();
        } catch (JSchException e) {
            boolean lost = connectionGone(e);
            throw new DeployException(texts.get(lost ? "sftp.lost" : "sftp.unavailable", description), true, e);
        }
    }

    /**
     * Whether a refused channel was really a connection going down. JSch's reader may not have seen the end of the
     * stream yet when the channel request fails, so a server without SFTP and a cut connection look alike for a
     * moment: a keep-alive provokes the write error and a short, bounded wait lets the reader notice the close.
     */
    private boolean connectionGone(JSchException e) {
        if (!session.isConnected() || String.valueOf(e.getMessage()).contains("session is down")) {
            return true;
        }
        try {
            session.sendKeepAliveMsg();
        } catch (Exception gone) {
            return true;
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() - until < 0) {
            if (!session.isConnected()) {
                return true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return !session.isConnected();
    }

    /**
     * Runs {@code command} with a time limit, sending output to {@code output} as it arrives.
     * The exit status is -1 when it did not finish.
     */
    CommandResult exec(String command, Cancellation cancellation, Consumer<String> output) throws JSchException {
        return exec(command, null, cancellation, output);
    }

    /**
     * As above, with {@code input} sent to the command's standard input (a sudo password; never logged or shown).
     * The array is not kept.
     */
    CommandResult exec(String command, byte[] input, Cancellation cancellation, Consumer<String> output)
            throws JSchException {
        ChannelExec channel = (ChannelExec) session.openChannel("exec");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public synchronized void write(byte[] b, int off, int len) {
                if (captured.size() < MAX_OUTPUT) {
                    captured.write(b, off, Math.min(len, MAX_OUTPUT - captured.size()));
                }
                output.accept(new String(b, off, len, StandardCharsets.UTF_8));
            }
        };
        // JSch closes a channel's error stream (when it may) only once the channel is closed, after the exit
        // status has arrived, and also when the session goes down: that close is the "command ended" signal.
        CountDownLatch ended = new CountDownLatch(1);
        OutputStream errors = new FilterOutputStream(sink) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                ended.countDown();
            }
        };
        channel.setCommand(command);
        channel.setInputStream(input == null ? null : new java.io.ByteArrayInputStream(input));
        channel.setOutputStream(sink, true);
        channel.setExtOutputStream(errors, false);
        try (AutoCloseable ignored = cancellation.onCancel(ended::countDown)) {
            channel.connect(timeoutMillis(operationTimeout));
            ended.await(operationTimeout.toNanos(), TimeUnit.NANOSECONDS);
            int status = channel.isClosed() ? channel.getExitStatus() : -1;
            synchronized (sink) {
                return new CommandResult(command, status, captured.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(command, -1, captured.toString(StandardCharsets.UTF_8));
        } catch (JSchException e) {
            throw e;
        } catch (Exception e) {
            // Only the cancel registration's close can land here, and it does not fail.
            throw new IllegalStateException(e);
        } finally {
            channel.disconnect();
        }
    }

    static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    @Override
    public synchronized void close() {
        try {
            cancelRegistration.close();
        } catch (Exception ignored) {
            // Unregistering cannot fail in a way that matters once we are closing.
        }
        if (sftp != null) {
            sftp.disconnect();
        }
        session.disconnect();
        if (via != null) {
            via.close();
        }
    }
}
