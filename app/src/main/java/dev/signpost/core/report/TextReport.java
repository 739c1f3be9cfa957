package dev.signpost.core.report;

import dev.signpost.core.model.AppVerdict;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckCounts;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.text.SafeText;
import dev.signpost.core.text.Texts;

import java.util.List;
import java.util.Locale;

/**
 * The readable text rendering of a {@link Report}, as {@code signpost check} prints it: each lane's chain hop by
 * hop (indented by the edge it was reached by, with the rule applied and the branches not taken), then every
 * check with its fix. ANSI colour only when asked for; the caller decides (a terminal, and no {@code NO_COLOR}).
 */
public final class TextReport {

    private static final String BUNDLE = "dev.signpost.core.report.textreport";
    private static final String RESET = "\u001b[0m";

    private final Texts texts;
    private final ExportTexts exports;
    private final boolean colour;

    /**
     * @param locale the language of headings and labels
     * @param colour true to mark statuses with ANSI colours
     */
    public TextReport(Locale locale, boolean colour) {
        this.texts = new Texts(BUNDLE, locale);
        this.exports = new ExportTexts(locale);
        this.colour = colour;
    }

    /** The whole report as text, ending with a newline. */
    public String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(safe(texts.get("title", report.serverName(), report.signpostVersion(),
                String.format(Locale.ROOT, "%.1f", report.elapsed().toMillis() / 1000.0)))).append('\n');
        if (!report.asciiServerName().equalsIgnoreCase(report.serverName())) {
            out.append(safe(texts.get("punycode", report.asciiServerName()))).append('\n');
        }
        if (!report.apps().isEmpty()) {
            // The answer most readers came for opens the report: which apps will work.
            out.append('\n').append(bold(texts.get("apps"))).append('\n');
            for (AppVerdict app : report.apps()) {
                out.append("  ").append(tag(app.status())).append(' ').append(app.summary()).append('\n');
            }
        }
        network(out, report);
        lane(out, report, Lane.FEDERATION, texts.get("lane.federation"));
        lane(out, report, Lane.CLIENT, texts.get("lane.client"));
        lane(out, report, Lane.APPS, texts.get("lane.apps"));
        out.append('\n').append(bold(texts.get("checks"))).append('\n');
        int width = report.checks().stream().mapToInt(c -> safe(c.id()).length()).max().orElse(10);
        String under = "  " + " ".repeat(6 + 1 + width + 2);
        for (CheckGroups.Group group : CheckGroups.of(report.checks())) {
            Check check = group.check();
            out.append("  ").append(tag(check)).append(' ')
                    .append(pad(safe(check.id()), width)).append("  ").append(safe(check.summary())).append('\n');
            if (check.fix() != null) {
                out.append(under).append(safe(texts.get("fix", check.fix()))).append('\n');
            }
            for (String line : exports.implementationLines(check)) {
                out.append(under).append(safe(line)).append('\n');
            }
            // The checks this failure kept from running, under it: one root cause, read once.
            for (Check notReached : group.notReached()) {
                out.append(under).append(grey("↳ " + texts.get("notReached", notReached.id()))).append(' ')
                        .append(safe(notReached.summary())).append('\n');
            }
        }
        CheckCounts n = report.counts();
        out.append('\n').append(bold(texts.get(n.failed() > 0 ? "result.fail" : "result.ok", n.failed(), n.warned(),
                n.passed(), n.skipped(), n.notReached()))).append('\n');
        return out.toString();
    }

    /**
     * The network the check ran in, after which apps will work (the answer that opens every report) and before the
     * chains it shaped; only when it was not the system's.
     */
    private void network(StringBuilder out, Report report) {
        if (!NetworkTexts.shown(report.network())) {
            return;
        }
        NetworkTexts words = new NetworkTexts(texts.locale());
        out.append('\n').append(bold(words.summary(report.network()))).append('\n');
        for (String line : words.details(report.network())) {
            out.append("  ").append(safe(line)).append('\n');
        }
        String caveat = words.caveat(report.network());
        if (caveat != null) {
            out.append("  ").append(safe(caveat)).append('\n');
        }
    }

    private void lane(StringBuilder out, Report report, Lane lane, String heading) {
        List<HopTree.Row> rows = HopTree.of(report.hops()).rows(lane);
        if (rows.isEmpty()) {
            return;
        }
        out.append('\n').append(bold(heading)).append('\n');
        for (HopTree.Row row : rows) {
            Hop hop = row.hop();
            String indent = "  " + "  ".repeat(row.depth());
            String tag = hop.taken() ? tag(hop.status()) : grey("[ -- ]");
            out.append(indent).append(tag).append(' ').append(safe(hop.label()));
            if (!hop.taken()) {
                out.append(' ').append(grey(texts.get("notTaken")));
            }
            if (hop.elapsed() != null) {
                out.append(grey("  (" + hop.elapsed().toMillis() + " ms)"));
            }
            out.append('\n');
            String sub = indent + "       ";
            if (hop.rule() != null) {
                out.append(sub).append(grey(texts.get("rule", hop.rule()))).append('\n');
            }
            if (hop.detail() != null && !hop.detail().isBlank()) {
                out.append(sub).append(safe(hop.detail())).append('\n');
            }
        }
    }

    private String tag(Check check) {
        return check.isNotReached() ? grey("[ ↳  ]") : tag(check.status());
    }

    private String tag(Status status) {
        return switch (status) {
            case PASS -> paint("[ ok ]", "\u001b[32m");
            case WARN -> paint("[warn]", "\u001b[33m");
            case FAIL -> paint("[FAIL]", "\u001b[1;31m");
            case SKIP -> grey("[skip]");
            case RUNNING -> paint("[ .. ]", "\u001b[36m");
        };
    }

    private String grey(String text) {
        return paint(text, "\u001b[90m");
    }

    private String bold(String text) {
        return paint(text, "\u001b[1m");
    }

    private String paint(String text, String code) {
        return colour ? code + safe(text) + RESET : safe(text);
    }

    /**
     * The one way a value reaches the terminal: a report read from a server's answers may carry escape sequences,
     * backspaces, carriage returns or bidi overrides that would print a fake verdict over the real one.
     */
    private static String safe(String value) {
        return SafeText.oneLine(value);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
