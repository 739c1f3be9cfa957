package dev.signpost.core.report;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.Lane;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hops of a report as a tree per lane: the one reading of parent links that the text, Markdown and HTML reports,
 * the diagram and the wizard's hop list share. A parent link counts only when the parent exists in the same lane and
 * the link makes no cycle (a cycle is cut at the hop that arrived first); every other hop is a root. Siblings and
 * roots keep the order in which the hops arrived.
 */
public final class HopTree {

    /** One hop in reading order with how deep it sits below its lane's root. */
    public record Row(Hop hop, int depth) {
    }

    private final Map<String, Hop> hops = new LinkedHashMap<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, List<Hop>> children = new HashMap<>();
    private final Map<Lane, List<Hop>> roots = new LinkedHashMap<>();

    private HopTree(List<Hop> input) {
        for (Hop hop : input) {
            hops.put(hop.id(), hop);
        }
        for (Hop hop : hops.values()) {
            Hop p = hop.parentId() == null ? null : hops.get(hop.parentId());
            if (p != null && p.lane() == hop.lane() && !p.id().equals(hop.id())) {
                parent.put(hop.id(), p.id());
            }
        }
        for (Hop hop : hops.values()) {
            Set<String> seen = new HashSet<>();
            String current = hop.id();
            while (current != null && seen.add(current)) {
                current = parent.get(current);
            }
            if (current != null) {
                // Walked into a cycle: cut it at this hop, which the loop reaches first in arrival order.
                parent.remove(current);
            }
        }
        for (Lane lane : Lane.values()) {
            roots.put(lane, new ArrayList<>());
        }
        for (Hop hop : hops.values()) {
            String p = parent.get(hop.id());
            if (p == null) {
                roots.get(hop.lane()).add(hop);
            } else {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(hop);
            }
        }
    }

    /** The tree of {@code hops}, given in arrival order (a later hop with the same id replaces an earlier one). */
    public static HopTree of(List<Hop> hops) {
        return new HopTree(hops);
    }

    /** The id of the hop's parent in the tree, or null for a root. */
    public String parentOf(String id) {
        return parent.get(id);
    }

    /** The hop's children in arrival order. */
    public List<Hop> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** The lane's roots in arrival order. */
    public List<Hop> roots(Lane lane) {
        return roots.get(lane);
    }

    /** The lane's hops depth first, each under its parent, with their depth. */
    public List<Row> rows(Lane lane) {
        List<Row> rows = new ArrayList<>();
        for (Hop root : roots(lane)) {
            walk(root, 0, rows);
        }
        return rows;
    }

    private void walk(Hop hop, int depth, List<Row> rows) {
        rows.add(new Row(hop, depth));
        for (Hop child : children(hop.id())) {
            walk(child, depth + 1, rows);
        }
    }
}
