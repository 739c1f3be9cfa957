package dev.signpost.core.report;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckCounts;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.EvidenceFields.Field;
import dev.signpost.core.report.EvidenceFields.Section;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.signpost.core.report.Markup.xml;

/**
 * A report as one self-contained HTML file to attach to a support request: inline CSS, the chain as inline SVG,
 * what needs fixing first, every check and every hop with its evidence in collapsible {@code <details>}. Nothing is
 * loaded from elsewhere, so it reads the same offline. The markup is XHTML-compatible (well-formed XML), and every
 * value that came from a server or a user is escaped.
 */
public final class HtmlReport {

    private static final String CSS = String.join("\n",
            "body{font-family:'DejaVu Sans','Segoe UI',Helvetica,Arial,sans-serif;margin:0 auto;max-width:1100px;"
                    + "padding:24px;color:#24292f;background:#fff;line-height:1.45}",
            "h1{font-size:1.6em;margin:0 0 4px}h2{font-size:1.25em;margin:28px 0 10px;border-bottom:1px solid #d0d7de;"
                    + "padding-bottom:4px}h3{font-size:1.05em;margin:18px 0 8px}",
            ".meta{color:#57606a;margin:0 0 12px}",
            ".overall{font-size:1.1em;font-weight:600;padding:10px 14px;border-radius:8px;border:2px solid}",
            ".st-pass.overall{background:#dafbe1;border-color:#1a7f37}",
            ".st-warn.overall{background:#fff8c5;border-color:#bf8700}",
            ".st-fail.overall{background:#ffebe9;border-color:#cf222e}",
            ".st-skip.overall{background:#f6f8fa;border-color:#8c959f}",
            ".status{display:inline-block;min-width:6.5em;font-weight:700;white-space:nowrap}",
            ".st-pass .status,.status.st-pass{color:#1a7f37}.st-warn .status,.status.st-warn{color:#9a6700}",
            ".st-fail .status,.status.st-fail{color:#cf222e}.st-skip .status,.status.st-skip{color:#57606a}",
            ".problems li{margin-bottom:10px}.problems .fix{margin:2px 0 0}",
            ".problems .not-reached{margin:2px 0 0;color:#57606a}tr.not-reached td{color:#57606a}",
            // The chain may be wider than the text: let it use the window's width, then shrink to fit, so the
            // broken hop is on screen without scrolling.
            "#chain .chain{width:calc(100vw - 48px);position:relative;left:50%;transform:translateX(-50%);"
                    + "box-sizing:border-box;overflow-x:auto;border:1px solid #d0d7de;border-radius:8px;"
                    + "padding:6px;background:#fff}",
            ".chain svg{display:block;max-width:100%;height:auto;margin:0 auto}",
            ".legend{color:#57606a;font-size:.9em}",
            "table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:6px 8px;"
                    + "text-align:left;vertical-align:top}th{background:#f6f8fa}",
            "tr.st-fail td{background:#fff5f4}tr.st-warn td{background:#fffbe6}",
            "code,pre{font-family:'DejaVu Sans Mono',Consolas,Menlo,monospace;font-size:.9em}",
            "pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:8px;white-space:pre-wrap;"
                    + "word-break:break-all;margin:4px 0}",
            "details{margin:4px 0}summary{cursor:pointer}",
            ".hop{border-left:4px solid #d0d7de;padding:2px 10px;margin:6px 0}",
            ".hop.st-pass{border-color:#1a7f37}.hop.st-warn{border-color:#bf8700}.hop.st-fail{border-color:#cf222e}",
            ".hop.not-taken{opacity:.65;border-left-style:dashed}",
            ".rule{color:#57606a;font-style:italic}",
            "dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0 8px}",
            "dl.fields dt{font-weight:600;color:#57606a}dl.fields dd{margin:0}",
            "footer{margin-top:32px;color:#57606a;font-size:.9em;border-top:1px solid #d0d7de;padding-top:8px}",
            "@media print{details{display:block}.chain{overflow:visible}}");

