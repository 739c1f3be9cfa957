package dev.signpost.core.deploy;

import com.jcraft.jsch.JSchAlgoNegoFailException;
import com.jcraft.jsch.JSchException;
import dev.signpost.core.text.Texts;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns what JSch threw while connecting into a {@link SshFailure}. JSch's messages are matched only to pick the
 * reason; none of their text is passed on, except algorithm names the server offered, filtered to the characters
 * algorithm names consist of.
 */
final class SshFailures {

    private static final Pattern NOT_ALGORITHM_NAME = Pattern.compile("[^A-Za-z0-9@.,_+-]");
    private static final int MAX_OFFER = 300;

    private SshFailures() {
    }

    static SshFailure classify(JSchException e, String host, int port, String description, long timeoutSeconds,
                               Texts texts) {
        if (e instanceof JSchAlgoNegoFailException nego) {
            return SshFailure.of(SshFailure.Reason.NO_COMMON_ALGORITHM, host, port,
                    texts.get(algorithmKey(nego.getAlgorithmName())),
                    offer(nego.getServerProposal()));
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return SshFailure.of(SshFailure.Reason.HOST_NOT_FOUND, host);
            }
            if (t instanceof NoRouteToHostException || (t instanceof SocketException
                    && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("unreachable"))) {
                return SshFailure.of(SshFailure.Reason.NETWORK_UNREACHABLE, host, port);
            }
            if (t instanceof ConnectException) {
                return SshFailure.of(SshFailure.Reason.CONNECTION_REFUSED, host, port);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return SshFailure.of(SshFailure.Reason.TIMEOUT, host, port, timeoutSeconds);
            }
            if (t instanceof EOFException || t instanceof SocketException) {
                return SshFailure.of(SshFailure.Reason.CONNECTION_LOST, description);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("timeout")) {
            return SshFailure.of(SshFailure.Reason.TIMEOUT, host, port, timeoutSeconds);
        }
        if (message.contains("closed by foreign host") || message.contains("session is down")
                || message.contains("End of IO Stream") || message.contains("Connection reset")) {
            return SshFailure.of(SshFailure.Reason.CONNECTION_LOST, description);
        }
        return SshFailure.of(SshFailure.Reason.PROTOCOL_ERROR, description);
    }

    /** The bundle key naming JSch's proposal ({@code kex}, {@code cipher.c2s}, …) in the user's words. */
    private static String algorithmKey(String name) {
        String n = String.valueOf(name);
        if (n.equals("kex")) {
            return "ssh.algorithm.kex";
        }
        if (n.equals("server_host_key")) {
            return "ssh.algorithm.hostKey";
        }
        if (n.startsWith("cipher")) {
            return "ssh.algorithm.cipher";
        }
        return n.startsWith("mac") ? "ssh.algorithm.mac" : "ssh.algorithm.other";
    }

    /** The server's list, made safe to show: algorithm-name characters only, commas spaced, bounded length. */
    static String offer(String serverProposal) {
        String names = NOT_ALGORITHM_NAME.matcher(String.valueOf(serverProposal)).replaceAll("");
        // Protocol extension markers are not algorithms anyone could choose.
        String clean = java.util.Arrays.stream(names.split(","))
                .filter(n -> !n.isEmpty() && !n.startsWith("kex-strict-") && !n.startsWith("ext-info-"))
                .collect(java.util.stream.Collectors.joining(","));
        if (clean.length() > MAX_OFFER) {
            clean = clean.substring(0, MAX_OFFER) + "…";
        }
        return clean.replace(",", ", ");
    }
}
