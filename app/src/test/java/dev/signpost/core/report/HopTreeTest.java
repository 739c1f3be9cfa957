package dev.signpost.core.report;

import dev.signpost.core.model.Evidence;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Lane;
import dev.signpost.core.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HopTreeTest {

    private static Hop hop(String id, Lane lane, String parent) {
        return new Hop(id, lane, HopKind.SRV, parent, id, Status.PASS, null, true, null, List.<Evidence>of(),
                Duration.ZERO);
    }

    @Test
    void childrenStandUnderTheirParentEvenWhenTheyArriveInterleaved() {
        HopTree tree = HopTree.of(List.of(hop("a", Lane.FEDERATION, null), hop("b", Lane.FEDERATION, "a"),
                hop("c", Lane.FEDERATION, "a"), hop("b1", Lane.FEDERATION, "b")));
        assertThat(tree.rows(Lane.FEDERATION)).extracting(r -> r.hop().id() + "@" + r.depth())
                .containsExactly("a@0", "b@1", "b1@2", "c@1");
    }

    @Test
    void aParentInAnotherLaneOrACycleMakesARootAndNoHopIsLost() {
        HopTree tree = HopTree.of(List.of(hop("x", Lane.FEDERATION, "y"), hop("y", Lane.FEDERATION, "x"),
                hop("c", Lane.CLIENT, "x"), hop("self", Lane.CLIENT, "self")));
        assertThat(tree.rows(Lane.FEDERATION)).extracting(r -> r.hop().id()).containsExactlyInAnyOrder("x", "y");
        assertThat(tree.rows(Lane.CLIENT)).extracting(r -> r.hop().id() + "@" + r.depth())
                .containsExactly("c@0", "self@0");
    }

    @Test
    void copiedEvidenceUsesTheReportsFieldNames() {
        Evidence.Dns dns = new Evidence.Dns("_matrix-fed._tcp.example.org", "SRV", "NXDOMAIN", "127.0.0.1:53",
                List.of(), Duration.ofMillis(3));
        String text = new EvidenceFields(new ExportTexts(Locale.ENGLISH)).text(List.of(dns));
        EvidenceFields.Section section = new EvidenceFields(new ExportTexts(Locale.ENGLISH)).sections(dns).get(0);
        assertThat(text).startsWith(section.title() + "\n");
        for (EvidenceFields.Field field : section.fields()) {
            assertThat(text).contains(field.label() + ": " + field.value());
        }
    }
}
