package dev.signpost.core.report;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each hop of a resolution chain is drawn: one box per hop, one edge per parent link, a band per lane and a
 * frame around each group of IPv4 or IPv6 addresses. Pure geometry shared by the SVG writer and the JavaFX diagram,
 * so both draw the same picture.
 *
 * <p>The chain is laid out left to right: the column of a hop is its depth below its lane's root, and every leaf gets
 * a row of its own; a parent sits halfway between its first and last child, so fan-outs (several SRV records,
 * several addresses) spread into rows and single links stay on a straight line. Subtrees own disjoint row ranges,
 * which is why no two boxes overlap whatever the number of addresses. Among siblings, taken branches come first,
 * then IPv4 before IPv6, then not-taken branches; otherwise hops keep the order they were started in. The result is
 * deterministic: the same hops always give the same layout.
 *
 * <p>Hops whose parent is unknown (not arrived yet in a live run, in the other lane, or part of a cycle) are drawn
 * as extra roots of their lane, so every hop appears exactly once.
 */
public final class ChainLayout {

    /** Outer margin of the drawing. */
    public static final double MARGIN = 16;
    /** Height of a hop's box. */
    public static final double NODE_HEIGHT = 50;
    /** Height of the line above a box that carries the rule of the edge leading to it. */
    public static final double CAPTION_HEIGHT = 16;
    /** Free space between one row's box and the next row's caption. */
    public static final double ROW_GAP = 14;
    /** Vertical distance from one row to the next. */
    public static final double ROW_PITCH = CAPTION_HEIGHT + NODE_HEIGHT + ROW_GAP;
    /** Horizontal space between columns, where edges run. */
    public static final double COLUMN_GAP = 44;
    /** Narrowest and widest box. */
    public static final double MIN_NODE_WIDTH = 160;
    public static final double MAX_NODE_WIDTH = 300;
    /** Height of a lane's title strip. */
    public static final double LANE_HEADER = 26;
    /** Space between the two lanes. */
    public static final double LANE_GAP = 16;
    /** Extra width on the right of an address group, where its "IPv4"/"IPv6" tag is written. */
    public static final double GROUP_TAG_WIDTH = 46;
    /** Padding of an address group's frame around its boxes. */
    public static final double GROUP_PADDING = 6;
    /** Estimated width of one character of a label, used instead of font metrics (the core has none). */
    public static final double CHAR_WIDTH = 8;
    /** Width taken inside a box by the icon, the status badge and paddings. */
    public static final double NODE_CHROME = 74;

    /** Which address family a hop belongs to: an address, or a hop reached through one. */
    public enum AddressFamily {
        NONE,
        IPV4,
        IPV6
    }

