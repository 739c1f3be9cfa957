package dev.signpost.core.model;

import java.time.Duration;
import java.util.List;

/**
 * One node of a resolution chain, as drawn by the diagram and printed by the CLI.
 *
 * @param id        unique within a report and stable across runs of the same chain shape, e.g.
 *                  {@code fed.well-known}, {@code fed.srv.matrix-fed}, {@code fed.addr.2001:db8::5},
 *                  {@code fed.tls.203.0.113.5:8448}; live events with the same id replace the earlier one
 * @param lane      federation or client
 * @param kind      what the node stands for
 * @param parentId  the hop this one was reached from (an edge), or null for a lane's root
 * @param label     the short value shown on the node: {@code matrix.example.com:443}, {@code 203.0.113.5},
 *                  {@code Synapse 1.120.0}
 * @param status    outcome of this hop
 * @param rule      the rule of the spec applied on the edge from the parent, in plain words
 *                  ("explicit port → no SRV lookup", "404 → SRV fallback", "redirected 301")
 * @param taken     false for a branch that was considered but not followed (drawn faint)
 * @param detail    why a branch was not taken, or a one-line explanation of the outcome; may be null
 * @param evidence  raw facts behind the hop
 * @param elapsed   time spent on the hop itself, or null when it did no I/O
 */
public record Hop(
        String id,
        Lane lane,
        HopKind kind,
        String parentId,
        String label,
        Status status,
        String rule,
        boolean taken,
        String detail,
        List<Evidence> evidence,
        Duration elapsed) {

    public Hop {
        evidence = List.copyOf(evidence);
    }

    /** A copy with another status and detail, as when a running hop finishes. */
    public Hop withOutcome(Status newStatus, String newDetail, List<Evidence> newEvidence, Duration newElapsed) {
        return new Hop(id, lane, kind, parentId, label, newStatus, rule, taken, newDetail, newEvidence, newElapsed);
    }
}
