package dev.signpost.core.discovery;

import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.testkit.ServerIdentity;
import dev.signpost.testkit.TestWorld;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static dev.signpost.core.discovery.EngineTestSupport.check;
import static dev.signpost.core.discovery.EngineTestSupport.describe;
import static dev.signpost.core.discovery.EngineTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

/** A federation address whose chain a homeserver refuses fails federation.tls, naming the element and why. */
class ChainJudgementTest {

    private static Report checkWith(Function<TestWorld, ServerIdentity> identity) {
        try (TestWorld w = new TestWorld()) {
            w.dns().a("example.com", "203.0.113.5");
            w.serve("example.com", 443).serve("203.0.113.5", 8448, "example.com", identity.apply(w));
            w.homeserver("example.com").installFederation(w.https(), "example.com");
            return EngineTestSupport.check(w, "example.com");
        }
    }

    @Test
    void anExpiredIntermediateIsNamedWithItsDate() {
        Instant end = Instant.now().minus(Duration.ofHours(3));
        Report r = checkWith(w -> w.ca().leafUnderDatedIntermediate(end.minus(Duration.ofDays(90)), end,
                "example.com"));
        assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.FAIL);
        assertThat(check(r, "federation.tls").summary()).contains("intermediate certificate")
                .contains("Dated Intermediate CA").contains("expired on");
        assertThat(check(r, "federation.tls").fix()).contains("fullchain.pem");
        assertThat(r.hasFailure()).isTrue();
    }

    @Test
    void anIntermediateThatExpiredBeforeTheLeafWasIssuedIsNamedNotCalledUntrusted() {
        // No moment had both in date: the leaf is from yesterday, the intermediate ended two days ago.
        Instant end = Instant.now().minus(Duration.ofDays(2));
        Report r = checkWith(w -> w.ca().leafUnderDatedIntermediate(end.minus(Duration.ofDays(90)), end,
                "example.com"));
        assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.FAIL);
        assertThat(check(r, "federation.tls").summary()).contains("intermediate certificate")
                .contains("Dated Intermediate CA").contains("expired on").doesNotContain("does not end at a trusted root");
    }

    @Test
    void aLeafForClientsOnlyIsRefused() {
        Report r = checkWith(w -> w.ca().leafWithUsages(List.of(KeyPurposeId.id_kp_clientAuth), "example.com"));
        assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.FAIL);
        assertThat(check(r, "federation.tls").summary()).contains("clientAuth").contains("serverAuth");
    }

    @Test
    void aLeafWithoutExtendedKeyUsagePasses() {
        Report r = checkWith(w -> w.ca().leafWithUsages(List.of(), "example.com"));
        assertThat(status(r, "federation.tls")).as(describe(r)).isEqualTo(Status.PASS);
    }
}