    /**
     * One hop's box.
     *
     * @param hop    the hop drawn
     * @param x      left edge
     * @param y      top edge of the box (its rule caption sits above, in {@link #CAPTION_HEIGHT})
     * @param width  box width
     * @param height box height
     * @param column depth below the lane's root
     * @param family the address family this hop belongs to
     */
    public record NodeBox(Hop hop, double x, double y, double width, double height, int column,
                          AddressFamily family) {

        /** The hop's id. */
        public String id() {
            return hop.id();
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public double centerY() {
            return y + height / 2;
        }

        /** True when the two boxes share any area. */
        public boolean overlaps(NodeBox other) {
            return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
        }
    }

    /**
     * A link from a parent hop to a child hop, from the middle of the parent's right side to the middle of the
     * child's left side.
     *
     * @param fromId parent hop id
     * @param toId   child hop id
     * @param rule   the rule applied on this edge (the child's {@link Hop#rule()}), or null
     * @param taken  false for a branch that was not followed
     * @param status the child's status, so a broken link can be drawn as such
     */
    public record Edge(String fromId, String toId, String rule, boolean taken, Status status,
                       double x1, double y1, double x2, double y2) {
    }

    /** The band a lane's hops are drawn in, with its title strip at the top ({@link #LANE_HEADER}). */
    public record LaneBand(Lane lane, double x, double y, double width, double height) {
    }

    /**
     * A frame around the addresses of one family below one parent, and everything reached through them.
     * The family's tag is written at the top right, inside {@link #GROUP_TAG_WIDTH}.
     */
    public record Group(AddressFamily family, String parentId, double x, double y, double width, double height) {
        public boolean overlaps(Group other) {
            return x < other.x + other.width && other.x < x + width
                    && y < other.y + other.height && other.y < y + height;
        }
    }

    private final List<NodeBox> nodes;
    private final List<Edge> edges;
    private final List<LaneBand> lanes;
    private final List<Group> groups;
    private final double width;
    private final double height;
    private final Map<String, NodeBox> byId;

    private ChainLayout(List<NodeBox> nodes, List<Edge> edges, List<LaneBand> lanes, List<Group> groups,
                        double width, double height) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.lanes = List.copyOf(lanes);
        this.groups = List.copyOf(groups);
        this.width = width;
        this.height = height;
        Map<String, NodeBox> map = new HashMap<>();
        nodes.forEach(n -> map.put(n.id(), n));
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The layout of a finished report's hops. */
    public static ChainLayout of(Report report) {
        return of(report.hops());
    }

    /**
     * The layout of hops as they arrived; a later hop with an id seen before replaces the earlier one in its
     * place, as live events do.
     */
    public static ChainLayout of(List<Hop> hops) {
        return new Builder(hops).build();
    }

    /** Boxes in drawing order: lane by lane, depth first. */
    public List<NodeBox> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The lanes that have hops, federation first. */
    public List<LaneBand> lanes() {
        return lanes;
    }

    public List<Group> groups() {
        return groups;
    }

    /** Total width of the drawing, margins included. */
    public double width() {
        return width;
    }

    /** Total height of the drawing, margins included. */
    public double height() {
        return height;
    }

    /** The box of a hop. */
    public Optional<NodeBox> node(String hopId) {
        return Optional.ofNullable(byId.get(hopId));
    }

    /** The address family of an address hop, from its label (or id when the label is empty). */
    public static AddressFamily familyOf(Hop hop) {
        if (hop.kind() != HopKind.ADDRESS) {
            return AddressFamily.NONE;
        }
        String text = hop.label() != null && !hop.label().isBlank() ? hop.label() : hop.id();
        if (hop.label() == null || hop.label().isBlank()) {
            // Ids look like "fed.addr.2001:db8::5": only the part after the prefix says the family.
            int lastDot = text.lastIndexOf("addr.");
            text = lastDot >= 0 ? text.substring(lastDot + 5) : text;
        }
        return text.indexOf(':') >= 0 ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    /** Estimated width of a box showing this hop's texts. */
    static double estimateWidth(Hop hop, AddressFamily family) {
        int chars = Math.max(length(hop.label()), 12);
        if (!hop.taken()) {
            chars = Math.max(chars, Math.min(length(hop.detail()), 30));
        }
        return Math.min(MAX_NODE_WIDTH, Math.max(MIN_NODE_WIDTH, NODE_CHROME + chars * CHAR_WIDTH));
    }

    /**
     * Text shortened with an ellipsis to what fits in {@code width} pixels at {@code charWidth} pixels per character,
     * the same estimate every rendering uses, so the SVG and the diagram cut labels alike.
     */
    public static String fit(String text, double width, double charWidth) {
        if (text == null) {
            return "";
        }
        int maxChars = Math.max(1, (int) (width / charWidth));
        if (text.codePointCount(0, text.length()) <= maxChars) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(1, maxChars - 1));
        return text.substring(0, end) + "…";
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    /** Computes one layout; used once. */
    private static final class Builder {
        private final Map<String, Hop> hops = new LinkedHashMap<>();
        private final Map<String, Integer> order = new HashMap<>();
        private final Map<String, String> parent = new HashMap<>();
        private final Map<String, List<Hop>> children = new HashMap<>();
        private final Map<String, Integer> depth = new HashMap<>();
        private final Map<String, AddressFamily> family = new HashMap<>();
        private final Map<String, Double> nodeY = new HashMap<>();
        private final Map<String, int[]> rowRange = new HashMap<>();
        private final List<Double> columnWidths = new ArrayList<>();

        Builder(List<Hop> input) {
            for (Hop hop : input) {
                hops.put(hop.id(), hop);
            }
            int i = 0;
            for (String id : hops.keySet()) {
                order.put(id, i++);
            }
        }

        ChainLayout build() {
            resolveParents();
            Map<Lane, List<Hop>> roots = new LinkedHashMap<>();
            for (Lane lane : Lane.values()) {
                roots.put(lane, new ArrayList<>());
            }
            for (Hop hop : hops.values()) {
                if (parent.containsKey(hop.id())) {
                    children.computeIfAbsent(parent.get(hop.id()), k -> new ArrayList<>()).add(hop);
                } else {
                    roots.get(hop.lane()).add(hop);
                }
            }
            for (Hop root : roots.values().stream().flatMap(List::stream).toList()) {
                assignDepthAndFamily(root, 0, AddressFamily.NONE);
            }
            children.values().forEach(list -> list.sort(siblingOrder()));
            for (Hop hop : hops.values()) {
                int column = depth.get(hop.id());
                while (columnWidths.size() <= column) {
                    columnWidths.add(MIN_NODE_WIDTH);
                }
                columnWidths.set(column, Math.max(columnWidths.get(column),
                        estimateWidth(hop, family.get(hop.id()))));
            }
            double[] columnX = new double[columnWidths.size()];
            double x = MARGIN + GROUP_PADDING;
            for (int c = 0; c < columnWidths.size(); c++) {
                columnX[c] = x;
                x += columnWidths.get(c) + COLUMN_GAP;
            }

            List<NodeBox> boxes = new ArrayList<>();
            List<LaneBand> bands = new ArrayList<>();
            double laneTop = MARGIN;
            for (Map.Entry<Lane, List<Hop>> lane : roots.entrySet()) {
                if (lane.getValue().isEmpty()) {
                    continue;
                }
                double firstRowTop = laneTop + LANE_HEADER + GROUP_PADDING;
                int[] nextRow = {0};
                for (Hop root : lane.getValue()) {
                    placeRows(root, firstRowTop, nextRow);
                }
                for (Hop root : lane.getValue()) {
                    collect(root, columnX, boxes);
                }
                double laneHeight = LANE_HEADER + GROUP_PADDING * 2 + nextRow[0] * ROW_PITCH - ROW_GAP;
                bands.add(new LaneBand(lane.getKey(), MARGIN, laneTop, 0, laneHeight));
                laneTop += laneHeight + LANE_GAP;
            }

            Map<String, NodeBox> byId = new HashMap<>();
            boxes.forEach(b -> byId.put(b.id(), b));
            List<Edge> edgeList = new ArrayList<>();
            for (NodeBox child : boxes) {
                String parentId = parent.get(child.id());
                if (parentId == null) {
                    continue;
                }
                NodeBox from = byId.get(parentId);
                Hop hop = child.hop();
                edgeList.add(new Edge(parentId, child.id(), hop.rule(), hop.taken(), hop.status(),
                        from.right(), from.centerY(), child.x(), child.centerY()));
            }

            List<Group> groupList = groups(byId);
            double right = boxes.stream().mapToDouble(NodeBox::right).max().orElse(MARGIN);
            for (Group g : groupList) {
                right = Math.max(right, g.x() + g.width());
            }
            double laneRight = right + GROUP_PADDING;
            double totalWidth = laneRight + MARGIN;
            double totalHeight = bands.isEmpty() ? MARGIN * 2 : laneTop - LANE_GAP + MARGIN;
            List<LaneBand> sized = bands.stream()
                    .map(b -> new LaneBand(b.lane(), b.x(), b.y(), laneRight - MARGIN, b.height()))
                    .toList();
            return new ChainLayout(boxes, edgeList, sized, groupList, totalWidth, totalHeight);
        }

        /** Keeps a parent link only when the parent exists in the same lane and the link makes no cycle. */
        private void resolveParents() {
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
        }

        private void assignDepthAndFamily(Hop hop, int level, AddressFamily inherited) {
            AddressFamily own = familyOf(hop);
            AddressFamily effective = own != AddressFamily.NONE ? own : inherited;
            depth.put(hop.id(), level);
            family.put(hop.id(), effective);
            for (Hop child : children.getOrDefault(hop.id(), List.of())) {
                assignDepthAndFamily(child, level + 1, effective);
            }
        }

        private Comparator<Hop> siblingOrder() {
            return Comparator.<Hop>comparingInt(h -> h.taken() ? 0 : 1)
                    .thenComparingInt(h -> familyOf(h).ordinal())
                    .thenComparingInt(h -> order.get(h.id()));
        }

        /** Gives every leaf its own row and centres each parent on its children. */
        private void placeRows(Hop hop, double firstRowTop, int[] nextRow) {
            List<Hop> kids = children.getOrDefault(hop.id(), List.of());
            int first = nextRow[0];
            if (kids.isEmpty()) {
                nodeY.put(hop.id(), firstRowTop + CAPTION_HEIGHT + nextRow[0] * ROW_PITCH);
                nextRow[0]++;
            } else {
                for (Hop kid : kids) {
                    placeRows(kid, firstRowTop, nextRow);
                }
                double top = nodeY.get(kids.get(0).id());
                double bottom = nodeY.get(kids.get(kids.size() - 1).id());
                nodeY.put(hop.id(), (top + bottom) / 2);
            }
            rowRange.put(hop.id(), new int[] {first, nextRow[0] - 1});
        }

        private void collect(Hop hop, double[] columnX, List<NodeBox> out) {
            int column = depth.get(hop.id());
            out.add(new NodeBox(hop, columnX[column], nodeY.get(hop.id()), columnWidths.get(column), NODE_HEIGHT,
                    column, family.get(hop.id())));
            for (Hop kid : children.getOrDefault(hop.id(), List.of())) {
                collect(kid, columnX, out);
            }
        }

        private List<Group> groups(Map<String, NodeBox> byId) {
            List<Group> result = new ArrayList<>();
            for (Hop hop : hops.values()) {
                List<Hop> kids = children.getOrDefault(hop.id(), List.of());
                for (AddressFamily f : List.of(AddressFamily.IPV4, AddressFamily.IPV6)) {
                    List<Hop> members = kids.stream()
                            .filter(k -> k.taken() && k.kind() == HopKind.ADDRESS && familyOf(k) == f)
                            .toList();
                    if (members.isEmpty()) {
                        continue;
                    }
                    double minX = Double.MAX_VALUE;
                    double minY = Double.MAX_VALUE;
                    double maxX = 0;
                    double maxY = 0;
                    List<Hop> stack = new ArrayList<>(members);
                    while (!stack.isEmpty()) {
                        Hop h = stack.remove(stack.size() - 1);
                        NodeBox b = byId.get(h.id());
                        minX = Math.min(minX, b.x());
                        minY = Math.min(minY, b.y());
                        maxX = Math.max(maxX, b.right());
                        maxY = Math.max(maxY, b.bottom());
                        stack.addAll(children.getOrDefault(h.id(), List.of()));
                    }
                    double top = minY - CAPTION_HEIGHT - GROUP_PADDING / 2;
                    result.add(new Group(f, hop.id(), minX - GROUP_PADDING, top,
                            maxX - minX + GROUP_PADDING * 2 + GROUP_TAG_WIDTH, maxY + GROUP_PADDING - top));
                }
            }
            return result;
        }
    }
}
