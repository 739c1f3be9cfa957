package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.Edge;
import dev.signpost.core.report.ChainLayout.Group;
import dev.signpost.core.report.ChainLayout.LaneBand;
import dev.signpost.core.report.ChainLayout.NodeBox;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static dev.signpost.core.report.Markup.xml;

/**
 * The resolution chain as a standalone SVG image, drawn from {@link ChainLayout} and {@link ChainCaptions} exactly
 * like the diagram in the wizard: lanes, address-family frames, edges, and one box per hop with its kind icon, value,
 * fix and a status badge whose shape (not only its colour) tells the status. Exports keep the whole chain: nothing
 * is folded. Not-taken branches are faint and dashed, with the reason. Each box carries a {@code <title>} with the
 * hop's detail, which viewers show on hover.
 *
 * <p>Light by default, following the viewer's dark mode where it has one; {@code dark} makes dark the default.
 */
public final class SvgChain {

    /** Colours of the light and dark variants, in the order {@link #style} uses them. */
    private static final String[] LIGHT = {"#ffffff", "#f6f8fa", "#d0d7de", "#24292f", "#57606a", "#eef6ff",
            "#8cb4e8", "#f4efff", "#b39ae6", "#8c959f", "#cf222e", "#9a6700", "#fff8c5", "#ffebe9", "#1a7f37",
            "#0969da", "#bf8700"};
    private static final String[] DARK = {"#0d1117", "#161b22", "#30363d", "#e6edf3", "#9198a1", "#0f2136",
            "#1f6feb", "#1e1633", "#8957e5", "#6e7681", "#f85149", "#d29922", "#2e2410", "#3c1618", "#3fb950",
            "#58a6ff", "#d29922"};

    private SvgChain() {
    }

    /** A standalone SVG document of the report's chain, with English lane titles. */
    public static String write(Report report) {
        return write(report, Locale.ENGLISH);
    }

    /** A standalone SVG document of the report's chain. */
    public static String write(Report report, Locale locale) {
        return write(report, locale, false);
    }

    /** A standalone SVG document of the report's chain, dark or light by default. */
    public static String write(Report report, Locale locale, boolean dark) {
        return write(report.hops(), report.checks(), locale, dark);
    }

    /** A standalone SVG document of the given hops (for a chain still filling in). */
    public static String write(List<Hop> hops, Locale locale) {
        return write(hops, List.of(), locale, false);
    }

