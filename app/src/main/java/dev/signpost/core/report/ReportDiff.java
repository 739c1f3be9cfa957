package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Report;
import dev.signpost.core.report.ReportDiffResult.Change;
import dev.signpost.core.report.ReportDiffResult.CheckChange;
import dev.signpost.core.report.ReportDiffResult.HopChange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two reports of the same domain (before and after a fix, live and planned), hop by hop and
 * check by check. Hops and checks are matched by their stable ids; timings and evidence are ignored because they
 * differ on every run.
 */
public final class ReportDiff {

    private ReportDiff() {
    }

    /** Compares two reports; the result lists changes in the order of {@code after}, then removals. */
    public static ReportDiffResult compare(Report before, Report after) {
        Map<String, Hop> oldHops = new LinkedHashMap<>();
        before.hops().forEach(h -> oldHops.put(h.id(), h));
        Map<String, Hop> newHops = new LinkedHashMap<>();
        after.hops().forEach(h -> newHops.put(h.id(), h));
        List<HopChange> hopChanges = new ArrayList<>();
        for (Hop now : newHops.values()) {
            Hop was = oldHops.get(now.id());
            if (was == null) {
                hopChanges.add(new HopChange(Change.ADDED, now.id(), null, now, List.of()));
                continue;
            }
            List<String> fields = new ArrayList<>();
            if (was.status() != now.status()) {
                fields.add("status");
            }
            if (!Objects.equals(was.label(), now.label())) {
                fields.add("label");
            }
            if (!Objects.equals(was.rule(), now.rule())) {
                fields.add("rule");
            }
            if (was.taken() != now.taken()) {
                fields.add("taken");
            }
            if (!Objects.equals(was.parentId(), now.parentId())) {
                fields.add("parent");
            }
            if (!fields.isEmpty()) {
                hopChanges.add(new HopChange(Change.CHANGED, now.id(), was, now, fields));
            }
        }
        for (Hop was : oldHops.values()) {
            if (!newHops.containsKey(was.id())) {
                hopChanges.add(new HopChange(Change.REMOVED, was.id(), was, null, List.of()));
            }
        }

        Map<String, Check> oldChecks = new LinkedHashMap<>();
        before.checks().forEach(c -> oldChecks.put(c.id(), c));
        Map<String, Check> newChecks = new LinkedHashMap<>();
        after.checks().forEach(c -> newChecks.put(c.id(), c));
        List<CheckChange> checkChanges = new ArrayList<>();
        for (Check now : newChecks.values()) {
            Check was = oldChecks.get(now.id());
            if (was == null) {
                checkChanges.add(new CheckChange(Change.ADDED, now.id(), null, now));
            } else if (was.status() != now.status()) {
                checkChanges.add(new CheckChange(Change.CHANGED, now.id(), was, now));
            }
        }
        for (Check was : oldChecks.values()) {
            if (!newChecks.containsKey(was.id())) {
                checkChanges.add(new CheckChange(Change.REMOVED, was.id(), was, null));
            }
        }
        return new ReportDiffResult(before.serverName(), after.serverName(), hopChanges, checkChanges,
                before.network(), after.network());
    }
}
