package dev.signpost.core.net;

import dev.signpost.core.model.Evidence;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response from a stream: interim responses skipped, the head bounded by
 * {@link HttpsClient#MAX_HEAD_BYTES}, the body framed by Content-Length, chunked encoding or the end of the stream,
 * and cut at the caller's cap. Anything that is not HTTP or ends before its framing says is an exception naming why.
 */
final class HttpResponseReader {

    private HttpResponseReader() {
    }

    /** Reads the status line, headers and body (up to {@code bodyCap} bytes) of one response into {@code ex}. */
    static void read(InputStream in, HttpExchange ex, int bodyCap) throws IOException {
        int[] headBudget = {HttpsClient.MAX_HEAD_BYTES};
        while (true) {
            String statusLine = readLine(in, headBudget);
            if (statusLine == null) {
                throw new EOFException("connection closed before a response");
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new ProtocolException("not an HTTP/1.x status line: " + truncate(statusLine));
            }
            List<Evidence.Header> headers = new ArrayList<>();
            String line;
            while ((line = readLine(in, headBudget)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new Evidence.Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
                }
            }
            if (line == null) {
                throw new EOFException("connection closed inside the response headers");
            }
            int code = Integer.parseInt(parts[1]);
            if (code >= 100 && code < 200) {
                continue; // interim response (100 Continue, 103 Early Hints): the real one follows
            }
            ex.statusLine = statusLine;
            ex.statusCode = code;
            ex.headers = headers;
            break;
        }
        if (ex.statusCode == 204 || ex.statusCode == 304) {
            return;
        }
        String transferEncoding = ex.header("Transfer-Encoding").toLowerCase(Locale.ROOT);
        String contentLength = ex.header("Content-Length");
        if (transferEncoding.contains("chunked")) {
            readChunked(in, ex, bodyCap);
        } else if (!contentLength.isEmpty()) {
            long length;
            try {
                length = Long.parseLong(contentLength.strip());
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad Content-Length: " + truncate(contentLength));
            }
            if (length < 0) {
                throw new ProtocolException("bad Content-Length: " + truncate(contentLength));
            }
            long read = readFixed(in, ex, Math.min(length, (long) bodyCap + 1), bodyCap);
            if (!ex.truncated && read < length) {
                throw new FramingException("the connection closed after " + read + " of the " + length
                        + " bytes announced by Content-Length");
            }
        } else {
            readFixed(in, ex, (long) bodyCap + 1, bodyCap);
        }
    }

    /** Reads up to {@code limit} bytes (less at end of stream) and returns how many came. */
    private static long readFixed(InputStream in, HttpExchange ex, long limit, int bodyCap) throws IOException {
        byte[] buffer = new byte[8192];
        long remaining = limit;
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                break;
            }
            ex.append(buffer, n, bodyCap);
            remaining -= n;
            if (ex.truncated) {
                break;
            }
        }
        return limit - remaining;
    }

    private static void readChunked(InputStream in, HttpExchange ex, int bodyCap) throws IOException {
        int[] budget = {HttpsClient.MAX_HEAD_BYTES};
        while (true) {
            String sizeLine = readLine(in, budget);
            if (sizeLine == null) {
                throw new FramingException("the connection closed before the final (zero-size) chunk");
            }
            String hex = sizeLine.split(";", 2)[0].strip();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new ProtocolException("bad chunk size: " + truncate(sizeLine));
            }
            if (size < 0) {
                throw new ProtocolException("bad chunk size: " + truncate(sizeLine));
            }
            if (size == 0) {
                return; // trailers, if any, are not needed
            }
            long remaining = size;
            byte[] buffer = new byte[8192];
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new FramingException("the connection closed inside a chunk, " + remaining
                            + " bytes before its end");
                }
                ex.append(buffer, n, bodyCap);
                if (ex.truncated) {
                    return;
                }
                remaining -= n;
            }
            String end = readLine(in, budget);
            if (end == null) {
                throw new FramingException("the connection closed before the final (zero-size) chunk");
            }
            if (!end.isEmpty()) {
                throw new ProtocolException("a chunk is longer than its announced size");
            }
        }
    }

    /** Reads a CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream before any byte. */
    private static String readLine(InputStream in, int[] budget) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (--budget[0] < 0) {
                throw new ProtocolException("response head longer than " + HttpsClient.MAX_HEAD_BYTES + " bytes");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return any ? line.toString(StandardCharsets.ISO_8859_1) : null;
    }

    private static String truncate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** The response is not HTTP/1.x. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    /** The body ended before its framing (Content-Length or chunked encoding) said it would. */
    static final class FramingException extends IOException {
        FramingException(String message) {
            super(message);
        }
    }
}
