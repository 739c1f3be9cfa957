package dev.signpost.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signpost.core.model.Evidence;
import dev.signpost.core.text.SafeText;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Evidence as labelled fields, in the order a person reads them. The HTML and Markdown reports and the diagram's
 * details pane all render these, so the same facts carry the same names everywhere.
 */
public final class EvidenceFields {

    /**
     * One labelled fact.
     *
     * @param label     what it is, e.g. "SNI"
     * @param value     the fact as text (may span lines)
     * @param monospace true for raw data (headers, bodies, records, fingerprints) best shown in a fixed font
     */
    public record Field(String label, String value, boolean monospace) {
        public Field {
            // Every view of evidence reads it from here, so this is where server text loses its controls.
            label = SafeText.oneLine(label);
            value = SafeText.lines(value);
        }
    }

    /**
     * A titled group of fields: one HTTP exchange, one DNS answer, one certificate.
     *
     * @param title  e.g. "GET https://example.com/.well-known/matrix/server"
     * @param fields the facts
     */
    public record Section(String title, List<Field> fields) {
        public Section {
            title = SafeText.oneLine(title);
            fields = List.copyOf(fields);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    // Line feeds, not the platform's separator, so exports read the same whatever machine made them.
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private final ExportTexts texts;

    public EvidenceFields(ExportTexts texts) {
        this.texts = texts;
    }

    /** The sections for a list of evidence; certificate chains give one section per certificate. */
    public List<Section> sections(List<Evidence> evidence) {
        List<Section> result = new ArrayList<>();
        for (Evidence e : evidence) {
            result.addAll(sections(e));
        }
        return result;
    }

    /** The sections for one piece of evidence. */
    public List<Section> sections(Evidence evidence) {
        if (evidence instanceof Evidence.Http http) {
            return List.of(http(http));
        } else if (evidence instanceof Evidence.Dns dns) {
            return List.of(dns(dns));
        } else if (evidence instanceof Evidence.Certificates certs) {
            return certificates(certs);
        } else if (evidence instanceof Evidence.Note note) {
            return List.of(new Section(note.label(), List.of(new Field(note.label(), note.text(), false))));
        }
        return List.of();
    }

    private Section http(Evidence.Http http) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(texts.get("http.request"), http.method() + " " + http.url(), true));
        if (http.connectedAddress() != null) {
            String address = http.connectedAddress().contains(":")
                    ? "[" + http.connectedAddress() + "]" : http.connectedAddress();
            fields.add(new Field(texts.get("http.connected"), address + ":" + http.port(), true));
        }
        if (http.sniHost() != null) {
            fields.add(new Field(texts.get("http.sni"), http.sniHost(), true));
        }
        if (http.hostHeader() != null) {
            fields.add(new Field(texts.get("http.hostHeader"), http.hostHeader(), true));
        }
        if (http.statusLine() != null || http.statusCode() != null) {
            fields.add(new Field(texts.get("http.status"),
                    http.statusLine() != null ? http.statusLine() : String.valueOf(http.statusCode()), true));
        }
        if (!http.responseHeaders().isEmpty()) {
            fields.add(new Field(texts.get("http.headers"), http.responseHeaders().stream()
                    .map(h -> h.name() + ": " + h.value()).collect(Collectors.joining("\n")), true));
        }
        if (http.bodyExcerpt() != null && !http.bodyExcerpt().isEmpty()) {
            fields.add(new Field(texts.get(http.bodyTruncated() ? "http.bodyTruncated" : "http.body"),
                    prettyBody(http.bodyExcerpt()), true));
        }
        if (http.elapsed() != null) {
            fields.add(new Field(texts.get("http.elapsed"), ExportTexts.duration(http.elapsed()), false));
        }
        if (http.error() != null) {
            fields.add(new Field(texts.get("http.error"), http.error(), false));
        }
        return new Section(http.method() + " " + http.url(), fields);
    }

    private Section dns(Evidence.Dns dns) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field(texts.get("dns.question"), dns.name() + " " + dns.type(), true));
        if (dns.rcode() != null) {
            fields.add(new Field(texts.get("dns.rcode"), dns.rcode(), true));
        }
        if (dns.server() != null) {
            fields.add(new Field(texts.get("dns.server"), dns.server(), true));
        }
        fields.add(new Field(texts.get("dns.records"), dns.records().isEmpty() ? texts.get("dns.noRecords")
                : dns.records().stream().map(r -> r.name() + " " + r.ttl() + " " + r.type() + " " + r.data())
                .collect(Collectors.joining("\n")), true));
        if (dns.elapsed() != null) {
            fields.add(new Field(texts.get("dns.elapsed"), ExportTexts.duration(dns.elapsed()), false));
        }
        return new Section(dns.type() + " " + dns.name(), fields);
    }

    private List<Section> certificates(Evidence.Certificates certs) {
        List<Section> result = new ArrayList<>();
        int total = certs.chain().size();
        for (int i = 0; i < total; i++) {
            Evidence.CertificateInfo c = certs.chain().get(i);
            List<Field> fields = new ArrayList<>();
            fields.add(new Field(texts.get("cert.subject"), c.subject(), true));
            if (!c.subjectAltNames().isEmpty()) {
                fields.add(new Field(texts.get("cert.sans"), String.join(", ", c.subjectAltNames()), true));
            }
            fields.add(new Field(texts.get("cert.issuer"), c.issuer(), true));
            fields.add(new Field(texts.get("cert.notBefore"), ExportTexts.timestamp(c.notBefore()), false));
            fields.add(new Field(texts.get("cert.notAfter"), ExportTexts.timestamp(c.notAfter()), false));
            fields.add(new Field(texts.get("cert.sha256"), c.sha256Fingerprint(), true));
            fields.add(new Field(texts.get("cert.selfSigned"), texts.get(c.selfSigned() ? "yes" : "no"), false));
            if (i == 0 && (certs.tlsVersion() != null || certs.cipherSuite() != null)) {
                fields.add(new Field(texts.get("cert.tls"), nullToEmpty(certs.tlsVersion()) + " "
                        + nullToEmpty(certs.cipherSuite()), true));
            }
            result.add(new Section(texts.get("cert.title", String.valueOf(i + 1), String.valueOf(total)) + ": "
                    + c.subject(), fields));
        }
        return result;
    }

    /**
     * The evidence as plain text a user can copy into a support request: each section's title, then one
     * {@code label: value} line per field (values of several lines indented under their label).
     */
    public String text(List<Evidence> evidence) {
        return sections(evidence).stream().map(s -> s.title() + "\n" + text(s))
                .collect(Collectors.joining("\n"));
    }

    /** One section's fields as {@code label: value} lines, each ending in a line feed. */
    public static String text(Section section) {
        StringBuilder block = new StringBuilder();
        for (Field f : section.fields()) {
            block.append(f.label()).append(f.value().contains("\n")
                    ? ":\n  " + f.value().replace("\n", "\n  ") : ": " + f.value()).append('\n');
        }
        return block.toString();
    }

    /** The body pretty-printed when it is JSON, otherwise as received. */
    public static String prettyBody(String body) {
        String trimmed = body.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return body;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return JSON.writer(PRETTY).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return body;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
