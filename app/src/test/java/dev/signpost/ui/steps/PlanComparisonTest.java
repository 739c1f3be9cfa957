package dev.signpost.ui.steps;

import dev.signpost.core.model.Status;
import dev.signpost.core.plan.DelegationPlan;
import dev.signpost.ui.SampleReports;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.signpost.ui.steps.StepsTestSupport.EN;
import static org.assertj.core.api.Assertions.assertThat;

class PlanComparisonTest {

    private final DelegationPlan plan = StepsTestSupport.validSession().draft().toPlan();

    @Test
    void saysWhereTheLiveWellKnownPointsInsteadOfThePlan() {
        List<PlanComparison.Finding> findings = PlanComparison.compare(plan,
                SampleReports.passing("example.com", "old.example.com:443", "https://old.example.com"), EN);
        assertThat(findings).extracting(PlanComparison.Finding::sentence).containsExactly(
                "The well-known points to old.example.com:443, your plan says matrix.example.com:8448.",
                "Matrix apps are sent to https://old.example.com, your plan says https://matrix.example.com.");
        assertThat(findings).extracting(PlanComparison.Finding::status).containsOnly(Status.WARN);
    }

    @Test
    void agreesWhenLiveMatchesThePlanEvenWithoutExplicitDefaultPort() {
        List<PlanComparison.Finding> findings = PlanComparison.compare(plan,
                SampleReports.passing("example.com", "MATRIX.example.com", "https://matrix.example.com/"), EN);
        assertThat(findings).extracting(PlanComparison.Finding::status).containsOnly(Status.PASS);
    }

    @Test
    void saysWhenNothingIsServedYet() {
        List<PlanComparison.Finding> findings = PlanComparison.compare(plan, SampleReports.failing("example.com"), EN);
        assertThat(findings.get(0).sentence()).isEqualTo(
                "No well-known is served at https://example.com/.well-known/matrix/server yet; your plan says matrix.example.com:8448.");
    }
}
