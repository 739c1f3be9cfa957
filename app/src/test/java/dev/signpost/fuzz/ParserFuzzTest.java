package dev.signpost.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import dev.signpost.core.matrix.CanonicalJson;
import dev.signpost.core.net.DohMessages;
import dev.signpost.core.net.DohMessagesProperties;
import dev.signpost.core.matrix.CanonicalJsonException;
import dev.signpost.core.matrix.ClientVersionsParser;
import dev.signpost.core.matrix.ClientWellKnownParser;
import dev.signpost.core.matrix.FederationVersionParser;
import dev.signpost.core.matrix.InvalidServerNameException;
import dev.signpost.core.matrix.ServerKeysVerifier;
import dev.signpost.core.matrix.ServerName;
import dev.signpost.core.matrix.ServerWellKnownParser;
import dev.signpost.core.matrix.SupportFileParser;
import dev.signpost.core.report.ChainFixtures;
import dev.signpost.core.report.ReportFormatException;
import dev.signpost.core.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing on demand: every parser of untrusted input gets generated inputs (valid seeds mutated byte by byte,
 * hostile fragments spliced in, cuts, repeats, random bytes) and must answer with a verdict or its own documented
 * exception, never anything else. CI runs 2,000 inputs per parser; for the full run:
 * {@code ./mvnw -B -o -pl app test -Dtest=ParserFuzzTest -Dfuzz.inputs=100000} (add {@code -Dfuzz.seed=N} to
 * repeat a run). The counts are printed per parser.
 */
class ParserFuzzTest {

    /** One parser: the call, and the exception type that is its documented way to say no. */
    private interface Target {
        void parse(byte[] input) throws Exception;
    }

