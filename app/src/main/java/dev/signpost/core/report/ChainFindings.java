package dev.signpost.core.report;

import dev.signpost.core.model.Check;
import dev.signpost.core.model.Hop;
import dev.signpost.core.model.HopKind;
import dev.signpost.core.model.Status;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a chain tells a user first: the broken hop to look at, the fix written beside each broken hop, and a hop's
 * name in words ("TLS matrix.example.org via IPv6 2001:db8::5") instead of its id. One rule for the diagram, the
 * comparison and the exports.
 */
public final class ChainFindings {

    /**
     * The hop to fix first.
     *
     * @param hop   the first failing hop in chain order, or the first warning when nothing fails
     * @param check the check about it that needs action, or null when none names it
     * @param fix   what to do, one line: the check's fix, else the hop's own explanation
     */
    public record RootCause(Hop hop, Check check, String fix) {
    }

    private ChainFindings() {
    }

    /** The first failing (else warning) hop in the order the chain is drawn, with its fix. */
    public static Optional<RootCause> rootCause(List<Hop> hops, Collection<Check> checks) {
        return rootCause(ChainLayout.of(hops), checks);
    }

    /**
     * The first failing (else warning) hop of a layout, top to bottom, with its fix. Folds never hold one, so a
     * folded layout gives the same answer as the full one.
     */
    public static Optional<RootCause> rootCause(ChainLayout layout, Collection<Check> checks) {
        List<ChainLayout.NodeBox> ordered = layout.nodes();
        for (Status wanted : List.of(Status.FAIL, Status.WARN)) {
            for (ChainLayout.NodeBox box : ordered) {
                Hop hop = box.hop();
                if (hop.taken() && hop.status() == wanted) {
                    Check check = checkFor(hop, checks);
                    String fix = check != null && check.fix() != null ? check.fix() : hop.detail();
                    return Optional.of(new RootCause(hop, check, fix));
                }
            }
        }
        return Optional.empty();
    }

    /** The fix to write in each failing or warning hop's box, by hop id; hops without one are absent. */
    public static Map<String, String> fixes(Collection<Hop> hops, Collection<Check> checks) {
        Map<String, String> fixes = new LinkedHashMap<>();
        for (Hop hop : hops) {
            if (hop.taken() && (hop.status() == Status.FAIL || hop.status() == Status.WARN)) {
                Check check = checkFor(hop, checks);
                if (check != null && check.fix() != null && !check.fix().isBlank()) {
                    fixes.put(hop.id(), check.fix());
                }
            }
        }
        return fixes;
    }

    /** The check a user must act on about a hop: one of the hop's own status first, then any failing or warning. */
    public static Check checkFor(Hop hop, Collection<Check> checks) {
        Check fallback = null;
        for (Check check : checks) {
            if (!check.hopIds().contains(hop.id())
                    || (check.status() != Status.FAIL && check.status() != Status.WARN)) {
                continue;
            }
            if (check.status() == hop.status() && check.fix() != null) {
                return check;
            }
            if (fallback == null) {
                fallback = check;
            }
        }
        return fallback;
    }

    /**
     * A hop in words: its kind and value, and for a hop reached through one address the address it went to, so
     * the TLS hops of two addresses can be told apart.
     */
    public static String describe(Hop hop, Collection<Hop> all, ExportTexts texts) {
        Map<String, Hop> byId = new HashMap<>();
        all.forEach(h -> byId.put(h.id(), h));
        String named = texts.get("chain.hopNamed", texts.kind(hop.kind()), hop.label() == null ? "" : hop.label());
        Hop address = null;
        int guard = 0;
        for (Hop p = byId.get(hop.parentId()); p != null && guard++ < 64; p = byId.get(p.parentId())) {
            if (p.kind() == HopKind.ADDRESS) {
                address = p;
                break;
            }
        }
        if (hop.kind() == HopKind.ADDRESS || address == null) {
            return named;
        }
        return texts.get("chain.hopVia", named, texts.family(ChainLayout.familyOf(address)), address.label());
    }
}
