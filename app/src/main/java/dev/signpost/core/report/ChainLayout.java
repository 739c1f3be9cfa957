package dev.signpost.core.report;

import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each hop of a resolution chain is drawn: one box per hop (or one fold for a stretch of hops that needs no
 * attention), one edge per parent link, a band per lane and a frame around each group of IPv4 or IPv6 addresses.
 * Pure geometry shared by the SVG writer and the JavaFX diagram, so both draw the same picture.
 *
 * <p>The chain flows top to bottom and takes the width it is given, so it never needs sideways scrolling and its
 * text keeps its size: a hop with one child has it right below; the children of a fan-out (several SRV records,
 * several addresses) are indented one step and hang off their parent's stem like a tree. Every box spans to the
 * lane's right edge, which leaves room for long names. Among siblings, taken branches come first, then IPv4 before
 * IPv6, then not-taken branches; otherwise hops keep the order they were started in. The same hops and options
 * always give the same layout.
 *
 * <p>With {@link Options#collapse()}, what needs no attention folds into one line a click opens
 * ({@link Options#expanded()}): three or more passing hops in a row, passing branches side by side (one fold per
 * address family), a passing branch beside a broken one, and the steps skipped below a failure. Boxes of hops with a fix ({@link Options#fixes()}) are taller and carry it.
 *
 * <p>Hops whose parent is unknown (not arrived yet in a live run, in the other lane, or part of a cycle) are drawn
 * as extra roots of their lane, so every hop appears exactly once.
 */
public final class ChainLayout {

    /** Outer margin of the drawing. */
    public static final double MARGIN = 12;
    /** Padding inside a lane band, left and right of its boxes. */
    public static final double LANE_PADDING = 10;
    /** Height of a hop's box. */
    public static final double NODE_HEIGHT = 44;
    /** Height of a box that also carries a one-line fix. */
    public static final double NODE_HEIGHT_WITH_FIX = 62;
    /** Height of the line above a box that carries the rule of the edge leading to it. */
    public static final double CAPTION_HEIGHT = 16;
    /** Free space between one box and the next caption. */
    public static final double ROW_GAP = 8;
    /** How far the children of a fan-out are indented. */
    public static final double INDENT = 30;
    /** Where a box's stem (the line to its children) leaves it, from its left edge. */
    public static final double STEM_INSET = 18;
    /** Narrowest box; below this the drawing is wider than asked and scrolls. */
    public static final double MIN_NODE_WIDTH = 240;
    /** Height of a lane's title strip. */
    public static final double LANE_HEADER = 28;
    /** Space between the two lanes. */
    public static final double LANE_GAP = 12;
    /** Padding of an address group's frame around its boxes. */
    public static final double GROUP_PADDING = 5;
    /** Width kept free at the right of a group's first caption for its "IPv4"/"IPv6" tag. */
    public static final double GROUP_TAG_WIDTH = 44;
    /** Width taken inside a box by the icon, the status badge and paddings. */
    public static final double NODE_CHROME = 76;
    /** Left edge of a box's texts, after its icon. */
    public static final double TEXT_INSET = 42;
    /** Font sizes (px) every rendering uses, none below 11. */
    public static final double CAPTION_FONT = 11;
    public static final double KIND_FONT = 11;
    public static final double LABEL_FONT = 13;
    public static final double FIX_FONT = 12;
    public static final double TITLE_FONT = 13;
    /** Width of the drawing when none is asked for, as in exports. */
    public static final double DEFAULT_WIDTH = 880;
    /** Shortest row a layout can have (a box without fix and its caption): a guide for scroll steps. */
    public static final double ROW_PITCH = CAPTION_HEIGHT + NODE_HEIGHT + ROW_GAP;

    /** Which address family a hop belongs to: an address, or a hop reached through one. */
    public enum AddressFamily {
        NONE,
        IPV4,
        IPV6
    }

    /**
     * How to lay a chain out.
     *
     * @param width    the width to fill (a view's width, or {@link #DEFAULT_WIDTH})
     * @param collapse fold what needs no attention
     * @param expanded folds (by {@link Fold#id()}) the user opened
     * @param fixes    one-line fix per hop id, written inside the hop's box
     * @param pinned   hops never folded away, such as those changed since an earlier check
     */
    public record Options(double width, boolean collapse, Set<String> expanded, Map<String, String> fixes,
                          Set<String> pinned) {
        public Options {
            expanded = Set.copyOf(expanded);
            fixes = Map.copyOf(fixes);
            pinned = Set.copyOf(pinned);
        }

        /** Every hop, at the default width, no fixes: what exports draw. */
        public static Options full() {
            return new Options(DEFAULT_WIDTH, false, Set.of(), Map.of(), Set.of());
        }

        /** Every hop at the default width, each broken one with its fix: what exports draw for a report. */
        public static Options full(Map<String, String> fixes) {
            return new Options(DEFAULT_WIDTH, false, Set.of(), fixes, Set.of());
        }
    }

    /**
     * One hop's box.
     *
     * @param column indentation level below the lane's roots
     * @param family the address family this hop belongs to
     * @param fix    the fix written in the box, or null
     */
    public record NodeBox(Hop hop, double x, double y, double width, double height, int column,
                          AddressFamily family, String fix) {

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
     * Hops folded into one line: a passing stretch, a quiet branch or skipped steps. Its id is stable for the same
     * first hop, so a fold the user opened stays open while results arrive.
     *
     * @param hops   the folded hops, in chain order
     * @param status {@link Status#PASS} when all passed, else the status they share (skipped)
     */
    public record Fold(String id, List<Hop> hops, Status status, double x, double y, double width, double height,
                       int column, AddressFamily family) {

        /** The prefix of every fold id. */
        public static final String PREFIX = "fold:";

        public Fold {
            hops = List.copyOf(hops);
        }

        public double bottom() {
            return y + height;
        }

        public double centerY() {
            return y + height / 2;
        }
    }

    /**
     * A link from a parent (hop or fold) to a child: down the parent's stem from ({@code x1}, {@code y1}), then
     * right into the child's left side at ({@code x2}, {@code y2}); when {@code x1 == x2} it runs straight down into
     * the child's top.
     *
     * @param rule   the rule applied on this edge (the child's {@link Hop#rule()}), or null
     * @param taken  false for a branch that was not followed
     * @param status the child's status, so a broken link can be drawn as such
     */
    public record Edge(String fromId, String toId, String rule, boolean taken, Status status,
                       double x1, double y1, double x2, double y2) {

        /** True when the edge runs straight down, without the turn to the right. */
        public boolean straight() {
            return x1 == x2;
        }

        /** The line's points: x, y pairs, from the parent to the tip of the arrow. */
        public double[] points() {
            return straight() ? new double[] {x1, y1, x2, y2} : new double[] {x1, y1, x1, y2, x2, y2};
        }

        /** The arrow head's three corners, pointing into the child. */
        public double[] arrow() {
            return straight()
                    ? new double[] {x2 - 4, y2 - 7, x2, y2, x2 + 4, y2 - 7}
                    : new double[] {x2 - 7, y2 - 4, x2, y2, x2 - 7, y2 + 4};
        }
    }

    /** The band a lane's hops are drawn in, with its title strip at the top ({@link #LANE_HEADER}). */
    public record LaneBand(Lane lane, double x, double y, double width, double height) {
    }

    /** A frame around the addresses of one family below one parent, and everything reached through them. */
    public record Group(AddressFamily family, String parentId, double x, double y, double width, double height) {
        public boolean overlaps(Group other) {
            return x < other.x + other.width && other.x < x + width
                    && y < other.y + other.height && other.y < y + height;
        }
    }

    private final List<NodeBox> nodes;
    private final List<Fold> folds;
    private final List<Edge> edges;
    private final List<LaneBand> lanes;
    private final List<Group> groups;
    private final List<String> order;
    private final Map<String, String> foldOf;
    private final double width;
    private final double height;
    private final Map<String, NodeBox> byId;

    ChainLayout(List<NodeBox> nodes, List<Fold> folds, List<Edge> edges, List<LaneBand> lanes, List<Group> groups,
                List<String> order, double width, double height) {
        this.nodes = List.copyOf(nodes);
        this.folds = List.copyOf(folds);
        this.edges = List.copyOf(edges);
        this.lanes = List.copyOf(lanes);
        this.groups = List.copyOf(groups);
        this.order = List.copyOf(order);
        this.width = width;
        this.height = height;
        Map<String, NodeBox> map = new HashMap<>();
        nodes.forEach(n -> map.put(n.id(), n));
        this.byId = Collections.unmodifiableMap(map);
        Map<String, String> folded = new HashMap<>();
        folds.forEach(f -> f.hops().forEach(h -> folded.put(h.id(), f.id())));
        this.foldOf = Collections.unmodifiableMap(folded);
    }

    /** The full layout of a finished report's hops, as exports draw it. */
    public static ChainLayout of(Report report) {
        return of(report.hops());
    }

    /**
     * The full layout of hops as they arrived; a later hop with an id seen before replaces the earlier one in its
     * place, as live events do.
     */
    public static ChainLayout of(List<Hop> hops) {
        return of(hops, Options.full());
    }

    /** The layout of hops with the given options. */
    public static ChainLayout of(List<Hop> hops, Options options) {
        return new ChainLayoutBuilder(hops, options).build();
    }

    /** Boxes of the hops shown, in drawing order: lane by lane, depth first. */
    public List<NodeBox> nodes() {
        return nodes;
    }

    /** The folded stretches. */
    public List<Fold> folds() {
        return folds;
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

    /** Ids of every box and fold from top to bottom: the order the keyboard walks. */
    public List<String> order() {
        return order;
    }

    /** Total width of the drawing, margins included. */
    public double width() {
        return width;
    }

    /** Total height of the drawing, margins included. */
    public double height() {
        return height;
    }

    /** The box of a hop, when it is shown (not folded). */
    public Optional<NodeBox> node(String hopId) {
        return Optional.ofNullable(byId.get(hopId));
    }

    /** The id of the fold a hop is hidden in, if it is. */
    public Optional<String> foldOf(String hopId) {
        return Optional.ofNullable(foldOf.get(hopId));
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
}
