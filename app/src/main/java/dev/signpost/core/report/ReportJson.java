package dev.signpost.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.io.JsonNumbers;
import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.ServerVersion;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import dev.signpost.core.text.Texts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The JSON form of a {@link Report} ({@code signpost check --json}, documented in {@code docs/report-json.md}):
 * snake_case keys, every field always present (null when unknown), enums in the documented spelling, instants in
 * ISO-8601, durations as milliseconds (a decimal fraction carries sub-millisecond precision, so reading back gives
 * an equal report). Built by hand on Jackson's tree model so the model records stay free of annotations.
 */
public final class ReportJson {

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build())
            .setNodeFactory(F)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);

    private ReportJson() {
    }

    /** The report as pretty-printed JSON. */
    public static String write(Report report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; this would be a bug in Jackson.
            throw new IllegalStateException(e);
        }
    }

    /** The report as a JSON tree, for callers that embed it in something larger. */
    public static ObjectNode tree(Report report) {
        ObjectNode root = F.objectNode();
        root.put("server_name", report.serverName());
        root.put("ascii_server_name", report.asciiServerName());
        root.put("checked_at", instant(report.checkedAt()));
        root.set("elapsed_ms", millis(report.elapsed()));
        root.put("signpost_version", report.signpostVersion());
        root.put("overall", overall(report).jsonName());
        ArrayNode apps = root.putArray("apps");
        report.apps().forEach(app -> apps.add(app(app)));
        root.set("federation", report.federation() == null ? F.nullNode() : federation(report.federation()));
        root.set("client", report.client() == null ? F.nullNode() : client(report.client()));
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(check -> checks.add(check(check)));
        ArrayNode hops = root.putArray("hops");
        report.hops().forEach(hop -> hops.add(hop(hop)));
        return root;
    }

    /** Like {@link Report#overall()}, tolerating a check without status (written as null). */
    private static Status overall(Report report) {
        return report.checks().stream().map(Check::status).filter(java.util.Objects::nonNull)
                .reduce(Status.SKIP, Status::worst);
    }

    private static ObjectNode federation(FederationResult federation) {
        ObjectNode node = F.objectNode();
        node.put("method", federation.method() == null ? null : federation.method().jsonName());
        WellKnownResult wellKnown = federation.wellKnown();
        if (wellKnown == null) {
            node.putNull("well_known");
        } else {
            ObjectNode wk = node.putObject("well_known");
            wk.put("url", wellKnown.url());
            wk.put("http_status", wellKnown.httpStatus());
            wk.put("m_server", wellKnown.mServer());
            wk.put("error", wellKnown.error());
        }
        ArrayNode srv = node.putArray("srv");
        for (SrvEntry entry : federation.srv()) {
            ObjectNode record = srv.addObject();
            record.put("name", entry.name());
            record.put("target", entry.target());
            record.put("port", entry.port());
            record.put("priority", entry.priority());
            record.put("weight", entry.weight());
            record.put("ttl", entry.ttl());
        }
        node.put("host", federation.host());
        node.put("port", federation.port());
        node.put("host_header", federation.hostHeader());
        node.put("tls_server_name", federation.tlsServerName());
        ArrayNode addresses = node.putArray("addresses");
        federation.addresses().forEach(addresses::add);
        ArrayNode connections = node.putArray("connections");
        for (ConnectionResult connection : federation.connections()) {
            ObjectNode c = connections.addObject();
            c.put("address", connection.address());
            c.put("port", connection.port());
            c.put("tls_ok", connection.tlsOk());
            c.put("error", connection.error());
            if (connection.version() == null) {
                c.putNull("version");
            } else {
                ObjectNode version = c.putObject("version");
                version.put("name", connection.version().name());
                version.put("version", connection.version().version());
            }
        }
        return node;
    }

    private static ObjectNode client(ClientResult client) {
        ObjectNode node = F.objectNode();
        node.put("state", client.state() == null ? null : client.state().name());
        node.put("url", client.url());
        node.put("http_status", client.httpStatus());
        node.put("base_url", client.baseUrl());
        node.put("identity_server_url", client.identityServerUrl());
        return node;
    }

    private static ObjectNode app(AppVerdict app) {
        ObjectNode node = F.objectNode();
        node.put("id", app.id());
        node.put("status", app.status() == null ? null : app.status().jsonName());
        node.put("summary", app.summary());
        ArrayNode checkIds = node.putArray("check_ids");
        app.checkIds().forEach(checkIds::add);
        return node;
    }

    private static ObjectNode check(Check check) {
        ObjectNode node = F.objectNode();
        node.put("id", check.id());
        node.put("status", check.status() == null ? null : check.status().jsonName());
        node.put("summary", check.summary());
        node.put("fix", check.fix());
        ArrayNode hopIds = node.putArray("hop_ids");
        check.hopIds().forEach(hopIds::add);
        node.set("evidence", evidence(check.evidence()));
        if (check.isNotReached()) {
            node.put("blocked_by", check.blockedBy());
        }
        if (!check.implementations().isEmpty()) {
            ArrayNode implementations = node.putArray("implementations");
            for (ImplementationVerdict v : check.implementations()) {
                ObjectNode entry = implementations.addObject();
                entry.put("id", v.id());
                entry.put("status", v.status() == null ? null : v.status().jsonName());
                entry.put("summary", v.summary());
            }
        }
        return node;
    }

    private static ObjectNode hop(Hop hop) {
        ObjectNode node = F.objectNode();
        node.put("id", hop.id());
        node.put("lane", hop.lane() == null ? null : hop.lane().name().toLowerCase(Locale.ROOT));
        node.put("kind", hop.kind() == null ? null : hop.kind().name().toLowerCase(Locale.ROOT));
        node.put("parent_id", hop.parentId());
        node.put("label", hop.label());
        node.put("status", hop.status() == null ? null : hop.status().jsonName());
        node.put("rule", hop.rule());
        node.put("taken", hop.taken());
        node.put("detail", hop.detail());
        node.set("evidence", evidence(hop.evidence()));
        node.set("elapsed_ms", millis(hop.elapsed()));
        return node;
    }

    private static ArrayNode evidence(List<Evidence> evidence) {
        ArrayNode array = F.arrayNode();
        for (Evidence item : evidence) {
            ObjectNode node = array.addObject();
            if (item instanceof Evidence.Http http) {
                node.put("type", "http");
                node.put("method", http.method());
                node.put("url", http.url());
                node.put("connected_address", http.connectedAddress());
                node.put("port", http.port());
                node.put("sni_host", http.sniHost());
                node.put("host_header", http.hostHeader());
                node.put("status_code", http.statusCode());
                node.put("status_line", http.statusLine());
                ArrayNode headers = node.putArray("response_headers");
                http.responseHeaders().forEach(h -> headers.addObject().put("name", h.name()).put("value", h.value()));
                node.put("body_excerpt", http.bodyExcerpt());
                node.put("body_truncated", http.bodyTruncated());
                node.set("elapsed_ms", millis(http.elapsed()));
                node.put("error", http.error());
            } else if (item instanceof Evidence.Dns dns) {
                node.put("type", "dns");
                node.put("name", dns.name());
                node.put("record_type", dns.type());
                node.put("rcode", dns.rcode());
                node.put("server", dns.server());
                ArrayNode records = node.putArray("records");
                dns.records().forEach(r -> records.addObject().put("name", r.name()).put("type", r.type())
                        .put("ttl", r.ttl()).put("data", r.data()));
                node.set("elapsed_ms", millis(dns.elapsed()));
            } else if (item instanceof Evidence.Certificates certificates) {
                node.put("type", "certificates");
                ArrayNode chain = node.putArray("chain");
                for (Evidence.CertificateInfo info : certificates.chain()) {
                    ObjectNode cert = chain.addObject();
                    cert.put("subject", info.subject());
                    ArrayNode sans = cert.putArray("subject_alt_names");
                    info.subjectAltNames().forEach(sans::add);
                    cert.put("issuer", info.issuer());
                    cert.put("not_before", instant(info.notBefore()));
                    cert.put("not_after", instant(info.notAfter()));
                    cert.put("sha256_fingerprint", info.sha256Fingerprint());
                    cert.put("self_signed", info.selfSigned());
                }
                node.put("tls_version", certificates.tlsVersion());
                node.put("cipher_suite", certificates.cipherSuite());
            } else if (item instanceof Evidence.Note note) {
                node.put("type", "note");
                node.put("label", note.label());
                node.put("text", note.text());
            }
        }
        return array;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Whole milliseconds as an integer; sub-millisecond precision as an exact decimal fraction. */
    private static JsonNode millis(Duration duration) {
        if (duration == null) {
            return F.nullNode();
        }
        BigDecimal millis = BigDecimal.valueOf(duration.getSeconds()).multiply(MILLIS_PER_SECOND)
                .add(BigDecimal.valueOf(duration.getNano()).divide(NANOS_PER_MILLI));
        BigDecimal stripped = millis.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return F.numberNode(stripped.toBigIntegerExact());
        }
        return F.numberNode(stripped);
    }

    /**
     * Reads a report written by {@link #write(Report)} (unknown fields are ignored, so newer reports can be read).
     *
     * @throws ReportFormatException "not a Signpost report: …" with the reason, in the default locale
     */
    public static Report read(String json) throws ReportFormatException {
        return read(json, Locale.getDefault());
    }

    /** Like {@link #read(String)}, with the exception's sentence in {@code locale}. */
    public static Report read(String json, Locale locale) throws ReportFormatException {
        Reader reader = new Reader(new Texts("dev.signpost.core.report.messages", locale));
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw reader.error("report.notJson");
        }
        String absurd = JsonNumbers.absurd(root);
        if (absurd != null) {
            throw reader.error("report.absurdNumber", absurd);
        }
        try {
            return reader.report(root);
        } catch (RuntimeException e) {
            throw reader.error("report.unreadable");
        }
    }

    /** Reads the tree field by field, naming the path of the first field that is wrong. */
    private static final class Reader {
        private final Texts texts;

        Reader(Texts texts) {
            this.texts = texts;
        }

        ReportFormatException error(String key, Object... args) {
            return new ReportFormatException(texts.get("report.prefix", texts.get(key, args)));
        }

        Report report(JsonNode root) throws ReportFormatException {
            if (root == null || !root.isObject()) {
                throw error("report.notObject");
            }
            if (!root.has("server_name") || !root.has("checks")) {
                throw error("report.notReport");
            }
            return new Report(
                    requiredText(root, "server_name", ""),
                    text(root, "ascii_server_name", ""),
                    instant(root, "checked_at", ""),
                    duration(root, "elapsed_ms", ""),
                    text(root, "signpost_version", ""),
                    optionalObject(root, "federation", "", this::federation),
                    optionalObject(root, "client", "", this::client),
                    list(root, "hops", "", this::hop),
                    list(root, "checks", "", this::check),
                    list(root, "apps", "", this::app));
        }

        /** An app verdict; reports written before apps were judged have none, which reads as an empty list. */
        private AppVerdict app(JsonNode node, String path) throws ReportFormatException {
            return new AppVerdict(
                    requiredText(node, "id", path),
                    status(node, path),
                    text(node, "summary", path),
                    textList(node, "check_ids", path));
        }

        private FederationResult federation(JsonNode node, String path) throws ReportFormatException {
            String method = text(node, "method", path);
            FederationMethod parsedMethod = null;
            if (method != null) {
                parsedMethod = enumValue(method, path + "method", FederationMethod.values(),
                        FederationMethod::jsonName);
            }
            return new FederationResult(
                    parsedMethod,
                    optionalObject(node, "well_known", path, (wk, p) -> new WellKnownResult(
                            text(wk, "url", p), integer(wk, "http_status", p), text(wk, "m_server", p),
                            text(wk, "error", p))),
                    list(node, "srv", path, (s, p) -> new SrvEntry(requiredText(s, "name", p), text(s, "target", p),
                            requiredInt(s, "port", p), requiredInt(s, "priority", p), requiredInt(s, "weight", p),
                            requiredLong(s, "ttl", p))),
                    text(node, "host", path),
                    integer(node, "port", path),
                    text(node, "host_header", path),
                    text(node, "tls_server_name", path),
                    textList(node, "addresses", path),
                    list(node, "connections", path, (c, p) -> new ConnectionResult(
                            requiredText(c, "address", p), requiredInt(c, "port", p), bool(c, "tls_ok", p),
                            text(c, "error", p),
                            optionalObject(c, "version", p, (v, vp) -> new ServerVersion(text(v, "name", vp),
                                    text(v, "version", vp))))));
        }

        private ClientResult client(JsonNode node, String path) throws ReportFormatException {
            String state = text(node, "state", path);
            return new ClientResult(
                    state == null ? null : enumValue(state, path + "state", ClientState.values(), ClientState::name),
                    text(node, "url", path),
                    integer(node, "http_status", path),
                    text(node, "base_url", path),
                    text(node, "identity_server_url", path));
        }

        private Check check(JsonNode node, String path) throws ReportFormatException {
            return new Check(
                    requiredText(node, "id", path),
                    status(node, path),
                    text(node, "summary", path),
                    text(node, "fix", path),
                    textList(node, "hop_ids", path),
                    list(node, "evidence", path, this::evidence),
                    text(node, "blocked_by", path),
                    list(node, "implementations", path, this::implementation));
        }

        private ImplementationVerdict implementation(JsonNode node, String path) throws ReportFormatException {
            return new ImplementationVerdict(requiredText(node, "id", path), status(node, path),
                    text(node, "summary", path));
        }

        private Hop hop(JsonNode node, String path) throws ReportFormatException {
            String lane = text(node, "lane", path);
            String kind = text(node, "kind", path);
            return new Hop(
                    requiredText(node, "id", path),
                    lane == null ? null : enumValue(lane, path + "lane", Lane.values(), ReportJson::lower),
                    kind == null ? null : enumValue(kind, path + "kind", HopKind.values(), ReportJson::lower),
                    text(node, "parent_id", path),
                    text(node, "label", path),
                    status(node, path),
                    text(node, "rule", path),
                    bool(node, "taken", path),
                    text(node, "detail", path),
                    list(node, "evidence", path, this::evidence),
                    duration(node, "elapsed_ms", path));
        }

        private Evidence evidence(JsonNode node, String path) throws ReportFormatException {
            String type = requiredText(node, "type", path);
            return switch (type) {
                case "http" -> new Evidence.Http(
                        text(node, "method", path), text(node, "url", path), text(node, "connected_address", path),
                        requiredInt(node, "port", path), text(node, "sni_host", path),
                        text(node, "host_header", path), integer(node, "status_code", path),
                        text(node, "status_line", path),
                        list(node, "response_headers", path, (h, p) -> new Evidence.Header(text(h, "name", p),
                                text(h, "value", p))),
                        text(node, "body_excerpt", path), bool(node, "body_truncated", path),
                        duration(node, "elapsed_ms", path), text(node, "error", path));
                case "dns" -> new Evidence.Dns(
                        text(node, "name", path), text(node, "record_type", path), text(node, "rcode", path),
                        text(node, "server", path),
                        list(node, "records", path, (r, p) -> new Evidence.DnsRecord(text(r, "name", p),
                                text(r, "type", p), requiredLong(r, "ttl", p), text(r, "data", p))),
                        duration(node, "elapsed_ms", path));
                case "certificates" -> new Evidence.Certificates(
                        list(node, "chain", path, (c, p) -> new Evidence.CertificateInfo(text(c, "subject", p),
                                textList(c, "subject_alt_names", p), text(c, "issuer", p),
                                instant(c, "not_before", p), instant(c, "not_after", p),
                                text(c, "sha256_fingerprint", p), bool(c, "self_signed", p))),
                        text(node, "tls_version", path), text(node, "cipher_suite", path));
                case "note" -> new Evidence.Note(text(node, "label", path), text(node, "text", path));
                default -> throw error("report.badValue", path + "type", type, "http, dns, certificates, note");
            };
        }

        private Status status(JsonNode node, String path) throws ReportFormatException {
            String status = text(node, "status", path);
            return status == null ? null : enumValue(status, path + "status", Status.values(), Status::jsonName);
        }

        private <E> E enumValue(String value, String path, E[] values, Function<E, String> name)
                throws ReportFormatException {
            List<String> names = new ArrayList<>();
            for (E candidate : values) {
                if (name.apply(candidate).equals(value)) {
                    return candidate;
                }
                names.add(name.apply(candidate));
            }
            throw error("report.badValue", path, value, String.join(", ", names));
        }

        private interface Part<T> {
            T read(JsonNode node, String path) throws ReportFormatException;
        }

        private <T> T optionalObject(JsonNode parent, String field, String path, Part<T> part)
                throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isObject()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.object"));
            }
            return part.read(node, path + field + ".");
        }

        private <T> List<T> list(JsonNode parent, String field, String path, Part<T> part)
                throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.array"));
            }
            List<T> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String itemPath = path + field + "[" + i + "]";
                if (!item.isObject()) {
                    throw error("report.wrongType", itemPath, texts.get("report.kind.object"));
                }
                items.add(part.read(item, itemPath + "."));
            }
            return items;
        }

        private List<String> textList(JsonNode parent, String field, String path) throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return List.of();
            }
            if (!node.isArray()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.array"));
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw error("report.wrongType", path + field + "[" + i + "]", texts.get("report.kind.string"));
                }
                items.add(node.get(i).textValue());
            }
            return items;
        }

        private String text(JsonNode parent, String field, String path) throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.string"));
            }
            return node.textValue();
        }

        private String requiredText(JsonNode parent, String field, String path) throws ReportFormatException {
            String value = text(parent, field, path);
            if (value == null) {
                throw error("report.missing", path + field);
            }
            return value;
        }

        private boolean bool(JsonNode parent, String field, String path) throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isBoolean()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.boolean"));
            }
            return node.booleanValue();
        }

        private Integer integer(JsonNode parent, String field, String path) throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.integer"));
            }
            return node.intValue();
        }

        private int requiredInt(JsonNode parent, String field, String path) throws ReportFormatException {
            Integer value = integer(parent, field, path);
            if (value == null) {
                throw error("report.missing", path + field);
            }
            return value;
        }

        private long requiredLong(JsonNode parent, String field, String path) throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.integer"));
            }
            return node.longValue();
        }

        private Instant instant(JsonNode parent, String field, String path) throws ReportFormatException {
            String value = text(parent, field, path);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (RuntimeException e) {
                throw error("report.wrongType", path + field, texts.get("report.kind.instant"));
            }
        }

        private Duration duration(JsonNode parent, String field, String path) throws ReportFormatException {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isNumber()) {
                throw error("report.wrongType", path + field, texts.get("report.kind.number"));
            }
            try {
                BigDecimal nanos = node.decimalValue().multiply(NANOS_PER_MILLI);
                BigDecimal[] parts = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
                return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
            } catch (ArithmeticException e) {
                throw error("report.wrongType", path + field, texts.get("report.kind.number"));
            }
        }
    }

    private static <E extends Enum<E>> String lower(E value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
