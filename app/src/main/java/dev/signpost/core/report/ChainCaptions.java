package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.Fold;
import dev.signpost.core.report.ChainLayout.NodeBox;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words drawn in and above each box of a {@link ChainLayout}, already fitted to the room the box gives them,
 * and where they go. The SVG export and the JavaFX diagram both write exactly these, so they read alike.
 */
public final class ChainCaptions {

    /** Offsets inside a box (from its top left) of each text's start and baseline. */
    public static final double CAPTION_X = ChainLayout.STEM_INSET + 10;
    public static final double CAPTION_BASELINE = -4;
    public static final double KIND_BASELINE = 17;
    public static final double LABEL_BASELINE = 34;
    public static final double FIX_X = 10;
    public static final double FIX_BASELINE = 53;
    /** Where the status badge sits, from the box's right edge and top. */
    public static final double BADGE_FROM_RIGHT = 24;
    public static final double BADGE_TOP = 8;

    /**
     * The texts of one box.
     *
     * @param caption the rule (or why not taken) on the line above the box, or null
     * @param kind    the small first line: what the hop is (or how many steps a fold holds)
     * @param label   the bold second line: the value
     * @param fix     the fix line, or null
     */
    public record Texts(String caption, String kind, String label, String fix) {
    }

    private ChainCaptions() {
    }

    /** What a hop's box shows. */
    public static Texts of(NodeBox box, ExportTexts t) {
        Hop hop = box.hop();
        String kind = t.kind(hop.kind());
        if (hop.kind() == HopKind.ADDRESS && box.family() != AddressFamily.NONE) {
            kind = kind + " · " + t.family(box.family());
        }
        if (!hop.taken()) {
            kind = kind + " · " + t.get("notTaken");
        }
        String caption = hop.taken() ? hop.rule() : t.get("notTaken.reason", nn(hop.detail()));
        String fix = box.fix() == null ? null : t.get("fix", box.fix());
        return new Texts(fitCaption(caption, box.width()),
                LabelFit.fit(kind, textWidth(box.width()), ChainLayout.KIND_FONT),
                LabelFit.fit(hop.label(), textWidth(box.width()), ChainLayout.LABEL_FONT, true),
                fix == null ? null : LabelFit.fit(fix, box.width() - FIX_X * 2, ChainLayout.FIX_FONT, true));
    }

    /** What a fold shows: how many steps, and the values it passes through. */
    public static Texts of(Fold fold, ExportTexts t) {
        String count = String.valueOf(fold.hops().size());
        String kind = t.get(fold.status() == Status.PASS ? "chain.fold.passed" : "chain.fold.skipped", count);
        Set<String> values = new LinkedHashSet<>();
        fold.hops().forEach(h -> {
            if (h.label() != null && !h.label().isBlank()) {
                values.add(h.label());
            }
        });
        String label = String.join(" → ", values);
        return new Texts(fitCaption(fold.hops().get(0).rule(), fold.width()),
                LabelFit.fit(kind, textWidth(fold.width()), ChainLayout.KIND_FONT),
                LabelFit.fit(label, textWidth(fold.width()), ChainLayout.LABEL_FONT, true), null);
    }

    /**
     * The hover text of a hop: kind, value and status, what happened, and the fix of every check about it that
     * needs action. Whole, never shortened.
     */
    public static String tooltip(Hop hop, Collection<Check> checks, ExportTexts t) {
        StringBuilder text = new StringBuilder();
        text.append(t.kind(hop.kind())).append(": ").append(nn(hop.label())).append(" — ").append(t.status(hop.status()));
        if (hop.rule() != null) {
            text.append('\n').append(hop.rule());
        }
        if (hop.detail() != null) {
            text.append('\n').append(hop.taken() ? hop.detail() : t.get("notTaken.reason", hop.detail()));
        }
        Set<String> fixes = new LinkedHashSet<>();
        for (Check check : checks) {
            if (check.hopIds().contains(hop.id()) && (check.status() == Status.FAIL || check.status() == Status.WARN)
                    && check.fix() != null && fixes.add(check.fix())) {
                text.append('\n').append(t.get("fix", check.fix()));
            }
        }
        return text.toString();
    }

    /** The hover text of a fold: every step it holds, whole. */
    public static String tooltip(Fold fold, ExportTexts t) {
        StringBuilder text = new StringBuilder();
        List<Hop> hops = fold.hops();
        for (Hop hop : hops) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(ExportTexts.symbol(hop.status())).append(' ').append(t.kind(hop.kind())).append(": ")
                    .append(nn(hop.label()));
        }
        return text.toString();
    }

    private static String fitCaption(String caption, double boxWidth) {
        if (caption == null) {
            return null;
        }
        return LabelFit.fit(caption, boxWidth - CAPTION_X - ChainLayout.GROUP_TAG_WIDTH, ChainLayout.CAPTION_FONT);
    }

    private static double textWidth(double boxWidth) {
        return boxWidth - ChainLayout.NODE_CHROME;
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }
}