    /** The dark variant: the same rules with dark colours, chosen by the reader's system or by the caller. */
    private static final String DARK_CSS = String.join("\n",
            "body{color:#e6edf3;background:#0d1117}",
            "h2{border-bottom-color:#30363d}.meta,.legend,.rule,footer,dl.fields dt{color:#9198a1}",
            ".st-pass.overall{background:#12261e;border-color:#3fb950}",
            ".st-warn.overall{background:#2e2410;border-color:#d29922}",
            ".st-fail.overall{background:#3c1618;border-color:#f85149}",
            ".st-skip.overall{background:#161b22;border-color:#6e7681}",
            ".st-pass .status,.status.st-pass{color:#3fb950}.st-warn .status,.status.st-warn{color:#d29922}",
            ".st-fail .status,.status.st-fail{color:#f85149}.st-skip .status,.status.st-skip{color:#9198a1}",
            "#chain .chain{border-color:#30363d;background:#0d1117}",
            "th,td{border-color:#30363d}th{background:#161b22}",
            "tr.st-fail td{background:#2a1215}tr.st-warn td{background:#272010}",
            "pre{background:#161b22;border-color:#30363d}footer{border-top-color:#30363d}",
            ".hop{border-left-color:#30363d}",
            ".hop.st-pass{border-color:#3fb950}.hop.st-warn{border-color:#d29922}.hop.st-fail{border-color:#f85149}",
            "a{color:#58a6ff}");

    private HtmlReport() {
    }

    /** The whole HTML document for a report, in the given language; dark when the reader's system is. */
    public static String write(Report report, Locale locale) {
        return write(report, locale, false);
    }

