package dev.signpost.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signpost.core.io.JsonNumbers;
import dev.signpost.core.model.Report;
import dev.signpost.core.text.Texts;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The JSON form of a {@link Report} ({@code signpost check --json}, documented in {@code docs/report-json.md}):
 * snake_case keys, every field always present (null when unknown), enums in the documented spelling, instants in
 * ISO-8601, durations as milliseconds (a decimal fraction carries sub-millisecond precision, so reading back gives
 * an equal report). {@link ReportJsonWriter} writes it and {@link ReportJsonReader} reads it, both on Jackson's
 * tree model so the model records stay free of annotations.
 */
public final class ReportJson {

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build())
            .setNodeFactory(NODES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportJson() {
    }

    /** The report as pretty-printed JSON. */
    public static String write(Report report) {
        try {
            return MAPPER.writeValueAsString(ReportJsonWriter.tree(report));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; this would be a bug in Jackson.
            throw new IllegalStateException(e);
        }
    }

    /** The report as a JSON tree, for callers that embed it in something larger. */
    public static ObjectNode tree(Report report) {
        return ReportJsonWriter.tree(report);
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
        ReportJsonReader reader = new ReportJsonReader(new Texts("dev.signpost.core.report.messages", locale));
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
}
