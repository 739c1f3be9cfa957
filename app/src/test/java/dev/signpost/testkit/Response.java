package dev.signpost.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A response a {@link TestHttpsServer} sends, exactly as configured: the status, the headers given (nothing
 * is added except {@code Content-Length} and {@code Connection: close}, and only when not given), the body,
 * and an optional delay before anything is sent.
 *
 * <p>Immutable: the {@code with…} methods return copies. Start from {@link #json}, {@link #text},
 * {@link #html}, {@link #status}, {@link #redirect} or {@link #large}.
 *
 * @param status  the status code
 * @param reason  the reason phrase on the status line
 * @param headers the headers in order as {@code [name, value]} pairs
 * @param body    the body bytes
 * @param delay   how long to wait before sending the response (zero for none)
 */
public record Response(int status, String reason, List<Map.Entry<String, String>> headers, byte[] body,
        Duration delay) {

    public Response {
        headers = List.copyOf(headers);
        body = body.clone();
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** 200 with {@code Content-Type: application/json}. */
    public static Response json(String json) {
        return status(200).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** {@code status} with {@code Content-Type: application/json}. */
    public static Response json(int status, String json) {
        return status(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    /** 200 with {@code Content-Type: text/plain; charset=utf-8}. */
    public static Response text(String text) {
        return status(200).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text);
    }

    /** 200 with {@code Content-Type: text/html; charset=utf-8}, like a web site's catch-all page. */
    public static Response html(String html) {
        return status(200).withHeader("Content-Type", "text/html; charset=utf-8").withBody(html);
    }

    /** A bare status with no headers at all (not even Content-Type) and an empty body. */
    public static Response status(int status) {
        return new Response(status, reasonFor(status), List.of(), new byte[0], Duration.ZERO);
    }

    /** A redirect (301, 302, 303, 307 or 308) to {@code location}. */
    public static Response redirect(int status, String location) {
        return status(status).withHeader("Location", location);
    }

    /** 200 JSON-typed, {@code bytes} long: a JSON string padded with spaces (over 50 KiB for the size cap). */
    public static Response large(int bytes) {
        byte[] body = new byte[bytes];
        Arrays.fill(body, (byte) ' ');
        byte[] start = "{\"m.server\": \"example.com:443\", \"padding\": \"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, Math.min(start.length, bytes));
        if (bytes > start.length + 2) {
            body[bytes - 2] = '"';
            body[bytes - 1] = '}';
        }
        return status(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A copy with one more header (repeatable; order kept). */
    public Response withHeader(String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.add(Map.entry(name, value));
        return new Response(status, reason, copy, body, delay);
    }

    /** A copy without any header of that name (case-insensitive), e.g. to drop Content-Type. */
    public Response withoutHeader(String name) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
        copy.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        return new Response(status, reason, copy, body, delay);
    }

    /** A copy with this UTF-8 body. */
    public Response withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with this body. */
    public Response withBody(byte[] bytes) {
        return new Response(status, reason, headers, bytes, delay);
    }

    /** A copy that waits {@code wait} before sending anything (a slow server). */
    public Response withDelay(Duration wait) {
        return new Response(status, reason, headers, body, wait);
    }

    /** A copy with CORS allowed for every origin ({@code Access-Control-Allow-Origin: *}). */
    public Response withCors() {
        return withHeader("Access-Control-Allow-Origin", "*");
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    private static String reasonFor(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