    /** The whole HTML document for a report, in the given language, dark by default when {@code dark}. */
    public static String write(Report report, Locale locale, boolean dark) {
        ExportTexts t = new ExportTexts(locale);
        EvidenceFields fields = new EvidenceFields(t);
        StringBuilder html = new StringBuilder(32_768);
        String title = t.get("report.title", report.serverName());
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(xml(locale.getLanguage().isEmpty() ? "en" : locale.getLanguage())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(xml(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append('\n')
                .append(dark ? DARK_CSS : "@media (prefers-color-scheme: dark){\n" + DARK_CSS + "\n}")
                .append("\n</style>\n</head>\n<body>\n");

        Status overall = report.overall();
        CheckCounts counts = report.counts();
        long failed = counts.failed();
        long warned = counts.warned();
        html.append("<header>\n<h1>").append(xml(title)).append("</h1>\n<p class=\"meta\">")
                .append(xml(t.get("report.meta", ExportTexts.timestamp(report.checkedAt()),
                        report.signpostVersion(), ExportTexts.duration(report.elapsed()))))
                .append("</p>\n<p class=\"overall st-").append(overall.jsonName()).append("\">")
                .append(xml(ExportTexts.symbol(overall) + " " + t.get("report.overall", t.status(overall))))
                .append(" — ").append(xml(t.get("report.counts", String.valueOf(failed),
                        String.valueOf(report.checks().size()), String.valueOf(warned))))
                .append("</p>\n</header>\n");

        apps(html, report, t);
        network(html, report, locale);
        problems(html, report, t);

        html.append("<section id=\"chain\">\n<h2>").append(xml(t.get("section.chain"))).append("</h2>\n")
                .append("<div class=\"chain\">\n")
                .append(SvgChain.element(report.hops(), report.checks(), t, dark)).append("</div>\n")
                .append("<p class=\"legend\"><strong>").append(xml(t.get("section.legend"))).append(":</strong> ")
                .append(xml(t.get("legend.text"))).append("</p>\n</section>\n");

        where(html, report, t);
        checks(html, report, t, fields);
        hops(html, report, t, fields);

        html.append("<footer>").append(xml(t.get("footer", report.signpostVersion()))).append("</footer>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** The network the check ran in, after which apps will work, only when it was not the system's. */
    private static void network(StringBuilder html, Report report, Locale locale) {
        if (!NetworkTexts.shown(report.network())) {
            return;
        }
        NetworkTexts words = new NetworkTexts(locale);
        html.append("<section id=\"network\">\n<h2>").append(xml(words.heading())).append("</h2>\n<p><strong>")
                .append(xml(words.summary(report.network())))
                // Inline, so the stylesheet of every other report stays as it was; long paths wrap anywhere.
                .append("</strong></p>\n<ul style=\"overflow-wrap:anywhere\">\n");
        for (String line : words.details(report.network())) {
            html.append("<li>").append(xml(line)).append("</li>\n");
        }
        html.append("</ul>\n");
        String caveat = words.caveat(report.network());
        if (caveat != null) {
            html.append("<p class=\"caveat\"><strong>").append(xml(caveat)).append("</strong></p>\n");
        }
        html.append("</section>\n");
    }

    /** "Which apps will work", first after the verdict: the answer most readers came for. */
    private static void apps(StringBuilder html, Report report, ExportTexts t) {
        if (report.apps().isEmpty()) {
            return;
        }
        html.append("<section id=\"apps\">\n<h2>").append(xml(t.get("section.apps"))).append("</h2>\n<ul>\n");
        for (AppVerdict app : report.apps()) {
            html.append("<li class=\"st-").append(app.status().jsonName()).append("\">")
                    .append(statusSpan(app.status(), t)).append(' ').append(xml(app.summary())).append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void problems(StringBuilder html, Report report, ExportTexts t) {
        html.append("<section id=\"problems\">\n<h2>").append(xml(t.get("section.problems"))).append("</h2>\n");
        Map<String, List<Check>> notReachedUnder = new HashMap<>();
        CheckGroups.of(report.checks()).forEach(g -> notReachedUnder.put(g.check().id(), g.notReached()));
        List<Check> bad = CheckGroups.problems(report.checks());
        if (bad.isEmpty()) {
            html.append("<p>").append(xml(t.get("section.noProblems"))).append("</p>\n");
        } else {
            html.append("<ol class=\"problems\">\n");
            for (Check c : bad) {
                html.append("<li class=\"st-").append(c.status().jsonName()).append("\">")
                        .append(statusSpan(c.status(), t)).append(" <strong>").append(xml(c.summary()))
                        .append("</strong> <code>").append(xml(c.id())).append("</code>");
                if (c.fix() != null) {
                    html.append("<p class=\"fix\">").append(xml(t.get("fix", c.fix()))).append("</p>");
                }
                implementations(html, c, t);
                List<Check> notReached = notReachedUnder.getOrDefault(c.id(), List.of());
                if (!notReached.isEmpty()) {
                    html.append("<p class=\"not-reached\">").append(xml(t.notReachedUnder(notReached)))
                            .append("</p>");
                }
                html.append("</li>\n");
            }
            html.append("</ol>\n");
        }
        html.append("</section>\n");
    }

    private static void where(StringBuilder html, Report report, ExportTexts t) {
        html.append("<section id=\"where\">\n<h2>").append(xml(t.get("section.where"))).append("</h2>\n<table>\n");
        FederationResult f = report.federation();
        if (f != null) {
            row(html, t.get("where.method"), f.method() == null ? t.get("where.methodFailed") : f.method().jsonName());
            if (f.wellKnown() != null) {
                String wk = f.wellKnown().url() + (f.wellKnown().httpStatus() == null ? ""
                        : " → " + f.wellKnown().httpStatus())
                        + (f.wellKnown().mServer() == null ? "" : " → m.server " + f.wellKnown().mServer())
                        + (f.wellKnown().error() == null ? "" : " (" + f.wellKnown().error() + ")");
                row(html, t.get("where.wellKnown"), wk);
            }
            row(html, t.get("where.host"), f.host());
            row(html, t.get("where.port"), f.port() == null ? null : String.valueOf(f.port()));
            row(html, t.get("where.hostHeader"), f.hostHeader());
            row(html, t.get("where.tlsName"), f.tlsServerName());
            row(html, t.get("where.addresses"), f.addresses().isEmpty() ? null : String.join(", ", f.addresses()));
        }
        ClientResult c = report.client();
        if (c != null) {
            row(html, t.get("where.clientState"), c.state() == null ? null : c.state().name());
            row(html, t.get("where.baseUrl"), c.baseUrl());
            row(html, t.get("where.identity"), c.identityServerUrl());
        }
        html.append("</table>\n</section>\n");
    }

    private static void row(StringBuilder html, String label, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        html.append("<tr><th scope=\"row\">").append(xml(label)).append("</th><td><code>").append(xml(value))
                .append("</code></td></tr>\n");
    }

    private static void checks(StringBuilder html, Report report, ExportTexts t, EvidenceFields fields) {
        html.append("<section id=\"checks\">\n<h2>").append(xml(t.get("section.checks"))).append("</h2>\n")
                .append("<table>\n<thead><tr><th>").append(xml(t.get("col.status"))).append("</th><th>")
                .append(xml(t.get("col.check"))).append("</th><th>").append(xml(t.get("col.summary")))
                .append("</th><th>").append(xml(t.get("col.fix"))).append("</th></tr></thead>\n<tbody>\n");
        for (Check c : report.checks()) {
            html.append("<tr class=\"st-").append(c.status().jsonName()).append(c.isNotReached() ? " not-reached" : "")
                    .append("\"><td>").append(c.isNotReached() ? notReachedSpan(c, t) : statusSpan(c.status(), t))
                    .append("</td><td><code>").append(xml(c.id()))
                    .append("</code></td><td>").append(xml(c.summary()));
            implementations(html, c, t);
            List<Section> sections = fields.sections(c.evidence());
            if (!sections.isEmpty()) {
                html.append("<details><summary>").append(xml(t.get("evidence"))).append("</summary>");
                sections.forEach(s -> section(html, s));
                html.append("</details>");
            }
            html.append("</td><td>").append(xml(c.isNotReached() ? t.get("notReached.because", c.blockedBy())
                    : c.fix())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** Where the implementations disagree on a check, one item each; nothing where they agree. */
    private static void implementations(StringBuilder html, Check c, ExportTexts t) {
        List<String> lines = t.implementationLines(c);
        if (lines.isEmpty()) {
            return;
        }
        html.append("<p class=\"impl\">").append(xml(t.get("impl.heading"))).append("</p><ul class=\"impl\">");
        lines.forEach(line -> html.append("<li>").append(xml(line)).append("</li>"));
        html.append("</ul>");
    }

    private static void hops(StringBuilder html, Report report, ExportTexts t, EvidenceFields fields) {
        html.append("<section id=\"hops\">\n<h2>").append(xml(t.get("section.hops"))).append("</h2>\n");
        for (Lane lane : Lane.values()) {
            List<Hop> hops = report.hops(lane);
            if (hops.isEmpty()) {
                continue;
            }
            html.append("<h3>").append(xml(t.lane(lane))).append("</h3>\n");
            for (Hop hop : hops) {
                int index = report.hops().indexOf(hop);
                html.append("<div class=\"hop st-").append(hop.status().jsonName())
                        .append(hop.taken() ? "" : " not-taken").append("\" id=\"hop-").append(index).append('-')
                        .append(anchor(hop.id()))
                        .append("\">\n<details").append(hop.status() == Status.FAIL ? " open=\"open\"" : "")
                        .append("><summary>").append(statusSpan(hop.status(), t)).append(' ')
                        .append(xml(t.kind(hop.kind()))).append(": <code>").append(xml(hop.label()))
                        .append("</code>");
                if (hop.rule() != null) {
                    html.append(" <span class=\"rule\">(").append(xml(hop.rule())).append(")</span>");
                }
                if (!hop.taken()) {
                    html.append(" <span class=\"rule\">— ").append(xml(t.get("notTaken"))).append("</span>");
                }
                html.append("</summary>\n");
                if (hop.detail() != null) {
                    html.append("<p>").append(xml(hop.taken() ? hop.detail()
                            : t.get("notTaken.reason", hop.detail()))).append("</p>\n");
                }
                if (hop.elapsed() != null) {
                    html.append("<p class=\"meta\">").append(xml(t.get("hop.elapsed"))).append(": ")
                            .append(xml(ExportTexts.duration(hop.elapsed()))).append("</p>\n");
                }
                List<Section> sections = fields.sections(hop.evidence());
                sections.forEach(s -> section(html, s));
                html.append("</details>\n</div>\n");
            }
        }
        html.append("</section>\n");
    }

    private static void section(StringBuilder html, Section section) {
        html.append("<h4>").append(xml(section.title())).append("</h4>\n<dl class=\"fields\">\n");
        for (Field f : section.fields()) {
            html.append("<dt>").append(xml(f.label())).append("</dt><dd>");
            if (f.monospace() && f.value().contains("\n")) {
                html.append("<pre>").append(xml(f.value())).append("</pre>");
            } else if (f.monospace()) {
                html.append("<code>").append(xml(f.value())).append("</code>");
            } else {
                html.append(xml(f.value()));
            }
            html.append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    private static String notReachedSpan(Check check, ExportTexts t) {
        return "<span class=\"status st-skip not-reached\">" + xml(ExportTexts.symbol(check) + " " + t.status(check))
                + "</span>";
    }

    private static String statusSpan(Status status, ExportTexts t) {
        return "<span class=\"status st-" + status.jsonName() + "\">" + xml(ExportTexts.symbol(status) + " "
                + t.status(status)) + "</span>";
    }

    /** An id attribute value made of safe characters only, derived from the hop id. */
    private static String anchor(String id) {
        StringBuilder out = new StringBuilder();
        for (char c : id.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
        }
        return out.toString();
    }
}
