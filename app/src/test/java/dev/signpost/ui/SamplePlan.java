package dev.signpost.ui;

import java.util.List;

/**
 * A plan for tests of the generator, deployer and settings. Reports come from the engine instead: see
 * {@link dev.signpost.testkit.EngineFixtures}.
 */
public final class SamplePlan {

    private SamplePlan() {
    }

    /** A valid plan: example.com delegated to matrix.example.com:443, Caddy in front, Dendrite behind. */
    public static dev.signpost.core.plan.DelegationPlan plan() {
        return new dev.signpost.core.plan.DelegationPlan("example.com", dev.signpost.core.plan.FederationMode.WELL_KNOWN,
                "matrix.example.com", 443, "https://matrix.example.com", null,
                List.of(new dev.signpost.core.plan.SupportContact("m.role.admin", null, "a@example.com")), null,
                java.util.Map.of(), dev.signpost.core.plan.WebServerKind.CADDY,
                dev.signpost.core.plan.HomeserverKind.DENDRITE, true, "http://127.0.0.1:8008", null, null);
    }
}
