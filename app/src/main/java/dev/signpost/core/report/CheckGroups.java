package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Status;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks as every front-end lists them: each check that ran, with the checks its failure kept from running
 * ("not reached") grouped under it, so one root cause is read once, with one fix.
 */
public final class CheckGroups {

    /** A check that ran, and the checks not reached because of it (empty for most). */
    public record Group(Check check, List<Check> notReached) {
        public Group {
            notReached = List.copyOf(notReached);
        }
    }

    private CheckGroups() {
    }

    /**
     * Groups in the checks' own order. A not-reached check whose root cause is itself not reached goes under the
     * first check that ran; one whose root cause is missing from the list stands on its own.
     */
    public static List<Group> of(List<Check> checks) {
        Map<String, Check> byId = new HashMap<>();
        checks.forEach(c -> byId.put(c.id(), c));
        Map<String, List<Check>> under = new LinkedHashMap<>();
        List<Check> top = new ArrayList<>();
        for (Check check : checks) {
            String root = rootOf(check, byId);
            if (root == null) {
                top.add(check);
            } else {
                under.computeIfAbsent(root, k -> new ArrayList<>()).add(check);
            }
        }
        return top.stream().map(c -> new Group(c, under.getOrDefault(c.id(), List.of()))).toList();
    }

    /** How many checks were not reached. */
    public static long notReachedCount(List<Check> checks) {
        return checks.stream().filter(Check::isNotReached).count();
    }

    /** The checks that failed or warned, failures first, otherwise in report order: the "what to fix" list. */
    public static List<Check> problems(List<Check> checks) {
        return checks.stream()
                .filter(c -> c.status() == Status.FAIL || c.status() == Status.WARN)
                .sorted(Comparator.comparing(Check::status, Status.WORST_FIRST))
                .toList();
    }

    private static String rootOf(Check check, Map<String, Check> byId) {
        String root = null;
        Check at = check;
        for (int guard = 0; at.isNotReached() && guard < byId.size(); guard++) {
            Check cause = byId.get(at.blockedBy());
            if (cause == null || cause == check) {
                return root;
            }
            root = cause.id();
            at = cause;
        }
        return at.isNotReached() ? null : root;
    }
}
