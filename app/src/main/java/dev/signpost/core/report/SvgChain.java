package dev.signpost.core.report;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.Edge;
import dev.signpost.core.report.ChainLayout.Group;
import dev.signpost.core.report.ChainLayout.LaneBand;
import dev.signpost.core.report.ChainLayout.NodeBox;

import java.util.List;
import java.util.Locale;

import static dev.signpost.core.report.Markup.clip;
import static dev.signpost.core.report.Markup.xml;

/**
 * The resolution chain as a standalone SVG image, drawn from {@link ChainLayout} exactly like the diagram in the
 * wizard: lanes, address-family frames, edges with their rules, and one box per hop with its kind icon, label and a
 * status badge whose shape (not only its colour) tells the status. Not-taken branches are faint and dashed, with the
 * reason. Each box carries a {@code <title>} with the hop's detail, which viewers show on hover.
 */
public final class SvgChain {

    private static final String STYLE = String.join("\n",
            ".bg{fill:#ffffff}",
            ".lane{fill:#f6f8fa;stroke:#d0d7de;stroke-width:1}",
            ".lane-title{font-size:13px;font-weight:600;fill:#24292f}",
            ".group{stroke-width:1;stroke-dasharray:4 3}",
            ".group.ipv4{fill:#eef6ff;stroke:#8cb4e8}",
            ".group.ipv6{fill:#f4efff;stroke:#b39ae6}",
            ".group-tag{font-size:11px;font-weight:700;fill:#57606a}",
            ".edge{fill:none;stroke:#8c959f;stroke-width:1.5}",
            ".edge.st-fail{stroke:#cf222e;stroke-width:2.2}",
            ".edge.st-warn{stroke:#9a6700}",
            ".edge.not-taken{stroke-dasharray:5 4;opacity:.55}",
            ".rule{font-size:10.5px;font-style:italic;fill:#57606a}",
            ".box{fill:#ffffff;stroke-width:1.3}",
            ".node.st-pass .box{stroke:#1a7f37}",
            ".node.st-warn .box{stroke:#9a6700;fill:#fff8c5;stroke-width:2}",
            ".node.st-fail .box{stroke:#cf222e;fill:#ffebe9;stroke-width:2.8}",
            ".node.st-skip .box{stroke:#8c959f;stroke-dasharray:3 3}",
            ".node.st-running .box{stroke:#0969da;stroke-dasharray:6 3}",
            ".node.not-taken{opacity:.5}",
            ".node.not-taken .box{stroke-dasharray:5 4;fill:#f6f8fa}",
            ".icon{fill:none;stroke:#24292f;stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}",
            ".kind{font-size:10.5px;fill:#57606a}",
            ".label{font-size:12.5px;font-weight:600;fill:#24292f}",
            ".reason{font-size:11px;font-style:italic;fill:#57606a}",
            ".badge-glyph{fill:none;stroke:#ffffff;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}",
            ".st-pass .badge-shape{fill:#1a7f37}",
            ".st-warn .badge-shape{fill:#bf8700}",
            ".st-fail .badge-shape{fill:#cf222e}",
            ".st-skip .badge-shape{fill:#8c959f}",
            ".st-running .badge-shape{fill:#0969da}",
            ".family-tag{font-size:9.5px;font-weight:700;fill:#57606a}");

    private SvgChain() {
    }

    /** A standalone SVG document of the report's chain, with English lane titles. */
    public static String write(Report report) {
        return write(report, Locale.ENGLISH);
    }

    /** A standalone SVG document of the report's chain. */
    public static String write(Report report, Locale locale) {
        return write(report.hops(), locale);
    }

