package dev.signpost.core.report;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.Edge;
import dev.signpost.core.report.ChainLayout.Fold;
import dev.signpost.core.report.ChainLayout.Group;
import dev.signpost.core.report.ChainLayout.LaneBand;
import dev.signpost.core.report.ChainLayout.NodeBox;
import dev.signpost.core.report.ChainLayout.Options;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.signpost.core.report.ChainLayout.CAPTION_HEIGHT;
import static dev.signpost.core.report.ChainLayout.GROUP_PADDING;
import static dev.signpost.core.report.ChainLayout.INDENT;
import static dev.signpost.core.report.ChainLayout.LANE_GAP;
import static dev.signpost.core.report.ChainLayout.LANE_HEADER;
import static dev.signpost.core.report.ChainLayout.LANE_PADDING;
import static dev.signpost.core.report.ChainLayout.MARGIN;
import static dev.signpost.core.report.ChainLayout.MIN_NODE_WIDTH;
import static dev.signpost.core.report.ChainLayout.NODE_HEIGHT;
import static dev.signpost.core.report.ChainLayout.NODE_HEIGHT_WITH_FIX;
import static dev.signpost.core.report.ChainLayout.ROW_GAP;
import static dev.signpost.core.report.ChainLayout.STEM_INSET;

/** Computes one {@link ChainLayout}: the hop tree, what folds, then rows top to bottom. Used once. */
final class ChainLayoutBuilder {

    /** A stretch of passing hops folds from this length on; shorter ones read as quickly unfolded. */
    private static final int MIN_STRETCH = 3;

    /** What one row shows: a hop or a fold, and the rows hanging below it. */
    private record Item(Hop hop, String foldId, List<Hop> folded, List<Item> children) {
        String id() {
            return hop != null ? hop.id() : foldId;
        }

        Hop first() {
            return hop != null ? hop : folded.get(0);
        }
    }

    private final Options options;
    private final Map<String, Hop> hops = new LinkedHashMap<>();
    private final Map<String, Integer> arrival = new HashMap<>();
    private final Map<String, List<Hop>> children = new HashMap<>();
    private final Map<String, AddressFamily> family = new HashMap<>();
    /** Hops inside a fold the user opened: they are drawn one by one. */
    private final Set<String> plain = new HashSet<>();

    private final List<NodeBox> boxes = new ArrayList<>();
    private final List<Fold> folds = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<String> order = new ArrayList<>();
    /** Per drawn row: x, y (box top), height; and the bottom of everything below it. */
    private final Map<String, double[]> placed = new HashMap<>();
    private double contentRight;
    private double cursor;

    ChainLayoutBuilder(List<Hop> input, Options options) {
        this.options = options;
        for (Hop hop : input) {
            hops.put(hop.id(), hop);
        }
        int i = 0;
        for (String id : hops.keySet()) {
            arrival.put(id, i++);
        }
    }

    ChainLayout build() {
        HopTree tree = HopTree.of(List.copyOf(hops.values()));
        Map<Lane, List<Hop>> roots = new LinkedHashMap<>();
        for (Lane lane : Lane.values()) {
            roots.put(lane, new ArrayList<>(tree.roots(lane)));
        }
        for (Hop hop : hops.values()) {
            String p = tree.parentOf(hop.id());
            if (p != null) {
                children.computeIfAbsent(p, k -> new ArrayList<>()).add(hop);
            }
        }
        children.values().forEach(list -> list.sort(siblingOrder()));
        roots.values().forEach(list -> list.forEach(r -> assignFamily(r, AddressFamily.NONE)));

        Map<Lane, List<Item>> trees = new LinkedHashMap<>();
        int deepest = 0;
        for (Map.Entry<Lane, List<Hop>> lane : roots.entrySet()) {
            List<Item> items = lane.getValue().stream().map(r -> item(r)).toList();
            trees.put(lane.getKey(), items);
            for (Item item : items) {
                deepest = Math.max(deepest, depth(item, 0));
            }
        }
        double needed = MARGIN * 2 + LANE_PADDING * 2 + deepest * INDENT + MIN_NODE_WIDTH;
        double width = Math.max(options.width(), needed);
        contentRight = width - MARGIN - LANE_PADDING;

        List<LaneBand> bands = new ArrayList<>();
        double laneTop = MARGIN;
        for (Map.Entry<Lane, List<Item>> lane : trees.entrySet()) {
            if (lane.getValue().isEmpty()) {
                continue;
            }
            cursor = laneTop + LANE_HEADER;
            for (Item root : lane.getValue()) {
                place(root, 0, null);
            }
            double laneHeight = cursor - laneTop + LANE_PADDING - ROW_GAP;
            bands.add(new LaneBand(lane.getKey(), MARGIN, laneTop, width - MARGIN * 2, laneHeight));
            laneTop += laneHeight + LANE_GAP;
        }
        double height = bands.isEmpty() ? MARGIN * 2 : laneTop - LANE_GAP + MARGIN;
        return new ChainLayout(boxes, folds, edges, bands, groups, order, width, height);
    }

