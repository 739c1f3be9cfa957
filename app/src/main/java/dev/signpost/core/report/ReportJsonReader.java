package dev.signpost.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckNetwork;
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
import java.util.function.Predicate;

/** Reads a report tree field by field, naming the path of the first field that is wrong. */
final class ReportJsonReader {
    private final Texts texts;

    ReportJsonReader(Texts texts) {
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
                list(root, "apps", "", this::app),
                optionalObject(root, "network", "", this::network));
    }

    /** The network the check ran in; reports of checks on the system's network (and older ones) have none. */
    private CheckNetwork network(JsonNode node, String path) throws ReportFormatException {
        return new CheckNetwork(
                text(node, "dns_server", path),
                list(node, "ca_files", path, (file, at) -> new CheckNetwork.CaFile(requiredText(file, "path", at),
                        list(file, "certificates", at, (c, p) -> new CheckNetwork.CaCertificate(
                                text(c, "subject", p), text(c, "sha256", p))))),
                list(node, "resolve", path, (o, at) -> new CheckNetwork.ResolveOverride(
                        requiredText(o, "host_port", at), requiredText(o, "address", at))));
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
                lane == null ? null : enumValue(lane, path + "lane", Lane.values(), ReportJsonReader::lower),
                kind == null ? null : enumValue(kind, path + "kind", HopKind.values(), ReportJsonReader::lower),
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
        return optional(parent, field, path, JsonNode::isTextual, "report.kind.string", JsonNode::textValue);
    }

    private String requiredText(JsonNode parent, String field, String path) throws ReportFormatException {
        return required(text(parent, field, path), field, path);
    }

    private boolean bool(JsonNode parent, String field, String path) throws ReportFormatException {
        JsonNode node = parent.get(field);
        if (node == null || !node.isBoolean()) {
            throw error("report.wrongType", path + field, texts.get("report.kind.boolean"));
        }
        return node.booleanValue();
    }

    private Integer integer(JsonNode parent, String field, String path) throws ReportFormatException {
        return optional(parent, field, path, n -> n.isIntegralNumber() && n.canConvertToInt(), "report.kind.integer",
                JsonNode::intValue);
    }

    private int requiredInt(JsonNode parent, String field, String path) throws ReportFormatException {
        return required(integer(parent, field, path), field, path);
    }

    /**
     * The one reading of an optional field: null when absent or JSON null, the value when it has the type
     * {@code kind} names, else the one wrong-type sentence.
     */
    private <T> T optional(JsonNode parent, String field, String path, Predicate<JsonNode> fits, String kind,
                           Function<JsonNode, T> read) throws ReportFormatException {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!fits.test(node)) {
            throw error("report.wrongType", path + field, texts.get(kind));
        }
        return read.apply(node);
    }

    private <T> T required(T value, String field, String path) throws ReportFormatException {
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
            BigDecimal nanos = node.decimalValue().multiply(ReportJson.NANOS_PER_MILLI);
            BigDecimal[] parts = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
            return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
        } catch (ArithmeticException e) {
            throw error("report.wrongType", path + field, texts.get("report.kind.number"));
        }
    }

    private static <E extends Enum<E>> String lower(E value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
