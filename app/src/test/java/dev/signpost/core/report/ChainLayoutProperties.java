package dev.signpost.core.report;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Report;
import dev.signpost.core.report.ChainLayout.AddressFamily;
import dev.signpost.core.report.ChainLayout.NodeBox;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain layout stays readable for every shape of chain: no overlaps, every hop once, edges where they belong. */
class ChainLayoutProperties {

    @Property(tries = 300)
    void noTwoBoxesOverlap(@ForAll("reports") Report report) {
        List<NodeBox> nodes = ChainLayout.of(report).nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                assertThat(nodes.get(i).overlaps(nodes.get(j)))
                        .as("%s overlaps %s", nodes.get(i).id(), nodes.get(j).id()).isFalse();
            }
        }
    }

    @Property(tries = 300)
    void everyHopAppearsExactlyOnceInsideTheDrawing(@ForAll("reports") Report report) {
        ChainLayout layout = ChainLayout.of(report);
        assertThat(layout.nodes()).extracting(NodeBox::id)
                .containsExactlyInAnyOrderElementsOf(report.hops().stream().map(Hop::id).toList());
        for (NodeBox box : layout.nodes()) {
            assertThat(box.x()).isGreaterThanOrEqualTo(0);
            assertThat(box.y()).isGreaterThanOrEqualTo(0);
            assertThat(box.right()).isLessThanOrEqualTo(layout.width());
            assertThat(box.bottom()).isLessThanOrEqualTo(layout.height());
            assertThat(layout.lanes()).anyMatch(l -> l.lane() == box.hop().lane()
                    && box.y() >= l.y() && box.bottom() <= l.y() + l.height());
        }
    }

    @Property(tries = 300)
    void everyEdgeConnectsParentToChild(@ForAll("reports") Report report) {
        ChainLayout layout = ChainLayout.of(report);
        long linked = report.hops().stream().filter(h -> h.parentId() != null).count();
        assertThat(layout.edges()).hasSize((int) linked);
        for (ChainLayout.Edge edge : layout.edges()) {
            Hop child = report.hop(edge.toId()).orElseThrow();
            assertThat(child.parentId()).isEqualTo(edge.fromId());
            NodeBox from = layout.node(edge.fromId()).orElseThrow();
            NodeBox to = layout.node(edge.toId()).orElseThrow();
            // Down the parent's stem, then into the child: its top when right below, else its left side.
            assertThat(edge.x1()).isEqualTo(from.x() + ChainLayout.STEM_INSET);
            assertThat(edge.y1()).isEqualTo(from.bottom());
            if (edge.straight()) {
                assertThat(to.x()).isEqualTo(from.x());
                assertThat(edge.y2()).isEqualTo(to.y());
            } else {
                assertThat(edge.x2()).isEqualTo(to.x()).isGreaterThan(edge.x1());
                assertThat(edge.y2()).isEqualTo(to.centerY());
            }
            assertThat(to.y()).isGreaterThan(from.bottom());
            assertThat(edge.rule()).isEqualTo(child.rule());
        }
    }

    @Property(tries = 200)
    void addressGroupsSeparateTheFamiliesAndNeverOverlap(@ForAll("reports") Report report) {
        ChainLayout layout = ChainLayout.of(report);
        List<ChainLayout.Group> groups = layout.groups();
        for (int i = 0; i < groups.size(); i++) {
            for (int j = i + 1; j < groups.size(); j++) {
                assertThat(groups.get(i).overlaps(groups.get(j))).isFalse();
            }
        }
        for (NodeBox box : layout.nodes()) {
            if (box.hop().kind() == HopKind.ADDRESS && box.hop().taken()) {
                AddressFamily family = box.hop().label().contains(":") ? AddressFamily.IPV6 : AddressFamily.IPV4;
                assertThat(box.family()).isEqualTo(family);
                assertThat(groups).filteredOn(g -> g.family() == family)
                        .anyMatch(g -> box.x() >= g.x() && box.right() <= g.x() + g.width()
                                && box.y() >= g.y() && box.bottom() <= g.y() + g.height());
            }
        }
    }

    @Property(tries = 100)
    void theSameHopsAlwaysGiveTheSameLayoutAndLiveArrivalEndsInTheFinalOne(@ForAll("reports") Report report) {
        ChainLayout once = ChainLayout.of(report);
        ChainLayout again = ChainLayout.of(report);
        assertThat(again.nodes()).isEqualTo(once.nodes());
        assertThat(again.edges()).isEqualTo(once.edges());
        // Live: each hop first arrives running, then finished, replacing itself by id.
        List<Hop> events = new ArrayList<>();
        for (Hop hop : report.hops()) {
            events.add(hop.withOutcome(dev.signpost.core.model.Status.RUNNING, null, List.of(), null));
        }
        events.addAll(report.hops());
        ChainLayout live = ChainLayout.of(events);
        assertThat(live.nodes()).isEqualTo(once.nodes());
    }

    @Property(tries = 100)
    void partialAndShuffledHopsStillAppearOnce(@ForAll("reports") Report report, @ForAll long seed) {
        List<Hop> hops = new ArrayList<>(report.hops());
        Collections.shuffle(hops, new Random(seed));
        List<Hop> part = hops.subList(0, hops.size() / 2 + 1);
        ChainLayout layout = ChainLayout.of(part);
        assertThat(layout.nodes()).hasSize(part.size());
        for (int i = 0; i < layout.nodes().size(); i++) {
            for (int j = i + 1; j < layout.nodes().size(); j++) {
                assertThat(layout.nodes().get(i).overlaps(layout.nodes().get(j))).isFalse();
            }
        }
    }

    @Provide
    Arbitrary<Report> reports() {
        Arbitrary<FederationMethod> method = Arbitraries.of(FederationMethod.class);
        Arbitrary<List<String>> addresses = Combinators.combine(
                        Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20))
                .as((v4, v6) -> {
                    List<String> list = new ArrayList<>();
                    for (int i = 0; i < v4; i++) {
                        list.add("203.0.113." + (i + 1));
                    }
                    for (int i = 0; i < v6; i++) {
                        list.add("2001:db8::" + Integer.toHexString(i + 1));
                    }
                    return list;
                })
                .filter(list -> !list.isEmpty() && list.size() <= 20);
        Arbitrary<Integer> failAt = Arbitraries.integers().between(-1, 200);
        return Combinators.combine(method, addresses, failAt, Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(ChainFixtures.Shape::new)
                .map(ChainFixtures::build);
    }
}
