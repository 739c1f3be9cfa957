package dev.signpost.core.deploy;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.core.plan.FederationMode;
import dev.signpost.core.plan.HomeserverKind;
import dev.signpost.core.plan.WebServerKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LiveVerifierTest {

    private final LiveVerifier verifier = new LiveVerifier((name, listener) -> {
        throw new AssertionError("compare() must not start a check");
    }, Locale.ENGLISH);

    private static DelegationPlan plan() {
        return new DelegationPlan("example.org", FederationMode.WELL_KNOWN, "matrix.example.org", 443,
                "https://matrix.example.org", null, List.of(), null, null, WebServerKind.STATIC,
                HomeserverKind.SYNAPSE, false, DelegationPlan.DEFAULT_UPSTREAM, null, null);
    }

    private static Report report(String mServer, String baseUrl, Status worst) {
        FederationResult federation = new FederationResult(FederationMethod.WELL_KNOWN_EXPLICIT_PORT,
                new WellKnownResult("https://example.org/.well-known/matrix/server", mServer == null ? 404 : 200,
                        mServer, mServer == null ? "HTTP 404" : null),
                List.of(), "matrix.example.org", 443, "matrix.example.org:443", "matrix.example.org", List.of(),
                List.of());
        ClientResult client = new ClientResult(baseUrl == null ? ClientState.IGNORE : ClientState.SUCCESS,
                "https://example.org/.well-known/matrix/client", 200, baseUrl, null);
        return new Report("example.org", "example.org", Instant.EPOCH, Duration.ZERO, "test", federation, client,
                List.of(), List.of(new Check("federation.version", worst, "summary", null, List.of(), List.of())));
    }

    @Test
    void aServerServingThePlanMatches() {
        LiveCheckResult r = verifier.compare(plan(), report("matrix.example.org:443", "https://matrix.example.org/",
                Status.PASS));
        assertThat(r.matches()).isTrue();
        assertThat(r.differences()).isEmpty();
    }

    @Test
    void staleOrMissingFilesAreNamed() {
        LiveCheckResult r = verifier.compare(plan(), report("old.example.org", null, Status.FAIL));
        assertThat(r.matches()).isFalse();
        assertThat(r.differences()).containsExactly(
                "The well-known points to old.example.org, your plan says matrix.example.org:443.",
                "https://example.org/.well-known/matrix/client does not deliver a base_url yet; "
                        + "your plan says https://matrix.example.org.",
                "Some checks of the live server failed; see the report.");
        LiveCheckResult missing = verifier.compare(plan(), report(null, "https://matrix.example.org", Status.PASS));
        assertThat(missing.differences()).singleElement().asString().contains("HTTP 404");
    }

    @Test
    void theDefaultPortCountsAsTheSame() {
        DelegationPlan plan = new DelegationPlan("example.org", FederationMode.WELL_KNOWN, "matrix.example.org", 8448,
                "https://matrix.example.org", null, List.of(), null, null, WebServerKind.STATIC,
                HomeserverKind.SYNAPSE, false, DelegationPlan.DEFAULT_UPSTREAM, null, null);
        assertThat(verifier.compare(plan, report("matrix.example.org", "https://matrix.example.org", Status.PASS))
                .matches()).isTrue();
    }
}
