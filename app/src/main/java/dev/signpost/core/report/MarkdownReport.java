package dev.signpost.core.report;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckCounts;
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

import static dev.signpost.core.report.Markup.md;
import static dev.signpost.core.report.Markup.mdCode;

/**
 * A report as Markdown to paste into a chat or an issue tracker: the verdict, what needs fixing, both chains as
 * nested lists (status as a symbol and a word, never colour alone), the checks as a table, and the raw evidence of
 * the hops that did not pass in a collapsible block. Server-supplied text is escaped so it cannot break the markup.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** The Markdown for a report, in the given language. */
    public static String write(Report report, Locale locale) {
        ExportTexts t = new ExportTexts(locale);
        StringBuilder out = new StringBuilder(8192);
        Status overall = report.overall();
        CheckCounts counts = report.counts();
        long failed = counts.failed();
        long warned = counts.warned();
        out.append("## ").append(md(t.get("report.title", report.serverName()))).append("\n\n");
        out.append("**").append(md(ExportTexts.symbol(overall) + " " + t.get("report.overall", t.status(overall))))
                .append("** — ").append(md(t.get("report.counts", String.valueOf(failed),
                        String.valueOf(report.checks().size()), String.valueOf(warned)))).append("  \n");
        out.append(md(t.get("report.meta", ExportTexts.timestamp(report.checkedAt()), report.signpostVersion(),
                ExportTexts.duration(report.elapsed())))).append("\n\n");
        if (!report.apps().isEmpty()) {
            out.append("### ").append(md(t.get("section.apps"))).append("\n\n");
            for (AppVerdict app : report.apps()) {
                out.append("- ").append(statusWord(app.status(), t)).append(' ').append(md(app.summary()))
                        .append('\n');
            }
            out.append('\n');
        }

        network(out, report, t.locale());

        Map<String, List<Check>> notReachedUnder = new HashMap<>();
        CheckGroups.of(report.checks()).forEach(g -> notReachedUnder.put(g.check().id(), g.notReached()));
        List<Check> bad = CheckGroups.problems(report.checks());
        out.append("### ").append(md(t.get("section.problems"))).append("\n\n");
        if (bad.isEmpty()) {
            out.append(md(t.get("section.noProblems"))).append("\n\n");
        } else {
            int n = 1;
            for (Check c : bad) {
                out.append(n++).append(". ").append(statusWord(c.status(), t)).append(" **").append(md(c.summary()))
                        .append("** ").append(mdCode(c.id())).append('\n');
                if (c.fix() != null) {
                    out.append("   ").append(md(t.get("fix", c.fix()))).append('\n');
                }
                for (String line : t.implementationLines(c)) {
                    out.append("   - ").append(md(line)).append('\n');
                }
                List<Check> notReached = notReachedUnder.getOrDefault(c.id(), List.of());
                if (!notReached.isEmpty()) {
                    out.append("   ").append(md(t.notReachedUnder(notReached))).append('\n');
                }
            }
            out.append('\n');
        }

        HopTree tree = HopTree.of(report.hops());
        for (Lane lane : Lane.values()) {
            if (report.hops(lane).isEmpty()) {
                continue;
            }
            out.append("### ").append(md(t.lane(lane))).append("\n\n");
            for (HopTree.Row row : tree.rows(lane)) {
                item(out, row.hop(), row.depth(), t);
            }
            out.append('\n');
        }

        out.append("### ").append(md(t.get("section.checks"))).append("\n\n");
        out.append("| ").append(md(t.get("col.status"))).append(" | ").append(md(t.get("col.check"))).append(" | ")
                .append(md(t.get("col.summary"))).append(" | ").append(md(t.get("col.fix"))).append(" |\n");
        out.append("|---|---|---|---|\n");
        for (Check c : report.checks()) {
            String fix = c.isNotReached() ? t.get("notReached.because", c.blockedBy()) : c.fix();
            out.append("| ").append(statusWord(c, t)).append(" | ").append(mdCode(c.id())).append(" | ")
                    .append(md(withImplementations(c, t))).append(" | ").append(md(fix)).append(" |\n");
        }
        out.append('\n');

        List<Hop> notPassed = report.hops().stream()
                .filter(h -> h.taken() && (h.status() == Status.FAIL || h.status() == Status.WARN))
                .filter(h -> !h.evidence().isEmpty())
                .toList();
        if (!notPassed.isEmpty()) {
            EvidenceFields fields = new EvidenceFields(t);
            out.append("<details><summary>").append(Markup.xml(t.get("evidence"))).append("</summary>\n\n");
            for (Hop hop : notPassed) {
                out.append("#### ").append(md(t.kind(hop.kind()) + ": " + hop.label())).append("\n\n");
                for (Section s : fields.sections(hop.evidence())) {
                    String block = EvidenceFields.text(s);
                    // A fence longer than any backtick run inside: nothing in the evidence can close the block.
                    String fence = "`".repeat(Math.max(3, longestBacktickRun(block) + 1));
                    out.append(fence).append('\n').append(block).append(fence).append("\n\n");
                }
            }
            out.append("</details>\n");
        }
        return out.toString();
    }

    /** One hop as an item of the nested list, indented by its depth in the {@link HopTree}. */
    private static void item(StringBuilder out, Hop hop, int depth, ExportTexts t) {
        out.append("  ".repeat(depth)).append("- ").append(statusWord(hop.status(), t)).append(' ');
        if (hop.taken()) {
            out.append("**").append(md(t.kind(hop.kind()))).append("** ").append(mdCode(hop.label()));
        } else {
            out.append('_').append(md(t.kind(hop.kind()))).append("_ ").append(mdCode(hop.label()));
        }
        if (hop.rule() != null) {
            out.append(" — _").append(md(hop.rule())).append('_');
        }
        if (!hop.taken()) {
            out.append(" — ").append(md(hop.detail() == null ? t.get("notTaken")
                    : t.get("notTaken.reason", hop.detail())));
        } else if (hop.detail() != null && hop.status() != Status.PASS) {
            out.append(" — ").append(md(hop.detail()));
        }
        out.append('\n');
    }

    /** A table cell holds one line: the implementations' verdicts follow the summary. */
    private static String withImplementations(Check c, ExportTexts t) {
        List<String> lines = t.implementationLines(c);
        return lines.isEmpty() ? c.summary() : c.summary() + " " + t.get("impl.heading") + " " + String.join("; ", lines);
    }

    private static String statusWord(Check check, ExportTexts t) {
        return check.isNotReached() ? ExportTexts.NOT_REACHED_SYMBOL + " " + md(t.status(check))
                : statusWord(check.status(), t);
    }

    /** The network the check ran in, after which apps will work, only when it was not the system's. */
    private static void network(StringBuilder out, Report report, Locale locale) {
        if (!NetworkTexts.shown(report.network())) {
            return;
        }
        NetworkTexts words = new NetworkTexts(locale);
        out.append("### ").append(md(words.heading())).append("\n\n");
        out.append(md(words.summary(report.network()))).append("\n\n");
        for (String line : words.details(report.network())) {
            out.append("- ").append(md(line)).append('\n');
        }
        out.append('\n');
        String caveat = words.caveat(report.network());
        if (caveat != null) {
            out.append(md(caveat)).append("\n\n");
        }
    }

    private static String statusWord(Status status, ExportTexts t) {
        String emoji = switch (status) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case FAIL -> "❌";
            case SKIP -> "⏭️";
            case RUNNING -> "⏳";
        };
        return emoji + " " + md(t.status(status));
    }

    private static int longestBacktickRun(CharSequence text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
