package dev.signpost.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.signpost.core.discovery.DiscoveryEngine;
import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportFormatException;
import dev.signpost.core.report.ReportJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports the real engine produced against the {@link FixtureWorld}s, stored as JSON and read back with the
 * product's own {@link ReportJson} reader. What differs from run to run (the time, durations, loopback ports,
 * certificate fingerprints and dates, signing keys and signatures) is replaced by fixed values and hops are put in
 * chain order, so the stored file changes only when the engine's answer does. {@code EngineFixturesTest} compares
 * the stored files with a fresh run; {@link #UPDATE_COMMAND} rewrites them.
 */
public final class EngineFixtures {

    /** The one command that regenerates every stored report (run from the repository root). */
    public static final String UPDATE_COMMAND =
            "./mvnw -B -o -q -pl app test -Dtest=EngineFixturesTest -Dfixtures.update=true";

    /** Where the stored reports live, relative to the app module (Maven's working directory for tests). */
    public static final Path DIR = Path.of("src/test/resources/fixtures/reports");

    /** The time every stored report says it was made. */
    public static final Instant CHECKED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(5);
    private static final int FIRST_STABLE_PORT = 40001;
    private static final int STABLE_DNS_PORT = 5300;
    private static final Pattern LOOPBACK_PORT = Pattern.compile("(127\\.\\d+\\.\\d+\\.\\d+|\\[::1]|localhost):(\\d+)");
    private static final Pattern VALID_UNTIL = Pattern.compile("\"valid_until_ts\":\\d+");
    private static final Pattern PUBLIC_KEY = Pattern.compile("\"key\":\"[A-Za-z0-9+/]{43}\"");
    private static final Pattern SIGNATURE = Pattern.compile("\":\"[A-Za-z0-9+/]{86}\"");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Map<FixtureWorld, Report> LOADED = new EnumMap<>(FixtureWorld.class);

    private EngineFixtures() {
    }

    /** The stored report of {@code world}, read with the product's reader. */
    public static synchronized Report report(FixtureWorld world) {
        return LOADED.computeIfAbsent(world, w -> {
            try {
                return ReportJson.read(stored(w), Locale.ENGLISH);
            } catch (ReportFormatException e) {
                throw new AssertionError("fixtures/reports/" + w.id() + ".json is not a report: " + e.getMessage()
                        + "; regenerate it with " + UPDATE_COMMAND, e);
            }
        });
    }

    /** Stores {@code json} as the report of {@code world}, replacing the file and what was read from it. */
    public static synchronized void store(FixtureWorld world, String json) {
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(world.id() + ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOADED.remove(world);
    }

    /** The stored JSON of {@code world}, as on disk (read from the source tree, so a regenerated file counts). */
    public static String stored(FixtureWorld world) {
        Path file = DIR.resolve(world.id() + ".json");
        if (!Files.exists(file)) {
            throw new AssertionError("no stored report " + file.toAbsolutePath() + "; create it with "
                    + UPDATE_COMMAND);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the engine against a fresh {@code world} and returns the report as it would be stored. */
    public static String produce(FixtureWorld world) {
        try (TestWorld w = world.start()) {
            Report report = DiscoveryEngine.create(w.netOptions(ENGINE_TIMEOUT), Locale.ENGLISH)
                    .check(world.serverName());
            return normalise(ReportJson.tree(report), stablePorts(w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The loopback ports of the world's servers, each mapped to a fixed stand-in: the DNS server's, then the
     * {@code --resolve} targets in the order of their sorted keys.
     */
    private static Map<Integer, Integer> stablePorts(TestWorld w) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        ports.put(w.dns().address().getPort(), STABLE_DNS_PORT);
        for (String target : new TreeMap<>(w.resolveEntries()).values()) {
            int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
            if (port > 1024) {
                ports.putIfAbsent(port, FIRST_STABLE_PORT + ports.size() - 1);
            }
        }
        return ports;
    }

    private static String normalise(ObjectNode report, Map<Integer, Integer> ports) throws JsonProcessingException {
        Instant checkedAt = Instant.parse(report.get("checked_at").asText());
        report.put("checked_at", CHECKED_AT.toString());
        sortHopsInChainOrder(report);
        Map<String, String> fingerprints = new LinkedHashMap<>();
        walk(report, checkedAt, ports, fingerprints);
        return MAPPER.writeValueAsString(report).replace("\r\n", "\n") + "\n";
    }

    private static void walk(JsonNode node, Instant checkedAt, Map<Integer, Integer> ports,
                             Map<String, String> fingerprints) {
        if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                walk(element, checkedAt, ports, fingerprints);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode stable = switch (field.getKey()) {
                case "elapsed_ms" -> value.isNull() ? value : IntNode.valueOf(10);
                case "port" -> value.isInt() && ports.containsKey(value.asInt())
                        ? IntNode.valueOf(ports.get(value.asInt())) : value;
                case "sha256_fingerprint" -> value.isTextual() ? TextNode.valueOf(fingerprints.computeIfAbsent(
                        value.asText(), f -> stableFingerprint(fingerprints.size() + 1))) : value;
                case "not_before", "not_after" -> value.isTextual() ? TextNode.valueOf(CHECKED_AT.plus(
                        Duration.ofDays(Duration.between(checkedAt, Instant.parse(value.asText())).toDays()))
                        .toString()) : value;
                default -> value.isTextual() ? TextNode.valueOf(stableText(value.asText(), ports)) : null;
            };
            if (stable != null && stable != value) {
                replaced.add(Map.entry(field.getKey(), stable));
            } else if (stable == null) {
                walk(value, checkedAt, ports, fingerprints);
            }
        }
        replaced.forEach(e -> object.set(e.getKey(), e.getValue()));
    }

    private static String stableText(String text, Map<Integer, Integer> ports) {
        Matcher m = LOOPBACK_PORT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int port = Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ":" + ports.getOrDefault(port, port)));
        }
        m.appendTail(out);
        String stable = VALID_UNTIL.matcher(out.toString())
                .replaceAll("\"valid_until_ts\":" + CHECKED_AT.plus(Duration.ofDays(365)).toEpochMilli());
        stable = PUBLIC_KEY.matcher(stable).replaceAll("\"key\":\"" + "K".repeat(43) + "\"");
        return SIGNATURE.matcher(stable).replaceAll("\":\"" + "S".repeat(86) + "\"");
    }

    private static String stableFingerprint(int n) {
        String octet = String.format(Locale.ROOT, "%02X", n);
        return String.join(":", java.util.Collections.nCopies(32, octet));
    }

    /**
     * The engine publishes hops as they complete, so their order differs between runs; stored reports list them
     * depth first from each root (lanes in the order of their first hop's lane), siblings by id.
     */
    private static void sortHopsInChainOrder(ObjectNode report) {
        ArrayNode hops = (ArrayNode) report.get("hops");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        hops.forEach(h -> byId.put(h.get("id").asText(), h));
        Map<String, List<JsonNode>> children = new TreeMap<>();
        List<JsonNode> roots = new ArrayList<>();
        for (JsonNode hop : hops) {
            String parent = hop.get("parent_id").isNull() ? null : hop.get("parent_id").asText();
            if (parent == null || !byId.containsKey(parent)) {
                roots.add(hop);
            } else {
                children.computeIfAbsent(parent, p -> new ArrayList<>()).add(hop);
            }
        }
        Comparator<JsonNode> order = Comparator.comparing((JsonNode h) -> laneRank(h.get("lane").asText()))
                .thenComparing(h -> h.get("id").asText());
        List<JsonNode> sorted = new ArrayList<>();
        roots.stream().sorted(order).forEach(root -> depthFirst(root, children, order, sorted));
        hops.removeAll();
        sorted.forEach(hops::add);
    }

    private static int laneRank(String lane) {
        return switch (lane) {
            case "federation" -> 0;
            case "client" -> 1;
            default -> 2;
        };
    }

    private static void depthFirst(JsonNode hop, Map<String, List<JsonNode>> children, Comparator<JsonNode> order,
                                   List<JsonNode> out) {
        out.add(hop);
        for (JsonNode child : children.getOrDefault(hop.get("id").asText(), List.of()).stream().sorted(order)
                .toList()) {
            depthFirst(child, children, order, out);
        }
    }
}