    private record Parser(String name, List<String> seeds, Target target, Class<? extends Exception> allowed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> FRAGMENTS = List.of("\u0000", "\u001b[2J", "\r\n", "\u202e", "\ud800", "\"",
            "\\", "\\u0000", "\\ud800", "{", "}", "[", "]", ":", ",", "1e200000", "-1e-200000", "1e999",
            "9223372036854775808", "NaN", "Infinity", "null", "true", "[::1]", "[fe80::1%eth0]", "example.123",
            ":99999", ":0", "xn--", "xn--zz", "\u00df", "..", "-", "_", "%", "@", "://", "`", "<script>",
            "{\"a\":".repeat(70), "]".repeat(70), "\uFFFF", "\uD83D\uDE00", " ", "\t");

    private static List<Parser> parsers() {
        String report = ReportJson.write(ChainFixtures.healthy());
        Instant now = Instant.now();
        return List.of(
                new Parser("server name", List.of("example.com", "matrix.example.com:8448", "[2001:db8::5]:8448",
                        "203.0.113.5", "b\u00fccher.example", "xn--bcher-kva.example"),
                        b -> ServerName.parse(text(b), Locale.ENGLISH), InvalidServerNameException.class),
                new Parser("m.server / server well-known", List.of("{\"m.server\":\"matrix.example.com:443\"}",
                        "{\"m.server\":\"[2001:db8::5]\"}", "{\"m.server\":\"203.0.113.5:8448\",\"x\":[1,2]}"),
                        b -> ServerWellKnownParser.parse(b, Locale.ENGLISH), null),
                new Parser("client well-known", List.of(
                        "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com\"}}",
                        "{\"m.homeserver\":{\"base_url\":\"https://matrix.example.com/\"},"
                                + "\"m.identity_server\":{\"base_url\":\"https://id.example.com\"},\"org.x\":1.5}"),
                        b -> ClientWellKnownParser.parse(b, "example.com", Locale.ENGLISH), null),
                new Parser("support file", List.of(
                        "{\"contacts\":[{\"matrix_id\":\"@admin:example.com\",\"role\":\"m.role.admin\"}],"
                                + "\"support_page\":\"https://example.com/help\"}"),
                        b -> SupportFileParser.parse(b, Locale.ENGLISH), null),
                new Parser("client /versions", List.of("{\"versions\":[\"v1.11\",\"v1.12\"],"
                                + "\"unstable_features\":{\"org.x\":true}}"),
                        b -> ClientVersionsParser.parse(b, Locale.ENGLISH), null),
                new Parser("federation version", List.of(
                        "{\"server\":{\"name\":\"Synapse\",\"version\":\"1.120.0\"}}"),
                        b -> FederationVersionParser.parse(b, Locale.ENGLISH), null),
                new Parser("server keys", List.of("{\"server_name\":\"example.com\",\"valid_until_ts\":"
                                + (now.toEpochMilli() + 86_400_000L) + ",\"verify_keys\":{\"ed25519:a\":{\"key\":"
                                + "\"Noi6WqcDj0QmPxCNQqgezwTlBKrfqehY1u2FyWP9uYw\"}},\"old_verify_keys\":{},"
                                + "\"signatures\":{\"example.com\":{\"ed25519:a\":\"x\"}}}"),
                        b -> ServerKeysVerifier.verify(b, "example.com", now, Locale.ENGLISH), null),
                new Parser("canonical JSON", List.of("{\"b\":[1,2,{\"c\":\"\\u00e9\"}],\"a\":1e10,\"d\":null}"),
                        b -> {
                            // Only what parses as JSON reaches the encoder (as in ServerKeysVerifier).
                            com.fasterxml.jackson.databind.JsonNode tree;
                            try {
                                tree = JSON.readTree(b);
                            } catch (java.io.IOException notJson) {
                                return;
                            }
                            CanonicalJson.encode(tree, Locale.ENGLISH);
                        }, CanonicalJsonException.class),
                new Parser("report JSON", List.of(report),
                        b -> ReportJson.read(text(b), Locale.ENGLISH), ReportFormatException.class),
                // A DoH answer is binary: its seeds are wire bytes as ISO-8859-1 text, turned back into those bytes
                // before parsing, so mutations hit the wire format rather than its UTF-8 encoding.
                new Parser("DoH answer", dohSeeds(),
                        b -> DohMessages.parse(new String(b, StandardCharsets.UTF_8)
                                        .getBytes(StandardCharsets.ISO_8859_1), DohMessagesProperties.NAME,
                                DohMessagesProperties.TYPE,
                                "https://doh.test/dns-query", Duration.ZERO),
                        DohMessages.NotDnsException.class),
                new Parser("known_hosts line", List.of(
                        "example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
                        "|1|F1E1KeoE/eEWhi10WpGv4OdiO6Y=|3988QV0VE8wmZL7suNrYQLITLCg= ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB",
                        "[example.com]:2222,203.0.113.5 ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAI"),
                        b -> {
                            JSch jsch = new JSch();
                            jsch.setKnownHosts(new ByteArrayInputStream(b));
                            jsch.getHostKeyRepository().check("example.com", new byte[] {0, 0, 0, 1, 'x'});
                        }, JSchException.class));
    }

    private static List<String> dohSeeds() {
        return DohMessagesProperties.seeds().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void noParserLetsAnExceptionEscape() {
        int inputs = Integer.getInteger("fuzz.inputs", 2_000);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        Map<String, String> escapes = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("parser fuzz, seed " + seed + ", " + inputs + " inputs per parser\n");
        for (Parser parser : parsers()) {
            Random random = new Random(seed ^ parser.name().hashCode());
            int escaped = 0;
            long started = System.nanoTime();
            for (int i = 0; i < inputs; i++) {
                byte[] input = generate(parser.seeds(), random);
                try {
                    parser.target().parse(input);
                } catch (Exception e) {
                    if (parser.allowed() == null || !parser.allowed().isInstance(e)) {
                        escaped++;
                        escapes.putIfAbsent(parser.name(), e + " on " + text(input));
                    }
                } catch (StackOverflowError e) {
                    escaped++;
                    escapes.putIfAbsent(parser.name(), e + " on " + text(input));
                }
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            table.append(String.format(Locale.ROOT, "  %-30s %,9d inputs  %d escaped  %,7d ms%n", parser.name(),
                    inputs, escaped, ms));
        }
        System.out.print(table);
        assertThat(escapes).as(table.toString()).isEmpty();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A seed mutated a few times: bytes flipped, fragments spliced in, cuts, repeats; sometimes pure noise. */
    private static byte[] generate(List<String> seeds, Random random) {
        if (random.nextInt(20) == 0) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            return noise;
        }
        List<Byte> bytes = new ArrayList<>();
        for (byte b : seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b);
        }
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size() + 1);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(Math.min(at, bytes.size() - 1), (byte) random.nextInt(256));
                    }
                }
                case 1 -> {
                    byte[] fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8);
                    for (int i = fragment.length - 1; i >= 0; i--) {
                        bytes.add(at, fragment[i]);
                    }
                }
                case 2 -> {
                    while (bytes.size() > at) {
                        bytes.remove(bytes.size() - 1);
                    }
                }
                case 3 -> {
                    int end = Math.min(bytes.size(), at + 1 + random.nextInt(16));
                    List<Byte> part = new ArrayList<>(bytes.subList(at, end));
                    bytes.addAll(at, part);
                }
                default -> {
                    if (at < bytes.size()) {
                        bytes.remove(at);
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
