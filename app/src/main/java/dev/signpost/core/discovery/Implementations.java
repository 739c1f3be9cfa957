package dev.signpost.core.discovery;

import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.model.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects how Element Web, Element X and Synapse reach a check's outcome, and gives the list a check carries: the
 * spec's verdict first, then each implementation's, and nothing at all when they all agree with the spec. The one
 * place that decides "only where they disagree".
 */
final class Implementations {

    private final RunContext ctx;
    private final List<ImplementationVerdict> others = new ArrayList<>();

    Implementations(RunContext ctx) {
        this.ctx = ctx;
    }

    Implementations elementWeb(Status status, String key, Object... args) {
        return add(ImplementationVerdict.ELEMENT_WEB, status, key, args);
    }

    Implementations elementX(Status status, String key, Object... args) {
        return add(ImplementationVerdict.ELEMENT_X, status, key, args);
    }

    Implementations synapse(Status status, String key, Object... args) {
        return add(ImplementationVerdict.SYNAPSE, status, key, args);
    }

    private Implementations add(String id, Status status, String key, Object... args) {
        others.removeIf(v -> v.id().equals(id));
        others.add(new ImplementationVerdict(id, status, ctx.t(key, args)));
        return this;
    }

    boolean isEmpty() {
        return others.isEmpty();
    }

    /**
     * @param spec        the check's own status (Signpost follows the spec)
     * @param specKey     the bundle key of the spec's verdict in a few words
     * @return the verdicts in {@link ImplementationVerdict#IDS} order, or an empty list when all agree
     */
    List<ImplementationVerdict> against(Status spec, String specKey, Object... args) {
        if (others.stream().allMatch(v -> v.status() == spec)) {
            return List.of();
        }
        List<ImplementationVerdict> all = new ArrayList<>();
        all.add(new ImplementationVerdict(ImplementationVerdict.SPEC, spec, ctx.t(specKey, args)));
        for (String id : ImplementationVerdict.IDS) {
            others.stream().filter(v -> v.id().equals(id)).forEach(all::add);
        }
        return all;
    }
}