    // ----- the tree -----

    private void assignFamily(Hop hop, AddressFamily inherited) {
        AddressFamily own = ChainLayout.familyOf(hop);
        AddressFamily effective = own != AddressFamily.NONE ? own : inherited;
        family.put(hop.id(), effective);
        for (Hop child : kids(hop)) {
            assignFamily(child, effective);
        }
    }

    private Comparator<Hop> siblingOrder() {
        return Comparator.<Hop>comparingInt(h -> h.taken() ? 0 : 1)
                .thenComparingInt(h -> ChainLayout.familyOf(h).ordinal())
                .thenComparingInt(h -> arrival.get(h.id()));
    }

    private List<Hop> kids(Hop hop) {
        return children.getOrDefault(hop.id(), List.of());
    }

    // ----- folding -----

    private Item item(Hop hop) {
        if (options.collapse() && !plain.contains(hop.id())) {
            List<Hop> run = stretch(hop);
            if (run.size() >= MIN_STRETCH) {
                String id = Fold.PREFIX + hop.id();
                if (!options.expanded().contains(id)) {
                    return new Item(null, id, run, childItems(run.get(run.size() - 1)));
                }
                run.forEach(h -> plain.add(h.id()));
            }
        }
        return new Item(hop, null, List.of(), childItems(hop));
    }

    /** The passing hops from {@code hop} down while each has exactly one child. */
    private List<Hop> stretch(Hop hop) {
        List<Hop> run = new ArrayList<>();
        Hop current = hop;
        while (passing(current) && !plain.contains(current.id())) {
            run.add(current);
            List<Hop> next = kids(current);
            if (next.size() != 1) {
                break;
            }
            current = next.get(0);
        }
        return run;
    }

    private List<Item> childItems(Hop hop) {
        List<Hop> kids = kids(hop);
        List<Item> items = new ArrayList<>();
        boolean brokenSibling = kids.stream().anyMatch(this::troubled);
        for (int i = 0; i < kids.size(); i++) {
            Hop kid = kids.get(i);
            if (options.collapse() && !plain.contains(kid.id())) {
                int end = i;
                List<Hop> skipped = new ArrayList<>();
                while (end < kids.size() && allSkipped(kids.get(end))
                        && family.get(kids.get(end).id()) == family.get(kid.id())) {
                    skipped.addAll(subtree(kids.get(end)));
                    end++;
                }
                if (skipped.size() >= 2 && fold(kid, skipped, items)) {
                    i = end - 1;
                    continue;
                }
                // Quiet branches side by side (addresses that all work) fold together, one fold per family;
                // a lone quiet branch folds only beside a broken one, where it would distract.
                end = i;
                List<Hop> quiet = new ArrayList<>();
                while (end < kids.size() && !troubled(kids.get(end)) && !plain.contains(kids.get(end).id())
                        && family.get(kids.get(end).id()) == family.get(kid.id())) {
                    quiet.addAll(subtree(kids.get(end)));
                    end++;
                }
                boolean several = end - i >= 2 && quiet.size() >= MIN_STRETCH;
                boolean beside = brokenSibling && quiet.size() >= 2;
                if ((several || beside) && fold(kid, quiet, items)) {
                    i = end - 1;
                    continue;
                }
            }
            items.add(item(kid));
        }
        return items;
    }

