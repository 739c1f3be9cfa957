package dev.signpost.core.plan;

import dev.signpost.core.deploy.LiveVerifier;
import dev.signpost.core.model.Check;
import dev.signpost.core.model.ClientResult;
import dev.signpost.core.model.ClientState;
import dev.signpost.core.model.FederationMethod;
import dev.signpost.core.model.FederationResult;
import dev.signpost.core.model.Report;
import dev.signpost.core.model.SrvEntry;
import dev.signpost.core.model.Status;
import dev.signpost.core.model.WellKnownResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlanComparisonTest {

    private static final Locale EN = Locale.ENGLISH;

    private static DelegationPlan plan(FederationMode mode, String host, int port, String baseUrl) {
        return new DelegationPlan("example.org", mode, host, port, baseUrl, null, List.of(), null, null,
                WebServerKind.STATIC, HomeserverKind.SYNAPSE, false, DelegationPlan.DEFAULT_UPSTREAM,
                null, null);
    }

    private static Report report(String mServer, String wellKnownError, List<SrvEntry> srv, String baseUrl) {
        FederationResult federation = new FederationResult(FederationMethod.WELL_KNOWN_EXPLICIT_PORT,
                new WellKnownResult("https://example.org/.well-known/matrix/server", mServer == null ? 404 : 200,
                        mServer, wellKnownError),
                srv, "matrix.example.org", 443, "matrix.example.org:443", "matrix.example.org", List.of(), List.of());
        ClientResult client = new ClientResult(baseUrl == null ? ClientState.IGNORE : ClientState.SUCCESS,
                "https://example.org/.well-known/matrix/client", 200, baseUrl, null);
        return new Report("example.org", "example.org", Instant.EPOCH, Duration.ZERO, "test", federation, client,
                List.of(), List.of(new Check("federation.version", Status.PASS, "summary", null, List.of(), List.of())));
    }

    private static SrvEntry srv(String target, int port) {
        return new SrvEntry("_matrix-fed._tcp.example.org", target, port, 10, 5, 300);
    }

    /** The reports on which the wizard and {@code signpost deploy} used to answer differently. */
    static Stream<Arguments> formerDisagreements() {
        DelegationPlan wellKnown443 = plan(FederationMode.WELL_KNOWN, "matrix.example.org", 443,
                "https://matrix.example.org");
        DelegationPlan wellKnown8448 = plan(FederationMode.WELL_KNOWN, "matrix.example.org", 8448,
                "https://matrix.example.org");
        DelegationPlan ipv6 = plan(FederationMode.WELL_KNOWN, "2001:db8::1", 8448, "https://matrix.example.org");
        DelegationPlan srvPlan = plan(FederationMode.SRV, "matrix.example.org", 8448, "https://matrix.example.org");
        DelegationPlan direct = plan(FederationMode.DIRECT, "example.org", 8448, "https://matrix.example.org");
        return Stream.of(
                // A default :443 in the base URL names the same place: deploy used to call this a difference.
                Arguments.of(wellKnown443, report("matrix.example.org:443", null, List.of(),
                        "https://MATRIX.example.org:443/"), List.of()),
                // An IPv6 m.server without a port means 8448: deploy used to call this a difference.
                Arguments.of(ipv6, report("[2001:db8::1]", null, List.of(), "https://matrix.example.org"), List.of()),
                // No port and :8448 are the same for servers; case does not matter.
                Arguments.of(wellKnown8448, report("Matrix.Example.org", null, List.of(), "https://matrix.example.org"),
                        List.of()),
                // SRV mode: deploy used to look only at the well-known and miss a stale SRV record.
                Arguments.of(srvPlan, report(null, "HTTP 404", List.of(srv("old.example.org.", 8448)),
                        "https://matrix.example.org"), List.of(
                        "The SRV record points to old.example.org:8448, your plan says matrix.example.org:8448.")),
                Arguments.of(srvPlan, report(null, "HTTP 404", List.of(srv("matrix.example.org.", 8448)),
                        "https://matrix.example.org"), List.of()),
                // Direct mode: a leftover well-known still delegates, which deploy used to ignore.
                Arguments.of(direct, report("old.example.org:443", null, List.of(), "https://matrix.example.org"),
                        List.of("A well-known points to old.example.org:443, but your plan uses no delegation. "
                                + "Remove it, or choose delegation.")),
                // A missing file says why, in both.
                Arguments.of(wellKnown443, report(null, "HTTP 404", List.of(), null), List.of(
                        "https://example.org/.well-known/matrix/server does not deliver an m.server value yet; "
                                + "your plan says matrix.example.org:443. Reason: HTTP 404",
                        "https://example.org/.well-known/matrix/client does not deliver a base_url yet; "
                                + "your plan says https://matrix.example.org.")));
    }

    @ParameterizedTest
    @MethodSource("formerDisagreements")
    void theWizardAndDeployGiveTheSameAnswer(DelegationPlan plan, Report report, List<String> expected) {
        List<String> wizard = PlanComparison.compare(plan, report, EN).stream()
                .filter(PlanComparison.Finding::differs).map(PlanComparison.Finding::sentence).toList();
        LiveVerifier deploy = new LiveVerifier((name, listener) -> {
            throw new AssertionError("compare() must not start a check");
        }, EN);
        assertThat(wizard).containsExactlyElementsOf(expected);
        assertThat(deploy.compare(plan, report).differences()).containsExactlyElementsOf(expected);
        assertThat(deploy.compare(plan, report).matches()).isEqualTo(expected.isEmpty());
    }

    @Test
    void saysWhatAlreadyMatches() {
        DelegationPlan plan = plan(FederationMode.WELL_KNOWN, "matrix.example.org", 8448, "https://matrix.example.org");
        assertThat(PlanComparison.compare(plan, report("matrix.example.org", null, List.of(),
                "https://matrix.example.org/"), EN)).extracting(PlanComparison.Finding::sentence).containsExactly(
                "The well-known already points to matrix.example.org:8448, as your plan says.",
                "Matrix apps are already sent to https://matrix.example.org, as your plan says.");
    }

    @Test
    void aDifferentPortOrPathIsADifference() {
        DelegationPlan plan = plan(FederationMode.WELL_KNOWN, "matrix.example.org", 8448, "https://matrix.example.org");
        assertThat(PlanComparison.differences(plan, report("matrix.example.org:443", null, List.of(),
                "https://matrix.example.org/synapse"), EN)).containsExactly(
                "The well-known points to matrix.example.org:443, your plan says matrix.example.org:8448.",
                "Matrix apps are sent to https://matrix.example.org/synapse, your plan says https://matrix.example.org.");
    }

    @Test
    void speaksGerman() {
        DelegationPlan plan = plan(FederationMode.WELL_KNOWN, "matrix.example.org", 8448, "https://matrix.example.org");
        assertThat(PlanComparison.differences(plan, report("old.example.org", null, List.of(),
                "https://matrix.example.org"), Locale.GERMAN)).containsExactly(
                "Die Well-known-Datei zeigt auf old.example.org, Ihr Plan sagt matrix.example.org:8448.");
    }
}
