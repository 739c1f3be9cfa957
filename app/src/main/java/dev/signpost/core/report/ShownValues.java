package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.ImplementationVerdict;
import dev.signpost.core.text.SafeText;

/**
 * Hops and checks as a screen shows them: every one-line value with its controls, line breaks and bidi
 * overrides made visible. The wizard takes each event through here as it arrives, so no label, tooltip or
 * diagram node ever receives raw server text. Evidence is left whole: its views read it through
 * {@link EvidenceFields}, which makes it visible line by line.
 */
public final class ShownValues {

    private ShownValues() {
    }

    public static Hop hop(Hop hop) {
        return new Hop(hop.id(), hop.lane(), hop.kind(), hop.parentId(), shown(hop.label()), hop.status(),
                shown(hop.rule()), hop.taken(), shown(hop.detail()), hop.evidence(), hop.elapsed());
    }

    public static Check check(Check check) {
        return new Check(check.id(), check.status(), shown(check.summary()), shown(check.fix()), check.hopIds(),
                check.evidence(), check.blockedBy(), check.implementations().stream()
                .map(v -> new ImplementationVerdict(v.id(), v.status(), shown(v.summary()))).toList());
    }

    private static String shown(String value) {
        return value == null ? null : SafeText.oneLine(value);
    }
}
