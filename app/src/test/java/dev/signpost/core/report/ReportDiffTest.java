package dev.signpost.core.report;

import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.report.ReportDiffResult.Change;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ReportDiffTest {

    @Test
    void aReportComparedWithItselfHasNoDifferences() {
        ReportDiffResult diff = ReportDiff.compare(ChainFixtures.healthy(), ChainFixtures.healthy());
        assertThat(diff.same()).isTrue();
        assertThat(diff.text(Locale.ENGLISH)).startsWith("No differences");
        assertThat(diff.markdown(Locale.GERMAN)).startsWith("Keine Unterschiede");
    }

    @Test
    void fixingTheCertificateShowsEachTlsHopAndTheCheckTurningGreen() {
        Report before = ChainFixtures.brokenDelegation();
        Report after = ChainFixtures.build(new ChainFixtures.Shape(FederationMethod.WELL_KNOWN_EXPLICIT_PORT,
                List.of("203.0.113.5", "2001:db8::5"), -1, false, false, false));
        ReportDiffResult diff = ReportDiff.compare(before, after);
        assertThat(diff.same()).isFalse();
        assertThat(diff.hops()).filteredOn(h -> h.id().startsWith("fed.tls."))
                .hasSize(2)
                .allSatisfy(h -> {
                    assertThat(h.change()).isEqualTo(Change.CHANGED);
                    assertThat(h.fields()).containsExactly("status");
                    assertThat(h.before().status()).isEqualTo(Status.FAIL);
                    assertThat(h.after().status()).isEqualTo(Status.PASS);
                });
        assertThat(diff.checks()).anySatisfy(c -> {
            assertThat(c.id()).isEqualTo("federation.tls");
            assertThat(c.before().status()).isEqualTo(Status.FAIL);
            assertThat(c.after().status()).isEqualTo(Status.PASS);
        });
        String text = diff.text(Locale.ENGLISH);
        assertThat(text).as("two runs on one name do not say 'from X to X'")
                .startsWith("Changes in " + after.serverName() + "\n").doesNotContain("Changes from");
        assertThat(text).contains("~ changed hop fed.tls.203.0.113.5:443: status Fail → Pass")
                .contains("~ check federation.tls: Fail → Pass");
        assertThat(diff.markdown(Locale.ENGLISH)).contains("| changed | `federation.tls` | Fail → Pass:");
    }

    @Test
    void aDifferentDelegationShowsAddedRemovedAndRelabelledHops() {
        Report srv = ChainFixtures.build(new ChainFixtures.Shape(FederationMethod.WELL_KNOWN_SRV_MATRIX_FED,
                List.of("203.0.113.5"), -1, false, false, false));
        Report port = ChainFixtures.build(new ChainFixtures.Shape(FederationMethod.WELL_KNOWN_EXPLICIT_PORT,
                List.of("203.0.113.5", "203.0.113.6"), -1, false, false, false));
        ReportDiffResult diff = ReportDiff.compare(srv, port);
        assertThat(diff.hops()).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo("fed.addr.203.0.113.6");
            assertThat(h.change()).isEqualTo(Change.ADDED);
        });
        assertThat(diff.hops()).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo("fed.srv.matrix");
            assertThat(h.change()).isEqualTo(Change.REMOVED);
        });
        assertThat(diff.hops()).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo("fed.m-server");
            assertThat(h.fields()).contains("label");
        });
        assertThat(diff.hops()).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo("fed.srv.matrix-fed");
            assertThat(h.fields()).contains("status", "taken");
        });
        assertThat(diff.hops()).anySatisfy(h -> {
            assertThat(h.id()).isEqualTo("fed.target");
            assertThat(h.fields()).contains("label", "parent");
        });
        assertThat(diff.text(Locale.GERMAN)).contains("+ neuer Schritt fed.addr.203.0.113.6");
    }
}