    /** A standalone SVG document of hops and the checks whose fixes are written beside them. */
    public static String write(List<Hop> hops, Collection<Check> checks, Locale locale, boolean dark) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(hops, checks, new ExportTexts(locale), dark);
    }

    /** The {@code <svg>} element alone, for embedding in an HTML page. */
    static String element(List<Hop> hops, Collection<Check> checks, ExportTexts texts, boolean dark) {
        ChainLayout layout = ChainLayout.of(hops, ChainLayout.Options.full(ChainFindings.fixes(hops, checks)));
        StringBuilder svg = new StringBuilder(8192);
        String w = num(layout.width());
        String h = num(layout.height());
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" font-family=\"DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif\" role=\"img\">\n");
        svg.append("<title>").append(xml(texts.get("section.chain"))).append("</title>\n");
        svg.append("<defs><style>").append(style(dark ? DARK : LIGHT))
                .append("@media (prefers-color-scheme: dark){").append(style(DARK)).append("}")
                .append("</style></defs>\n");
        svg.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\"/>\n");
        for (LaneBand lane : layout.lanes()) {
            svg.append("<rect class=\"lane\" x=\"").append(num(lane.x())).append("\" y=\"").append(num(lane.y()))
                    .append("\" width=\"").append(num(lane.width())).append("\" height=\"")
                    .append(num(lane.height())).append("\" rx=\"10\"/>\n");
            svg.append("<text class=\"lane-title\" x=\"").append(num(lane.x() + 12)).append("\" y=\"")
                    .append(num(lane.y() + 19)).append("\">").append(xml(texts.lane(lane.lane())))
                    .append("</text>\n");
        }
        for (Group group : layout.groups()) {
            String cls = group.family() == AddressFamily.IPV6 ? "ipv6" : "ipv4";
            svg.append("<rect class=\"group ").append(cls).append("\" x=\"").append(num(group.x()))
                    .append("\" y=\"").append(num(group.y())).append("\" width=\"").append(num(group.width()))
                    .append("\" height=\"").append(num(group.height())).append("\" rx=\"8\"/>\n");
            svg.append("<text class=\"group-tag\" text-anchor=\"end\" x=\"")
                    .append(num(group.x() + group.width() - 8)).append("\" y=\"").append(num(group.y() + 12))
                    .append("\">").append(xml(texts.family(group.family()))).append("</text>\n");
        }
        for (Edge edge : layout.edges()) {
            String cls = "edge" + statusClass(edge.status()) + (edge.taken() ? "" : " not-taken");
            svg.append("<polyline class=\"").append(cls).append("\" points=\"").append(points(edge.points()))
                    .append("\"/><polygon class=\"arrow").append(statusClass(edge.status()))
                    .append(edge.taken() ? "" : " not-taken").append("\" points=\"").append(points(edge.arrow()))
                    .append("\"/>\n");
        }
        for (NodeBox box : layout.nodes()) {
            node(svg, box, texts, checks);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void node(StringBuilder svg, NodeBox box, ExportTexts texts, Collection<Check> checks) {
        Hop hop = box.hop();
        ChainCaptions.Texts words = ChainCaptions.of(box, texts);
        if (words.caption() != null) {
            svg.append("<text class=\"rule\" x=\"").append(num(box.x() + ChainCaptions.CAPTION_X)).append("\" y=\"")
                    .append(num(box.y() + ChainCaptions.CAPTION_BASELINE)).append("\">").append(xml(words.caption()))
                    .append("</text>\n");
        }
        svg.append("<g class=\"node").append(statusClass(hop.status())).append(hop.taken() ? "" : " not-taken")
                .append("\" data-hop=\"").append(xml(hop.id())).append("\">");
        svg.append("<title>").append(xml(ChainCaptions.tooltip(hop, checks, texts))).append("</title>");
        svg.append("<rect class=\"box\" x=\"").append(num(box.x())).append("\" y=\"").append(num(box.y()))
                .append("\" width=\"").append(num(box.width())).append("\" height=\"").append(num(box.height()))
                .append("\" rx=\"7\"/>");
        svg.append("<path class=\"icon\" transform=\"translate(").append(num(box.x() + 11)).append(' ')
                .append(num(box.y() + 12)).append(")\" d=\"").append(ChainIcons.kind(hop.kind())).append("\"/>");
        double textX = box.x() + ChainLayout.TEXT_INSET;
        svg.append("<text class=\"kind\" x=\"").append(num(textX)).append("\" y=\"")
                .append(num(box.y() + ChainCaptions.KIND_BASELINE)).append("\">").append(xml(words.kind()))
                .append("</text>");
        svg.append("<text class=\"label\" x=\"").append(num(textX)).append("\" y=\"")
                .append(num(box.y() + ChainCaptions.LABEL_BASELINE)).append("\">").append(xml(words.label()))
                .append("</text>");
        if (words.fix() != null) {
            svg.append("<text class=\"fix\" x=\"").append(num(box.x() + ChainCaptions.FIX_X)).append("\" y=\"")
                    .append(num(box.y() + ChainCaptions.FIX_BASELINE)).append("\">").append(xml(words.fix()))
                    .append("</text>");
        }
        svg.append("<g transform=\"translate(").append(num(box.right() - ChainCaptions.BADGE_FROM_RIGHT))
                .append(' ').append(num(box.y() + ChainCaptions.BADGE_TOP)).append(")\"><path class=\"badge-shape\" d=\"")
                .append(ChainIcons.badgeShape(hop.status())).append("\"/><path class=\"badge-glyph\" d=\"")
                .append(ChainIcons.badgeGlyph(hop.status())).append("\"/></g>");
        svg.append("</g>\n");
    }

    /** The drawing's rules in one palette (see {@link #LIGHT}). */
    private static String style(String[] c) {
        return String.join("",
                ".bg{fill:" + c[0] + "}",
                ".lane{fill:" + c[1] + ";stroke:" + c[2] + ";stroke-width:1}",
                ".lane-title{font-size:13px;font-weight:600;fill:" + c[3] + "}",
                ".group{stroke-width:1;stroke-dasharray:4 3}",
                ".group.ipv4{fill:" + c[5] + ";stroke:" + c[6] + "}",
                ".group.ipv6{fill:" + c[7] + ";stroke:" + c[8] + "}",
                ".group-tag{font-size:11px;font-weight:700;fill:" + c[4] + "}",
                ".edge{fill:none;stroke:" + c[9] + ";stroke-width:1.5}",
                ".arrow{fill:" + c[9] + "}.arrow.st-fail{fill:" + c[10] + "}.arrow.not-taken{opacity:.55}",
                ".edge.st-fail{stroke:" + c[10] + ";stroke-width:2.2}",
                ".edge.st-warn{stroke:" + c[11] + "}",
                ".edge.not-taken{stroke-dasharray:5 4;opacity:.55}",
                ".rule{font-size:11px;font-style:italic;fill:" + c[4] + "}",
                ".box{fill:" + c[0] + ";stroke-width:1.3}",
                ".node.st-pass .box{stroke:" + c[14] + "}",
                ".node.st-warn .box{stroke:" + c[11] + ";fill:" + c[12] + ";stroke-width:2}",
                ".node.st-fail .box{stroke:" + c[10] + ";fill:" + c[13] + ";stroke-width:2.8}",
                ".node.st-skip .box{stroke:" + c[9] + ";stroke-dasharray:3 3}",
                ".node.st-running .box{stroke:" + c[15] + ";stroke-dasharray:6 3}",
                ".node.not-taken{opacity:.6}",
                ".node.not-taken .box{stroke-dasharray:5 4;fill:" + c[1] + "}",
                ".icon{fill:none;stroke:" + c[3] + ";stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}",
                ".kind{font-size:11px;fill:" + c[4] + "}",
                ".label{font-size:13px;font-weight:600;fill:" + c[3] + "}",
                ".fix{font-size:12px;font-weight:600;fill:" + c[3] + "}",
                ".badge-glyph{fill:none;stroke:#ffffff;stroke-width:1.8;stroke-linecap:round;stroke-linejoin:round}",
                ".st-pass .badge-shape{fill:" + c[14] + "}",
                ".st-warn .badge-shape{fill:" + c[16] + "}",
                ".st-fail .badge-shape{fill:" + c[10] + "}",
                ".st-skip .badge-shape{fill:" + c[9] + "}",
                ".st-running .badge-shape{fill:" + c[15] + "}");
    }

    private static String points(double[] xy) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(num(xy[i])).append(',').append(num(xy[i + 1]));
        }
        return out.toString();
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
