package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.CheckNetwork;
import dev.signpost.core.model.Hop;
import dev.signpost.core.text.SafeText;

import java.util.List;
import java.util.Locale;

import static dev.signpost.core.report.Markup.md;
import static dev.signpost.core.report.Markup.mdCode;

/**
 * The differences {@link ReportDiff} found, and their text and Markdown renderings.
 *
 * @param beforeName server name of the first report
 * @param afterName  server name of the second report
 * @param hops       hop changes: added, removed, or changed in status, label, rule, taken or parent
 * @param checks     check changes: added, removed, or changed in status
 * @param beforeNetwork the network the first report's check ran in
 * @param afterNetwork  the network the second report's check ran in
 */
public record ReportDiffResult(String beforeName, String afterName, List<HopChange> hops, List<CheckChange> checks,
                               CheckNetwork beforeNetwork, CheckNetwork afterNetwork) {

    /** What happened to a hop or a check. */
    public enum Change {
        ADDED,
        REMOVED,
        CHANGED
    }

    /**
     * One hop's change.
     *
     * @param fields for {@link Change#CHANGED}: which of status, label, rule, taken, parent differ
     */
    public record HopChange(Change change, String id, Hop before, Hop after, List<String> fields) {
        public HopChange {
            fields = List.copyOf(fields);
        }
    }

    /** One check's change; {@code before} is null when added, {@code after} when removed. */
    public record CheckChange(Change change, String id, Check before, Check after) {
    }

    public ReportDiffResult {
        hops = List.copyOf(hops);
        checks = List.copyOf(checks);
        beforeNetwork = beforeNetwork == null ? CheckNetwork.SYSTEM : beforeNetwork;
        afterNetwork = afterNetwork == null ? CheckNetwork.SYSTEM : afterNetwork;
    }

    /** Two reports' differences, both made on the system's network. */
    public ReportDiffResult(String beforeName, String afterName, List<HopChange> hops, List<CheckChange> checks) {
        this(beforeName, afterName, hops, checks, CheckNetwork.SYSTEM, CheckNetwork.SYSTEM);
    }

    /**
     * True when no hop or check differs. Different network settings alone do not make a difference in the
     * results; every rendering names them, though (see {@link #networkNote(Locale)}).
     */
    public boolean same() {
        return hops.isEmpty() && checks.isEmpty();
    }

    /** The sentence saying the two checks ran in different networks, or null when they ran in the same one. */
    public String networkNote(Locale locale) {
        return new NetworkTexts(locale).diffNote(beforeNetwork, afterNetwork);
    }

    /** "Changes in example.org" for two runs on one name; "Changes from a to b" only when the names differ. */
    private String title(ExportTexts t) {
        return java.util.Objects.equals(beforeName, afterName) ? t.get("diff.titleOne", afterName)
                : t.get("diff.title", beforeName, afterName);
    }

    /** Plain text, one change per line, for a terminal. */
    public String text(Locale locale) {
        ExportTexts t = new ExportTexts(locale);
        String network = networkNote(locale);
        String note = network == null ? "" : SafeText.oneLine(network) + "\n";
        if (same()) {
            return t.get("diff.same") + "\n" + note;
        }
        StringBuilder out = new StringBuilder();
        out.append(SafeText.oneLine(title(t))).append('\n').append(note);
        out.append(t.get("diff.counts", String.valueOf(hops.size()), String.valueOf(checks.size()))).append("\n");
        if (!hops.isEmpty()) {
            out.append('\n').append(t.get("diff.hopsTitle")).append('\n');
            hops.forEach(h -> out.append("  ").append(SafeText.oneLine(hopLine(h, t))).append('\n'));
        }
        if (!checks.isEmpty()) {
            out.append('\n').append(t.get("diff.checksTitle")).append('\n');
            checks.forEach(c -> out.append("  ").append(SafeText.oneLine(checkLine(c, t))).append('\n'));
        }
        return out.toString();
    }

    /**
     * One sentence per change, naming hops in words ({@link ChainFindings#describe}) and checks by their summary
     * instead of ids, for people comparing two chains on screen. {@code context} holds the hops of both reports.
     */
    public List<String> readableLines(Locale locale, List<Hop> context) {
        ExportTexts t = new ExportTexts(locale);
        List<String> lines = new java.util.ArrayList<>();
        String network = networkNote(locale);
        if (network != null) {
            lines.add(network);
        }
        for (HopChange h : hops) {
            Hop hop = h.after() != null ? h.after() : h.before();
            lines.add(t.get("chain.diff.hop", ChainFindings.describe(hop, context, t), hopWhat(h, t)));
        }
        for (CheckChange c : checks) {
            lines.add(t.get("chain.diff.check", checkWhat(c, t)));
        }
        return lines;
    }

    /** Markdown tables, for a chat or an issue tracker. */
    public String markdown(Locale locale) {
        ExportTexts t = new ExportTexts(locale);
        String network = networkNote(locale);
        String note = network == null ? "" : "\n" + md(network) + "\n";
        if (same()) {
            return md(t.get("diff.same")) + "\n" + note;
        }
        StringBuilder out = new StringBuilder();
        out.append("### ").append(md(title(t))).append("\n\n");
        if (network != null) {
            out.append(md(network)).append("\n\n");
        }
        out.append(md(t.get("diff.counts", String.valueOf(hops.size()), String.valueOf(checks.size()))))
                .append("\n\n");
        if (!hops.isEmpty()) {
            out.append("#### ").append(md(t.get("diff.hopsTitle"))).append("\n\n")
                    .append(t.get("diff.mdHeader")).append("\n|---|---|---|\n");
            for (HopChange h : hops) {
                out.append("| ").append(md(t.get("diff.change." + h.change().name()))).append(" | ")
                        .append(mdCode(h.id())).append(" | ").append(md(hopWhat(h, t))).append(" |\n");
            }
            out.append('\n');
        }
        if (!checks.isEmpty()) {
            out.append("#### ").append(md(t.get("diff.checksTitle"))).append("\n\n")
                    .append(t.get("diff.mdHeader")).append("\n|---|---|---|\n");
            for (CheckChange c : checks) {
                out.append("| ").append(md(t.get("diff.change." + c.change().name()))).append(" | ")
                        .append(mdCode(c.id())).append(" | ").append(md(checkWhat(c, t))).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String hopLine(HopChange h, ExportTexts t) {
        return switch (h.change()) {
            case ADDED -> t.get("diff.hopAdded", h.id(), t.kind(h.after().kind()), nn(h.after().label()),
                    t.status(h.after().status()));
            case REMOVED -> t.get("diff.hopRemoved", h.id(), t.kind(h.before().kind()), nn(h.before().label()),
                    t.status(h.before().status()));
            case CHANGED -> t.get("diff.hopChanged", h.id(), hopWhat(h, t));
        };
    }

    private static String hopWhat(HopChange h, ExportTexts t) {
        return switch (h.change()) {
            case ADDED -> t.kind(h.after().kind()) + " " + nn(h.after().label()) + " ("
                    + t.status(h.after().status()) + ")";
            case REMOVED -> t.kind(h.before().kind()) + " " + nn(h.before().label()) + " ("
                    + t.status(h.before().status()) + ")";
            case CHANGED -> String.join("; ", h.fields().stream().map(f -> switch (f) {
                case "status" -> t.get("diff.field.status", t.status(h.before().status()),
                        t.status(h.after().status()));
                case "label" -> t.get("diff.field.label", nn(h.before().label()), nn(h.after().label()));
                case "rule" -> t.get("diff.field.rule", nn(h.before().rule()), nn(h.after().rule()));
                case "taken" -> t.get("diff.field.taken", t.get(h.before().taken() ? "yes" : "no"),
                        t.get(h.after().taken() ? "yes" : "no"));
                default -> t.get("diff.field.parent", nn(h.before().parentId()), nn(h.after().parentId()));
            }).toList());
        };
    }

    private static String checkLine(CheckChange c, ExportTexts t) {
        return switch (c.change()) {
            case ADDED -> t.get("diff.checkAdded", c.id(), t.status(c.after().status()));
            case REMOVED -> t.get("diff.checkRemoved", c.id(), t.status(c.before().status()));
            case CHANGED -> t.get("diff.checkChanged", c.id(), t.status(c.before().status()),
                    t.status(c.after().status()));
        };
    }

    private static String checkWhat(CheckChange c, ExportTexts t) {
        return switch (c.change()) {
            case ADDED -> t.status(c.after().status()) + ": " + nn(c.after().summary());
            case REMOVED -> t.status(c.before().status()) + ": " + nn(c.before().summary());
            case CHANGED -> t.status(c.before().status()) + " → " + t.status(c.after().status()) + ": "
                    + nn(c.after().summary());
        };
    }

    private static String nn(String s) {
        return s == null ? "–" : s;
    }
}