    /** Folds {@code hops} under the id of {@code first}, unless the user opened that fold. */
    private boolean fold(Hop first, List<Hop> folded, List<Item> out) {
        String id = Fold.PREFIX + first.id();
        if (options.expanded().contains(id)) {
            folded.forEach(h -> plain.add(h.id()));
            return false;
        }
        out.add(new Item(null, id, folded, List.of()));
        return true;
    }

    private boolean passing(Hop hop) {
        return hop.taken() && hop.status() == Status.PASS && !options.pinned().contains(hop.id());
    }

    /** True when anything in the hop's subtree failed, warns, is still running, or must stay in sight. */
    private boolean troubled(Hop hop) {
        return subtree(hop).stream().anyMatch(h -> h.status() == Status.FAIL || h.status() == Status.WARN
                || h.status() == Status.RUNNING || options.pinned().contains(h.id()));
    }

    private boolean allSkipped(Hop hop) {
        return subtree(hop).stream().allMatch(h -> h.taken() && h.status() == Status.SKIP
                && !options.pinned().contains(h.id()));
    }

    private List<Hop> subtree(Hop hop) {
        List<Hop> out = new ArrayList<>();
        out.add(hop);
        for (Hop kid : kids(hop)) {
            out.addAll(subtree(kid));
        }
        return out;
    }

    private static int depth(Item item, int level) {
        int deepest = level;
        int next = item.children().size() > 1 ? level + 1 : level;
        for (Item child : item.children()) {
            deepest = Math.max(deepest, depth(child, next));
        }
        return deepest;
    }

    // ----- rows -----

    private void place(Item item, int level, Item parentItem) {
        double x = MARGIN + LANE_PADDING + level * INDENT;
        double y = cursor + CAPTION_HEIGHT;
        double w = contentRight - x;
        Hop first = item.first();
        AddressFamily fam = family.get(first.id());
        double h;
        if (item.hop() != null) {
            String fix = options.fixes().get(item.hop().id());
            h = fix == null ? NODE_HEIGHT : NODE_HEIGHT_WITH_FIX;
            boxes.add(new NodeBox(item.hop(), x, y, w, h, level, fam, fix));
        } else {
            h = NODE_HEIGHT;
            boolean anyPass = item.folded().stream().anyMatch(f -> f.status() == Status.PASS);
            folds.add(new Fold(item.foldId(), item.folded(), anyPass ? Status.PASS : Status.SKIP, x, y, w, h,
                    level, fam));
        }
        order.add(item.id());
        double[] geometry = {x, y, h, y + h};
        placed.put(item.id(), geometry);
        if (parentItem != null) {
            double[] from = placed.get(parentItem.id());
            double x1 = from[0] + STEM_INSET;
            double y1 = from[1] + from[2];
            boolean straight = x == from[0];
            edges.add(new Edge(parentItem.id(), item.id(), first.rule(), first.taken(),
                    item.hop() != null ? first.status() : folds.get(folds.size() - 1).status(),
                    x1, y1, straight ? x1 : x, straight ? y : y + h / 2));
        }
        cursor = y + h + ROW_GAP;
        int next = item.children().size() > 1 ? level + 1 : level;
        for (Item child : item.children()) {
            place(child, next, item);
        }
        geometry[3] = cursor - ROW_GAP;
        addGroups(item);
    }

    /** Frames the addresses of each family among an item's children, with everything below them. */
    private void addGroups(Item item) {
        for (AddressFamily f : List.of(AddressFamily.IPV4, AddressFamily.IPV6)) {
            List<Item> members = item.children().stream()
                    .filter(c -> c.first().taken() && c.first().kind() == HopKind.ADDRESS
                            && ChainLayout.familyOf(c.first()) == f)
                    .toList();
            if (members.isEmpty()) {
                continue;
            }
            double[] top = placed.get(members.get(0).id());
            double[] bottom = placed.get(members.get(members.size() - 1).id());
            double x = top[0] - GROUP_PADDING;
            double y = top[1] - CAPTION_HEIGHT + 1;
            groups.add(new Group(f, item.id(), x, y, contentRight + GROUP_PADDING - x,
                    bottom[3] + GROUP_PADDING - y));
        }
    }
}
