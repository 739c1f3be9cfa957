package dev.signpost.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ConnectionResult;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.WellKnownResult;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes the JSON form of a {@link Report} on Jackson's tree model, field by field in the documented order
 * ({@code docs/report-json.md}), so the model records stay free of annotations.
 */
final class ReportJsonWriter {

    private static final JsonNodeFactory F = ReportJson.NODES;
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1000);

    private ReportJsonWriter() {
    }

    /** The report as a JSON tree. */
    static ObjectNode tree(Report report) {
        ObjectNode root = F.objectNode();
        root.put("server_name", report.serverName());
        root.put("ascii_server_name", report.asciiServerName());
        root.put("checked_at", instant(report.checkedAt()));
        root.set("elapsed_ms", millis(report.elapsed()));
        root.put("signpost_version", report.signpostVersion());
        root.put("overall", report.overall().jsonName());
        ArrayNode apps = root.putArray("apps");
        report.apps().forEach(app -> apps.add(app(app)));
        if (NetworkTexts.shown(report.network())) {
            // Only when it differs from the system's: reports of ordinary checks stay as they were.
            root.set("network", network(report.network()));
        }
        root.set("federation", report.federation() == null ? F.nullNode() : federation(report.federation()));
        root.set("client", report.client() == null ? F.nullNode() : client(report.client()));
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(check -> checks.add(check(check)));
        ArrayNode hops = root.putArray("hops");
        report.hops().forEach(hop -> hops.add(hop(hop)));
        return root;
    }

    private static ObjectNode network(CheckNetwork network) {
        ObjectNode node = F.objectNode();
        node.put("dns_server", network.dnsServer());
        ArrayNode files = node.putArray("ca_files");
        for (CheckNetwork.CaFile file : network.caFiles()) {
            ObjectNode entry = files.addObject();
            entry.put("path", file.path());
            ArrayNode certificates = entry.putArray("certificates");
            for (CheckNetwork.CaCertificate certificate : file.certificates()) {
                certificates.addObject().put("subject", certificate.subject()).put("sha256", certificate.sha256());
            }
        }
        ArrayNode resolve = node.putArray("resolve");
        for (CheckNetwork.ResolveOverride override : network.resolve()) {
            resolve.addObject().put("host_port", override.hostPort()).put("address", override.address());
        }
        return node;
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
                .add(BigDecimal.valueOf(duration.getNano()).divide(ReportJson.NANOS_PER_MILLI));
        BigDecimal stripped = millis.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return F.numberNode(stripped.toBigIntegerExact());
        }
        return F.numberNode(stripped);
    }
}