    /** A standalone SVG document of the given hops (for a chain still filling in). */
    public static String write(List<Hop> hops, Locale locale) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(hops, new ExportTexts(locale));
    }

    /** The {@code <svg>} element alone, for embedding in an HTML page. */
    static String element(List<Hop> hops, ExportTexts texts) {
        ChainLayout layout = ChainLayout.of(hops);
        StringBuilder svg = new StringBuilder(8192);
        String w = num(layout.width());
        String h = num(layout.height());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif\" role=\"img\">\n");
        svg.append("<title>").append(xml(texts.get("section.chain"))).append("</title>\n");
        svg.append("<defs><style>").append(STYLE).append("</style>\n")
                .append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" "
                        + "fill=\"#8c959f\"/></marker>\n")
                .append("<marker id=\"arrow-fail\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                        + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" "
                        + "fill=\"#cf222e\"/></marker></defs>\n");
        svg.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\"/>\n");
        for (LaneBand lane : layout.lanes()) {
            svg.append("<rect class=\"lane\" x=\"").append(num(lane.x())).append("\" y=\"").append(num(lane.y()))
                    .append("\" width=\"").append(num(lane.width())).append("\" height=\"")
                    .append(num(lane.height())).append("\" rx=\"10\"/>\n");
            svg.append("<text class=\"lane-title\" x=\"").append(num(lane.x() + 12)).append("\" y=\"")
                    .append(num(lane.y() + 18)).append("\">").append(xml(texts.lane(lane.lane())))
                    .append("</text>\n");
        }
        for (Group group : layout.groups()) {
            String cls = group.family() == AddressFamily.IPV6 ? "ipv6" : "ipv4";
            svg.append("<rect class=\"group ").append(cls).append("\" x=\"").append(num(group.x()))
                    .append("\" y=\"").append(num(group.y())).append("\" width=\"").append(num(group.width()))
                    .append("\" height=\"").append(num(group.height())).append("\" rx=\"8\"/>\n");
            svg.append("<text class=\"group-tag\" text-anchor=\"end\" x=\"")
                    .append(num(group.x() + group.width() - 7)).append("\" y=\"").append(num(group.y() + 15))
                    .append("\">").append(xml(texts.family(group.family()))).append("</text>\n");
        }
        for (Edge edge : layout.edges()) {
            svg.append("<path class=\"edge").append(statusClass(edge.status()))
                    .append(edge.taken() ? "" : " not-taken").append("\" d=\"").append(edgePath(edge))
                    .append("\" marker-end=\"url(#").append(edge.status() == Status.FAIL ? "arrow-fail" : "arrow")
                    .append(")\"/>\n");
        }
        for (NodeBox box : layout.nodes()) {
            node(svg, box, texts);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void node(StringBuilder svg, NodeBox box, ExportTexts texts) {
        Hop hop = box.hop();
        String caption = hop.rule() != null ? hop.rule() : (hop.taken() ? null : texts.get("notTaken"));
        if (caption != null) {
            int chars = (int) ((box.width() + ChainLayout.COLUMN_GAP / 2) / 5.6);
            svg.append("<text class=\"rule\" x=\"").append(num(box.x() + 2)).append("\" y=\"")
                    .append(num(box.y() - 4)).append("\">").append(xml(clip(caption, chars))).append("</text>\n");
        }
        svg.append("<g class=\"node").append(statusClass(hop.status())).append(hop.taken() ? "" : " not-taken")
                .append("\" data-hop=\"").append(xml(hop.id())).append("\">");
        svg.append("<title>").append(xml(tooltip(hop, texts))).append("</title>");
        svg.append("<rect class=\"box\" x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"7\"/>");
        svg.append("<path class=\"icon\" transform=\"translate(").append(num(box.x() + 9)).append(' ')
                .append(num(box.y() + 13)).append(")\" d=\"").append(ChainIcons.kind(hop.kind())).append("\"/>");
        double textX = box.x() + 42;
        int labelChars = (int) ((box.width() - ChainLayout.NODE_CHROME) / 7.6);
        String kindLine = texts.kind(hop.kind());
        if (hop.kind() == dev.signpost.core.model.HopKind.ADDRESS && box.family() != AddressFamily.NONE) {
            kindLine = kindLine + " · " + texts.family(box.family());
        }
        svg.append("<text class=\"kind\" x=\"").append(num(textX)).append("\" y=\"").append(num(box.y() + 18))
                .append("\">").append(xml(clip(kindLine, (int) ((box.width() - ChainLayout.NODE_CHROME) / 6.2))))
                .append("</text>");
        svg.append("<text class=\"label\" x=\"").append(num(textX)).append("\" y=\"").append(num(box.y() + 36))
                .append("\">").append(xml(clip(hop.label(), labelChars))).append("</text>");
        if (!hop.taken() && hop.detail() != null) {
            svg.append("<text class=\"reason\" x=\"").append(num(box.x() + 4)).append("\" y=\"")
                    .append(num(box.bottom() + 12)).append("\">")
                    .append(xml(clip(hop.detail(), (int) ((box.width() + ChainLayout.COLUMN_GAP) / 5.9))))
                    .append("</text>");
        }
        svg.append("<g transform=\"translate(").append(num(box.right() - 23)).append(' ')
                .append(num(box.y() + 7)).append(")\"><path class=\"badge-shape\" d=\"")
                .append(ChainIcons.badgeShape(hop.status())).append("\"/><path class=\"badge-glyph\" d=\"")
                .append(ChainIcons.badgeGlyph(hop.status())).append("\"/></g>");
        svg.append("</g>\n");
    }

    /** What a viewer shows on hover: kind, value, status, and the detail when there is one. */
    static String tooltip(Hop hop, ExportTexts texts) {
        StringBuilder text = new StringBuilder();
        text.append(texts.kind(hop.kind())).append(": ").append(hop.label() == null ? "" : hop.label())
                .append(" — ").append(texts.status(hop.status()));
        if (!hop.taken()) {
            text.append(" (").append(texts.get("notTaken")).append(')');
        }
        if (hop.detail() != null) {
            text.append('\n').append(hop.detail());
        }
        return text.toString();
    }

    private static String edgePath(Edge edge) {
        double bend = ChainLayout.COLUMN_GAP / 2;
        return "M" + num(edge.x1()) + " " + num(edge.y1()) + "C" + num(edge.x1() + bend) + " " + num(edge.y1())
                + " " + num(edge.x2() - bend) + " " + num(edge.y2()) + " " + num(edge.x2() - 1) + " "
                + num(edge.y2());
    }

    private static String statusClass(Status status) {
        return " st-" + status.jsonName();
    }

    /** Coordinates with at most one decimal, locale-independent, so output is stable and compact. */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }
}
